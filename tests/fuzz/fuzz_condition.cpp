// A policy read from the input, evaluated on one fixed request and analysed for MFA: the condition
// operators, their value forms (dates, numbers, IPs, ARNs, wildcards), the MFA age arithmetic, and
// the set analysis of `check` and `audit` (every Deny against every Allow, resource containment).
#include "analysis/mfa_analysis.h"
#include "analysis/mfa_matrix.h"
#include "analysis/mfa_reach.h"
#include "eval/decision.h"
#include "fuzz_load.h"

namespace {

mfalint::eval::Request fixed_request() {
  mfalint::eval::Request request{"s3:GetObject", "arn:aws:s3:::example/a.txt", "arn:aws:iam::123456789012:user/alice", {}};
  request.context.add("aws:SourceIp", "203.0.113.7");
  request.context.add("aws:CurrentTime", "2026-01-15T12:00:00Z");
  request.context.add("aws:EpochTime", "1768478400");
  request.context.add("aws:SecureTransport", "true");
  request.context.add("aws:PrincipalTag/team", "ops");
  request.context.add("aws:TagKeys", "team");
  request.context.add("aws:TagKeys", "env");
  request.context.add("aws:PrincipalArn", "arn:aws:iam::123456789012:user/alice");
  mfalint::eval::set_mfa_context(request.context, mfalint::eval::MfaContext::MfaSession, 300);
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mfalint;
  static const eval::Request request = fixed_request();
  analysis::Assumptions assumptions;
  assumptions.fixed["aws:sourceip"] = {"203.0.113.7"};

  input::LoadedFile file = fuzz::load_as("policy.json", data, size);
  std::vector<const model::Policy*> policies;
  for (const auto& policy : file.policies) policies.push_back(&policy);
  if (!policies.empty()) {
    analysis::MfaOptions options;
    options.assumptions = assumptions;
    options.max_mfa_age = 3600;
    (void)analysis::analyze_mfa(policies, catalog::Sensitivity::defaults(), options);
    (void)analysis::analyze_mfa(policies, catalog::Sensitivity::defaults(), {}, {policies.front()});
  }
  for (const auto& policy : file.policies) {
    eval::PolicySet set;
    set.identity.push_back(&policy);
    (void)eval::evaluate(set, request);
    (void)analysis::mfa_matrix(set, request);
    for (const auto& statement : policy.statements) {
      if (!statement.effect) continue;
      (void)analysis::condition_reach(statement, *statement.effect, assumptions);
      (void)analysis::condition_reach(statement, *statement.effect, {});
    }
  }
  return 0;
}
