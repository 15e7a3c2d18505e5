// Differential test of the MFA matrix against @cloud-copilot/iam-simulate, the independent
// simulator the evaluator's differential test uses: seeded policy sets whose statements name
// varied actions and resources (patterns, lists, NotAction, NotResource) and whose conditions use
// the MFA keys with the operators both sides read alike (numeric ages, Bool, Null, IfExists), over
// requests on varied actions and resources. Each case's matrix answers for long-term keys, for a
// session without MFA and for an MFA session at ages around the policies' constants; every one of
// those answers is put to the simulator as a request with exactly those MFA keys.
// MFALINT_SIM_MATRIX_SEED and MFALINT_SIM_MATRIX_COUNT change the seed and the number of sets.

#include "analysis/mfa_matrix.h"
#include "core/json_tree.h"
#include "eval/decision.h"
#include "model/policy_builder.h"
#include "support/iam_simulate.h"

#include "support/seeded_random.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace mfalint::analysis {
namespace {

namespace fs = std::filesystem;
using eval::Decision;

using testing::env_or;
using testing::Random;

const std::vector<std::string> kActions = {
    R"("s3:GetObject")", R"("s3:*")", R"("*")", R"("s3:*Object")", R"(["s3:PutObject", "s3:Get*"])",
    R"("s3:DeleteObject")", R"(["s3:DeleteObject", "s3:PutObject"])"};
const std::vector<std::string> kResources = {
    R"("*")", R"("arn:aws:s3:::b/*")", R"("arn:aws:s3:::other/*")", R"("arn:aws:s3:::b/deep/*")",
    R"("arn:aws:s3:::*/k")", R"(["arn:aws:s3:::b/k", "arn:aws:s3:::other/*"])", R"("arn:aws:s3:::b?/*")"};
const std::vector<std::string> kAges = {R"("0")", R"("300")", R"("600")", R"("3600")", "600", R"("1")"};
const std::vector<std::string> kAgeOps = {"NumericLessThan",    "NumericLessThanEquals",    "NumericGreaterThan",
                                          "NumericGreaterThanEquals", "NumericEquals", "NumericNotEquals"};
const std::vector<std::string> kBooleans = {R"("true")", R"("false")"};
const std::vector<std::string> kRequestActions = {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"};
const std::vector<std::string> kRequestResources = {"arn:aws:s3:::b/k", "arn:aws:s3:::other/x", "arn:aws:s3:::b/deep/k",
                                                    "arn:aws:s3:::b2/k"};
const std::vector<int64_t> kProbeAges = {0, 1, 299, 300, 301, 599, 600, 601, 3599, 3600, 3601, 100000};
constexpr const char* kPrincipal = "arn:aws:iam::111122223333:user/alice";
constexpr const char* kAccount = "111122223333";

struct Generator {
  Random random;

  std::string block() {
    std::string if_exists = random.chance(0.3) ? "IfExists" : "";
    switch (random.below(3)) {
      case 0: return "\"" + random.pick(kAgeOps) + if_exists + R"(": {"aws:MultiFactorAuthAge": )" + random.pick(kAges) + "}";
      case 1: return "\"Bool" + if_exists + R"(": {"aws:MultiFactorAuthPresent": )" + random.pick(kBooleans) + "}";
      default:
        return std::string(R"("Null": {")") + (random.chance(0.5) ? "aws:MultiFactorAuthAge" : "aws:MultiFactorAuthPresent") +
               "\": " + random.pick(kBooleans) + "}";
    }
  }

  std::string condition() {
    size_t n = random.below(3);
    if (n == 0) return "";
    std::map<std::string, std::string> blocks;  // one block per operator name: JSON keys are unique
    for (size_t i = 0; i < n; ++i) {
      std::string b = block();
      blocks.emplace(b.substr(0, b.find(':')), b);
    }
    std::string out = R"(, "Condition": {)";
    for (auto it = blocks.begin(); it != blocks.end(); ++it) out += (it == blocks.begin() ? "" : ", ") + it->second;
    return out + "}";
  }

  std::string statement() {
    std::string effect = random.chance(0.6) ? "Allow" : "Deny";
    std::string actions = (random.chance(0.12) ? R"("NotAction": )" : R"("Action": )") + random.pick(kActions);
    std::string resources = (random.chance(0.12) ? R"("NotResource": )" : R"("Resource": )") + random.pick(kResources);
    return R"({"Effect": ")" + effect + "\", " + actions + ", " + resources + condition() + "}";
  }

  std::string policy() {
    std::string out = R"({"Version": "2012-10-17", "Statement": [)";
    for (size_t i = 0, n = 1 + random.below(3); i < n; ++i) out += (i ? ", " : "") + statement();
    return out + "]}";
  }
};

struct Case {
  std::vector<std::string> identity;
  std::vector<std::unique_ptr<model::Policy>> policies;
  eval::PolicySet set;
  eval::Request request;
  MfaMatrix matrix;
};

// One question put to the simulator: a case's request with one kind of credentials.
struct Probe {
  size_t case_index;
  std::string kind;  // "long-term keys", "session without MFA", "MFA session at N s"
  std::string context;  // the request's MFA keys, as a JSON object
  bool matrix_allows;
};

TEST(MfaMatrixSimulator, AgreesWithIamSimulateOnVariedActionsAndResources) {
  if (testing::run_shell("command -v node && command -v npm").status != 0) {
    MFALINT_MISSING_TOOL("the MFA-matrix differential test needs node and npm on PATH");
  }
  // A directory of its own: the evaluator's differential test may be installing into its own at once.
  fs::path work = fs::path(MFALINT_BINARY).parent_path() / "matrix-simulate-node";
  std::string why;
  if (testing::prepare_iam_simulate(work, why).empty()) MFALINT_MISSING_TOOL(why);

  uint64_t seed = env_or("MFALINT_SIM_MATRIX_SEED", 20261204);
  uint64_t count = env_or("MFALINT_SIM_MATRIX_COUNT", 400);
  Generator gen{Random(seed)};
  std::vector<Case> cases(count);
  std::vector<Probe> probes;
  std::ostringstream json;
  json << R"({"cases": [)";
  for (size_t i = 0; i < cases.size(); ++i) {
    Case& c = cases[i];
    for (size_t p = 0, n = 1 + gen.random.below(2); p < n; ++p) {
      c.identity.push_back(gen.policy());
      auto parsed = parse_json(c.identity.back());
      Findings findings;
      auto policy = parsed.root ? model::build_policy(*parsed.root, {}, findings) : std::nullopt;
      ASSERT_TRUE(policy) << c.identity.back();
      c.policies.push_back(std::make_unique<model::Policy>(std::move(*policy)));
      c.set.identity.push_back(c.policies.back().get());
    }
    c.request = eval::Request{gen.random.pick(kRequestActions), gen.random.pick(kRequestResources), kPrincipal, {}};
    c.request.context.set("aws:ResourceAccount", {kAccount}, false);  // the simulator takes it beside the ARN
    c.matrix = mfa_matrix(c.set, c.request);
    auto probe = [&](std::string kind, std::string context, bool allows) {
      probes.push_back(Probe{i, std::move(kind), std::move(context), allows});
    };
    probe("long-term keys", "{}", c.matrix.long_term_keys == Decision::Allowed);
    probe("session without MFA", R"({"aws:MultiFactorAuthPresent": "false"})",
          c.matrix.session_without_mfa == Decision::Allowed);
    for (int64_t age : kProbeAges) {
      if (c.matrix.exact_through && age > *c.matrix.exact_through) continue;
      probe("MFA session at " + std::to_string(age) + " s",
            R"({"aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": ")" + std::to_string(age) + "\"}",
            c.matrix.allowed_mfa_ages.contains(age));
    }
  }
  for (size_t id = 0; id < probes.size(); ++id) {
    const Case& c = cases[probes[id].case_index];
    json << (id ? ",\n" : "\n") << R"({"id": )" << id << R"(, "identity": [)";
    for (size_t p = 0; p < c.identity.size(); ++p) json << (p ? ", " : "") << c.identity[p];
    json << R"(], "scps": [], "request": {"action": ")" << c.request.action << R"(", "principal": ")" << kPrincipal
         << R"(", "resource": ")" << c.request.resource << R"(", "resource_account": ")" << kAccount
         << R"(", "context": )" << probes[id].context << "}}";
  }
  json << "\n]}\n";
  std::ofstream(work / "matrix-cases.json") << json.str();
  auto simulated = testing::run_shell("node simulate.mjs matrix-cases.json > matrix-results.jsonl", work.string());
  ASSERT_EQ(simulated.status, 0) << simulated.err;

  std::istringstream lines(testing::read_all(work / "matrix-results.jsonl"));
  size_t answered = 0, agreed = 0, allowed = 0, reported = 0;
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    const Probe& probe = probes.at(d["id"].GetUint64());
    const Case& c = cases[probe.case_index];
    ++answered;
    ASSERT_TRUE(d.HasMember("decision")) << "iam-simulate refused a case: " << line;
    bool theirs = std::string(d["decision"].GetString()) == "Allowed";
    allowed += theirs;
    if (theirs == probe.matrix_allows) {
      ++agreed;
    } else if (++reported <= 10) {
      std::string policies;
      for (const auto& text : c.identity) policies += "\n  " + text;
      ADD_FAILURE() << c.request.action << " on " << c.request.resource << " with " << probe.kind << ": the matrix says "
                    << (probe.matrix_allows ? "allowed" : "denied") << ", iam-simulate " << d["decision"].GetString()
                    << policies;
    }
  }
  std::cout << "MFA matrix against iam-simulate (seed " << seed << "): " << cases.size() << " policy sets, " << answered
            << " requests, " << agreed << " agree, " << allowed << " allowed\n";
  EXPECT_EQ(answered, probes.size());
  EXPECT_EQ(agreed, answered);
  // The generator must reach both answers often, or the comparison proves little.
  EXPECT_GT(allowed, answered / 10);
  EXPECT_LT(allowed, answered * 9 / 10);
}

}  // namespace
}  // namespace mfalint::analysis
