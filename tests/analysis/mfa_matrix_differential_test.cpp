// Differential tests of the MFA matrix, on seeded generated policy sets whose conditions use the
// MFA keys with every operator that can hold on them:
//  - against the request evaluator, probed at ages 0, 1, around every constant, 129600 and at
//    random, and for the two kinds of credentials without MFA;
//  - against the symbolic analysis `mfalint check` runs (analysis::analyze_mfa), on sets of one
//    Allow of a sensitive action on the request's own resource and any number of Denies on
//    resources that cover it or not (component by component, or only as a flat string),
//    conditioned on the MFA keys only, where both must give the same answer.
// MFALINT_MATRIX_SEED and MFALINT_MATRIX_COUNT change the seed and the number of cases.

#include "analysis/mfa_analysis.h"
#include "analysis/mfa_matrix.h"
#include "catalog/sensitivity.h"
#include "core/json_tree.h"
#include "eval/decision.h"
#include "model/policy_builder.h"

#include "support/seeded_random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace mfalint::analysis {
namespace {

using eval::Decision;

using testing::env_or;
using testing::Random;

// Policy values as JSON literals: strings quoted, numbers and booleans bare, as policies write them.
const std::vector<std::string> kAgeValues = {
    R"("0")", R"("1")", R"("299")", R"("300")", R"("300.5")", R"("599.5")", R"("600")", "600", "599.5", R"("600.0")", R"("3600")",
    R"("-1")", R"("-0.5")", R"("129600")", R"("300000")", R"("99999999999999999999")", R"("abc")", R"("1e3")",
    R"("+5")", R"(".5")", R"("5.")", R"("0600")", R"("1970-01-01T00:10:00Z")"};
const std::vector<std::string> kAgeOps = {
    "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
    "NumericGreaterThanEquals", "NumericLessThan", "NumericGreaterThan", "StringEquals", "StringNotEquals",
    "StringEqualsIgnoreCase", "StringLike", "Bool", "DateLessThan", "DateGreaterThanEquals", "BinaryEquals"};
const std::vector<std::string> kPresentValues = {R"("true")", R"("false")", R"("TRUE")", "true", "false"};
const std::vector<std::string> kPresentOps = {"Bool", "Bool", "Bool", "StringEquals", "StringEqualsIgnoreCase",
                                              "StringNotEquals", "StringLike"};
// Patterns with no interval form; they make the matrix go age by age, so they are drawn rarely.
const std::vector<std::string> kAgeWildcards = {R"("1*")", R"("?00")", R"("*9")"};

constexpr const char* kAge = "aws:MultiFactorAuthAge";
constexpr const char* kPresent = "aws:MultiFactorAuthPresent";

struct Generator {
  Random random;
  bool other_keys = true;  // conditions on aws:username too

  std::string values(const std::vector<std::string>& pool) {
    size_t n = 1 + random.below(3);
    if (n == 1 && random.chance(0.5)) return random.pick(pool);
    std::string out = "[";
    for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + random.pick(pool);
    return out + "]";
  }

  // One operator block on one key: `"Op": {"key": values}`.
  std::string block() {
    double which = static_cast<double>(random.below(100)) / 100;
    std::string key, op, vals;
    if (other_keys && which < 0.1) {
      key = "aws:username";
      op = random.chance(0.5) ? "StringEquals" : "StringNotEquals";
      vals = random.chance(0.5) ? R"("alice")" : R"("bob")";
    } else if (which < 0.55) {
      key = kAge;
      op = random.pick(kAgeOps);
      vals = values(kAgeValues);
      if (op == "StringLike" && random.chance(0.03)) vals = random.pick(kAgeWildcards);
    } else {
      key = kPresent;
      op = random.pick(kPresentOps);
      vals = values(kPresentValues);
    }
    std::string qualifier;
    if (random.chance(0.1)) qualifier = random.chance(0.6) ? "ForAnyValue:" : "ForAllValues:";
    std::string if_exists = random.chance(0.25) ? "IfExists" : "";
    if (random.chance(0.12)) {
      op = "Null";
      qualifier = if_exists = "";
      vals = random.pick(std::vector<std::string>{R"("true")", R"("false")", "true", "false"});
    }
    return "\"" + qualifier + op + if_exists + "\": {\"" + key + "\": " + vals + "}";
  }

