#include "eval/decision.h"

#include "eval/arn.h"
#include "eval/principal.h"
#include "eval/service_rules.h"
#include "eval/statement.h"

namespace mfalint::eval {
namespace {

bool is_service_principal(std::string_view caller) { return !caller.empty() && !caller.starts_with("arn:"); }

// Callers that a same-account resource policy can name directly past a boundary's implicit
// deny: IAM users and the sessions of roles and federated users (not roles themselves).
bool names_user_or_session(std::string_view caller) {
  auto parts = split_arn(caller);
  if (!parts) return false;
  std::string_view service = (*parts)[2], path = (*parts)[5];
  return (service == "iam" && path.starts_with("user/")) ||
         (service == "sts" && (path.starts_with("assumed-role/") || path.starts_with("federated-user/")));
}

struct Sweep {
  const Request& request;
  Result& out;  // denies go to out.statements, allows to out.scratch
  bool has_boundary;

  // Every applicable statement of `policies`; returns whether one of them allows.
  bool identity_like(const PolicyList& policies, PolicyType type, uint32_t group) {
    bool allowed = false;
    for (const model::Policy* policy : policies) {
      Scope scope = scope_for(*policy, request.context);
      for (const auto& statement : policy->statements) {
        if (!statement.effect || !statement_applies(statement, request, scope)) continue;
        bool deny = *statement.effect == model::Effect::Deny;
        (deny ? out.statements : out.scratch).push_back({type, group, policy, &statement});
        allowed |= !deny;
      }
    }
    return allowed;
  }

  // The strongest principal match among the resource policy's applicable Allow statements.
  PrincipalMatch resource(const PolicyList& policies) {
    PrincipalMatch best = PrincipalMatch::None;
    for (const model::Policy* policy : policies) {
      Scope scope = scope_for(*policy, request.context);
      for (const auto& statement : policy->statements) {
        if (!statement.effect) continue;
        bool deny = *statement.effect == model::Effect::Deny;
        PrincipalMatch match = statement_principal(statement, request.principal);
        // AWS: a Deny with NotPrincipal always denies a principal that has a permissions boundary.
        if (deny && has_boundary && statement.not_principal) match = PrincipalMatch::Direct;
        if (match == PrincipalMatch::None || !statement_applies(statement, request, scope)) continue;
        (deny ? out.statements : out.scratch).push_back({PolicyType::Resource, 0, policy, &statement});
        if (!deny && match > best) best = match;
      }
    }
    return best;
  }
};

// A same-account resource policy Allow that names the caller itself, which a boundary's implicit
// deny does not limit.
bool resource_bypasses_boundary(const Request& request, const Result& out) {
  if (!names_user_or_session(request.principal)) return false;
  for (const auto& decisive : out.scratch) {
    if (decisive.type == PolicyType::Resource &&
        statement_principal(*decisive.statement, request.principal) == PrincipalMatch::Direct) {
      return true;
    }
  }
  return false;
}

void implicit(Result& out, Missing missing, uint32_t group = 0) {
  out.decision = Decision::ImplicitDeny;
  out.missing = missing;
  out.group = group;
  out.statements.clear();
}

}  // namespace

std::string_view decision_name(Decision decision) {
  switch (decision) {
    case Decision::Allowed: return "Allowed";
    case Decision::ExplicitDeny: return "ExplicitDeny";
    case Decision::ImplicitDeny: return "ImplicitDeny";
  }
  return "ImplicitDeny";
}

std::string_view policy_type_name(PolicyType type) {
  switch (type) {
    case PolicyType::Identity: return "identity";
    case PolicyType::Resource: return "resource";
    case PolicyType::Boundary: return "boundary";
    case PolicyType::Scp: return "scp";
  }
  return "identity";
}

bool same_account(const Request& request) {
  if (request.principal.empty()) return true;
  std::string_view resource_account = arn_account(request.resource);
  if (resource_account.empty()) {
    const ContextEntry* entry = request.context.find("aws:ResourceAccount");
    if (entry && entry->values.size() == 1) resource_account = entry->values.front();
  }
  return resource_account.empty() || is_aws_namespace(resource_account) ||
         resource_account == arn_account(request.principal);
}

void evaluate(const PolicySet& policies, const Request& request, Result& out) {
  out.statements.clear();
  out.scratch.clear();
  out.guard = guard_for(request);
  out.own_policy = own_policy_required(request);
  if (out.guard == Guard::CallerIdentity) {
    out.decision = Decision::Allowed;
    out.missing = Missing::Nothing;
    return;
  }
  bool service = is_service_principal(request.principal);
  Sweep sweep{request, out, !policies.boundaries.empty()};

  bool identity_allows = !service && sweep.identity_like(policies.identity, PolicyType::Identity, 0);
  PrincipalMatch resource_allows = sweep.resource(policies.resource);
  // Boundaries and SCPs limit IAM principals only; a service principal is judged by the resource policy.
  int64_t boundary_gap = -1, scp_gap = -1;
  for (uint32_t i = 0; !service && i < policies.boundaries.size(); ++i) {
    if (!sweep.identity_like(policies.boundaries[i], PolicyType::Boundary, i) && boundary_gap < 0) boundary_gap = i;
  }
  for (uint32_t i = 0; !service && i < policies.scps.size(); ++i) {
    if (!sweep.identity_like(policies.scps[i], PolicyType::Scp, i) && scp_gap < 0) scp_gap = i;
  }

  if (!out.statements.empty()) {
    out.decision = Decision::ExplicitDeny;
    out.missing = Missing::Nothing;
    return;
  }
  if (out.guard != Guard::None) return implicit(out, Missing::Guarded);
  // A role's trust policy and a key's policy must allow the request themselves; naming only the
  // account (its root) delegates to the identity policies, which must then allow it too.
  if (out.own_policy != OwnPolicy::None) {
    if (policies.resource.empty()) return implicit(out, Missing::OwnPolicyAbsent);
    if (resource_allows == PrincipalMatch::None) return implicit(out, Missing::OwnPolicyAllow);
  }
  bool one_account = same_account(request);
  bool resource_names_caller = resource_allows >= PrincipalMatch::Session;
  if (service) {
    if (!resource_names_caller) return implicit(out, Missing::Allow);
  } else if (one_account) {
    if (!identity_allows && !resource_names_caller) return implicit(out, Missing::Allow);
  } else if (!identity_allows || resource_allows == PrincipalMatch::None) {
    return implicit(out, Missing::CrossAccountAllow);
  }
  if (boundary_gap >= 0 && !(one_account && resource_bypasses_boundary(request, out))) {
    return implicit(out, Missing::BoundaryAllow, static_cast<uint32_t>(boundary_gap));
  }
  if (scp_gap >= 0) return implicit(out, Missing::ScpAllow, static_cast<uint32_t>(scp_gap));
  out.decision = Decision::Allowed;
  out.missing = Missing::Nothing;
  out.statements.swap(out.scratch);
}

Result evaluate(const PolicySet& policies, const Request& request) {
  Result result;
  evaluate(policies, request, result);
  return result;
}

}  // namespace mfalint::eval