  std::string condition(size_t max_blocks) {
    size_t n = random.below(max_blocks + 1);
    if (n == 0) return "";
    // Two blocks with one operator name would be a duplicate JSON key: keep the first.
    std::map<std::string, std::string> blocks;
    for (size_t i = 0; i < n; ++i) {
      std::string b = block();
      blocks.emplace(b.substr(0, b.find(':', 1)), b);
    }
    std::string out = ", \"Condition\": {";
    bool first = true;
    for (const auto& [op, b] : blocks) {
      out += (first ? "" : ", ") + b;
      first = false;
    }
    return out + "}";
  }

  std::string statement(const std::string& effect, const std::string& actions, const std::string& resource,
                        size_t max_blocks) {
    return "{\"Effect\": \"" + effect + "\", " + actions + ", \"Resource\": " + resource + condition(max_blocks) + "}";
  }

  std::string any_statement() {
    std::string actions = random.chance(0.1)
                              ? "\"NotAction\": " + random.pick(std::vector<std::string>{R"("s3:PutObject")", R"(["s3:GetObject"])"})
                              : "\"Action\": " + random.pick(std::vector<std::string>{R"("s3:GetObject")", R"("s3:*")", R"("*")",
                                                                                    R"(["s3:PutObject", "s3:Get*"])", R"("s3:PutObject")"});
    std::string resource = random.pick(std::vector<std::string>{R"("*")", R"("*")", R"("arn:aws:s3:::b/*")", R"("arn:aws:s3:::other/*")"});
    return statement(random.chance(0.65) ? "Allow" : "Deny", actions, resource, 3);
  }

  std::string policy(size_t min_statements, size_t max_statements, bool allow_all_first) {
    size_t n = min_statements + random.below(max_statements - min_statements + 1);
    std::string out = R"({"Version": "2012-10-17", "Statement": [)";
    if (allow_all_first) out += R"({"Effect": "Allow", "Action": "*", "Resource": "*"})";
    for (size_t i = 0; i < n; ++i) out += (i || allow_all_first ? ", " : "") + any_statement();
    return out + "]}";
  }
};

struct Case {
  std::vector<std::unique_ptr<model::Policy>> policies;
  std::vector<std::string> texts;  // for the failure message
  eval::PolicySet set;

  // Built straight from the JSON tree: loading a file would also run every check, and the MFA
  // checks scan String conditions on the age second by second, which would dominate the run.
  const model::Policy* add(const std::string& json) {
    texts.push_back(json);
    auto parsed = parse_json(json);
    Findings findings;
    auto policy = parsed.root ? model::build_policy(*parsed.root, {}, findings) : std::nullopt;
    EXPECT_TRUE(policy) << parsed.error << "\n" << json;
    if (!policy) return nullptr;
    policies.push_back(std::make_unique<model::Policy>(std::move(*policy)));
    return policies.back().get();
  }

  std::string describe() const {
    std::string out;
    for (const auto& text : texts) out += "  " + text + "\n";
    return out;
  }
};

// Ages at which the matrix is checked: the documented edges, around every constant, and at random.
std::set<int64_t> probe_ages(const Case& c, Random& random) {
  std::set<int64_t> ages = {0, 1, 129600, 9007199254740992, 999999999999999, 1000000000000000,
                            std::numeric_limits<int64_t>::max()};
  for (const auto& text : c.texts) {
    for (size_t p = text.find(kAge); p != std::string::npos; p = text.find(kAge, p + 1)) {
      // Every number in the entry's values: strtod reads more forms than AWS does, which only adds probes.
      size_t end = text.find('}', p);
      for (size_t q = p + std::string(kAge).size() + 2; q < end; ++q) {
        char* after = nullptr;
        double value = std::strtod(text.c_str() + q, &after);
        if (after == text.c_str() + q || !std::isfinite(value) || std::fabs(value) > 1e18) continue;
        for (double around : {std::floor(value) - 1, std::floor(value), std::ceil(value), std::ceil(value) + 1}) {
          if (around >= 0) ages.insert(static_cast<int64_t>(around));
        }
        q = static_cast<size_t>(after - text.c_str());
      }
    }
  }
  for (int i = 0; i < 5; ++i) ages.insert(static_cast<int64_t>(random.below(400000)));
  return ages;
}

Decision decide(const eval::PolicySet& set, eval::Request request, eval::MfaContext kind, int64_t age = 0) {
  eval::set_mfa_context(request.context, kind, age);
  return eval::evaluate(set, request).decision;
}

TEST(MfaMatrixDifferential, AgreesWithTheEvaluatorAtEveryProbe) {
  uint64_t seed = env_or("MFALINT_MATRIX_SEED", 20240611);
  uint64_t count = env_or("MFALINT_MATRIX_COUNT", 3000);
  Generator gen{Random(seed)};
  eval::Request request{"s3:GetObject", "arn:aws:s3:::b/k", "", {}};
  request.context.add("aws:username", "alice");
  int failures = 0, protected_cases = 0, windows = 0, scanned = 0;
  size_t probes = 0;
  for (uint64_t id = 0; id < count && failures < 10; ++id) {
    Case c;
    for (size_t i = 0, n = 1 + gen.random.below(2); i < n; ++i) c.set.identity.push_back(c.add(gen.policy(1, 3, false)));
    if (gen.random.chance(0.15)) c.set.boundaries.push_back({c.add(gen.policy(1, 2, gen.random.chance(0.7)))});
    for (size_t i = 0, n = gen.random.chance(0.15) ? 1 + gen.random.below(2) : 0; i < n; ++i) {
      c.set.scps.push_back({c.add(gen.policy(0, 2, gen.random.chance(0.7)))});
    }
    MfaMatrix m = mfa_matrix(c.set, request);
    protected_cases += m.is_protected;
    windows += !m.allowed_mfa_ages.empty() && !m.allowed_mfa_ages.is_all();
    scanned += m.exact_through.has_value();
    std::string failure;
    if (m.long_term_keys != decide(c.set, request, eval::MfaContext::LongTermKeys)) failure += " long-term keys;";
    if (m.session_without_mfa != decide(c.set, request, eval::MfaContext::SessionWithoutMfa)) failure += " no-MFA session;";
    for (int64_t age : probe_ages(c, gen.random)) {
      if (m.exact_through && age > *m.exact_through) continue;
      ++probes;
      bool allowed = decide(c.set, request, eval::MfaContext::MfaSession, age) == Decision::Allowed;
      if (allowed != m.allowed_mfa_ages.contains(age)) failure += " age " + std::to_string(age) + ";";
    }
    if (!failure.empty()) {
      ++failures;
      ADD_FAILURE() << "case " << id << " (seed " << seed << "): matrix " << m.allowed_mfa_ages.to_json()
                    << " disagrees with the evaluator at" << failure << "\n" << c.describe();
    }
  }
  std::cout << "mfa matrix vs evaluator (seed " << seed << "): " << count << " cases, " << probes << " probes, "
            << protected_cases << " protected, " << windows << " with a bounded window, " << scanned
            << " computed age by age\n";
  // The generator must keep producing the interesting cases, or the test proves little.
  EXPECT_GE(windows, static_cast<int>(count / 20));
  EXPECT_GE(protected_cases, static_cast<int>(count / 20));
}

TEST(MfaMatrixDifferential, AgreesWithTheSymbolicAnalysis) {
  uint64_t seed = env_or("MFALINT_MATRIX_SEED", 20240611) + 1;
  uint64_t count = env_or("MFALINT_MATRIX_COUNT", 3000) / 2;
  Generator gen{Random(seed), false};
  // A sensitive action outside the MFA set-up actions, which the analysis reports apart.
  const std::string action = "iam:CreateAccessKey";
  const std::vector<std::string> resources = {"arn:aws:iam::111111111111:user/alice", "arn:aws:iam::111111111111:user/ops/bob"};
  // Deny resources that cover a request's resource, that do not, and that only would if a
  // wildcard could reach across the colons before the resource part (`arn:aws:*:alice`).
  const std::vector<std::string> deny_resources = {
      R"("*")", R"("arn:aws:iam::111111111111:user/*")", R"("arn:aws:iam::*:user/alice")", R"("arn:aws:*:alice")",
      R"("arn:aws:*:user/alice")", R"("arn:aws:iam::111111111111:*")", R"("arn:aws:iam::*:user/*/b?b")",
      R"("arn:aws:iam::222222222222:user/*")", R"("arn:aws:iam:*")", R"("arn:aws:*")", R"(["arn:aws:s3:::*", "arn:aws:iam::1*"])",
      R"("arn:aws:iam::111111111111:user/bob")"};
  const std::vector<std::string> deny_actions = {
      R"("Action": "iam:CreateAccessKey")", R"("Action": "*")", R"("Action": "iam:*")", R"("Action": ["s3:*", "iam:Create*"])",
      R"("Action": "s3:*")", R"("NotAction": "iam:CreateAccessKey")", R"("NotAction": ["s3:GetObject", "iam:List*"])"};
  int agreed = 0, reported = 0;
  for (uint64_t id = 0; id < count; ++id) {
    eval::Request request{action, gen.random.pick(resources), "", {}};
    std::string policy = R"({"Version": "2012-10-17", "Statement": [)" +
                         gen.statement("Allow", R"("Action": ")" + action + "\"", "\"" + request.resource + "\"", 2);
    for (size_t i = 0, n = gen.random.below(4); i < n; ++i) {
      policy += ", " + gen.statement("Deny", gen.random.pick(deny_actions), gen.random.pick(deny_resources), 2);
    }
    policy += "]}";
    Case c;
    c.set.identity.push_back(c.add(policy));
    MfaMatrix m = mfa_matrix(c.set, request);
    MfaOptions options;
    MfaResult symbolic = analyze_mfa(c.set.identity, catalog::Sensitivity::defaults(), options);
    // No row: no credential reaches the action.
    ASSERT_LE(symbolic.rows.size(), 1u) << policy;
    MfaRow row;  // both kinds denied
    if (!symbolic.rows.empty()) row = symbolic.rows.front();

    AgeSet ours = m.allowed_mfa_ages, theirs;
    for (const auto& [from, to] : row.mfa_ages) theirs = theirs.unite(AgeSet::range(from, to));
    if (m.exact_through) theirs = theirs.intersect(AgeSet::range(0, *m.exact_through));
    auto name = [](Decision d) { return d == Decision::Allowed ? "Allowed" : "Denied"; };
    bool same = ours == theirs && row.long_term_keys.allowed == (m.long_term_keys == Decision::Allowed) &&
                row.session_without_mfa.allowed == (m.session_without_mfa == Decision::Allowed) &&
                row.is_protected == m.is_protected;
    if (same) {
      ++agreed;
    } else if (++reported <= 10) {
      ADD_FAILURE() << "case " << id << " (seed " << seed << "): matrix " << name(m.long_term_keys) << " "
                    << name(m.session_without_mfa) << " " << ours.to_json() << ", analyze_mfa " << row.long_term_keys.describe()
                    << " " << row.session_without_mfa.describe() << " " << theirs.to_json() << "\n  " << policy;
    }
  }
  std::cout << "mfa matrix vs analyze_mfa (seed " << seed << "): " << count << " cases, " << agreed << " agree\n";
  EXPECT_EQ(agreed, static_cast<int>(count));
}

}  // namespace
}  // namespace mfalint::analysis
