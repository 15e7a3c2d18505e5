// The decision procedure over identity policies, a resource policy, boundaries and SCPs.

#include "eval_support.h"

namespace mfalint::eval {
namespace {

using testing::decide;
using testing::get_object;
using testing::Policies;
using testing::request;
using testing::statement_policy;

constexpr const char* kAlice = "arn:aws:iam::111111111111:user/alice";
constexpr const char* kOther = "arn:aws:iam::222222222222:user/mallory";
constexpr const char* kSession = "arn:aws:sts::111111111111:assumed-role/Reader/alice";

// The MFA story: Null aws:MultiFactorAuthAge false on s3:GetObject.
constexpr const char* kMfaStory =
    R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/*",
        "Condition": {"Null": {"aws:MultiFactorAuthAge": "false"}}})";

Decision with_mfa(const char* statements, MfaContext kind, long long age = 0) {
  Request r = get_object();
  set_mfa_context(r.context, kind, age);
  return decide(statements, r);
}

TEST(Decision, MfaStory) {
  EXPECT_EQ(with_mfa(kMfaStory, MfaContext::LongTermKeys), Decision::ImplicitDeny);
  EXPECT_EQ(with_mfa(kMfaStory, MfaContext::SessionWithoutMfa), Decision::ImplicitDeny);
  EXPECT_EQ(with_mfa(kMfaStory, MfaContext::MfaSession, 30), Decision::Allowed);
}

TEST(Decision, MfaDenyNeedsIfExists) {
  std::string allow = R"({"Effect": "Allow", "Action": "*", "Resource": "*"})";
  std::string deny_bool = allow + R"(, {"Effect": "Deny", "Action": "*", "Resource": "*",
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})";
  std::string deny_if_exists = allow + R"(, {"Effect": "Deny", "Action": "*", "Resource": "*",
      "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})";
  // Long-term keys carry no MFA key and escape the plain Bool deny.
  EXPECT_EQ(with_mfa(deny_bool.c_str(), MfaContext::LongTermKeys), Decision::Allowed);
  EXPECT_EQ(with_mfa(deny_bool.c_str(), MfaContext::SessionWithoutMfa), Decision::ExplicitDeny);
  EXPECT_EQ(with_mfa(deny_if_exists.c_str(), MfaContext::LongTermKeys), Decision::ExplicitDeny);
  EXPECT_EQ(with_mfa(deny_if_exists.c_str(), MfaContext::SessionWithoutMfa), Decision::ExplicitDeny);
  EXPECT_EQ(with_mfa(deny_if_exists.c_str(), MfaContext::MfaSession, 5), Decision::Allowed);
}

TEST(Decision, MfaAgeWindow) {
  const char* window = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
      "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}})";
  EXPECT_EQ(with_mfa(window, MfaContext::MfaSession, 599), Decision::Allowed);
  EXPECT_EQ(with_mfa(window, MfaContext::MfaSession, 600), Decision::ImplicitDeny);
  EXPECT_EQ(with_mfa(window, MfaContext::LongTermKeys), Decision::ImplicitDeny);
}

TEST(Decision, ExplicitDenyWinsAndIsDecisive) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})")));
  set.identity.push_back(policies.add(
      statement_policy(R"({"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"})")));
  Result result = evaluate(set, request("s3:DeleteObject", "arn:aws:s3:::b/k"));
  EXPECT_EQ(result.decision, Decision::ExplicitDeny);
  ASSERT_EQ(result.statements.size(), 1u);
  EXPECT_EQ(result.statements[0].statement->sid->value, "NoDelete");
  result = evaluate(set, request("s3:GetObject", "arn:aws:s3:::b/k"));
  EXPECT_EQ(result.decision, Decision::Allowed);
  ASSERT_EQ(result.statements.size(), 1u);
  EXPECT_EQ(result.statements[0].type, PolicyType::Identity);
  result = evaluate(set, request("ec2:RunInstances", "*"));
  EXPECT_EQ(result.decision, Decision::ImplicitDeny);
  EXPECT_EQ(result.missing, Missing::Allow);
  EXPECT_TRUE(result.statements.empty());
}

TEST(Decision, ActionsAreCaseInsensitiveResourcesCaseSensitive) {
  const char* st = R"({"Effect": "Allow", "Action": "S3:getobject", "Resource": "arn:aws:s3:::Example/*"})";
  EXPECT_EQ(decide(st, request("s3:GetObject", "arn:aws:s3:::Example/a")), Decision::Allowed);
  EXPECT_EQ(decide(st, request("s3:GetObject", "arn:aws:s3:::example/a")), Decision::ImplicitDeny);
}

TEST(Decision, NotActionAndNotResource) {
  const char* not_action = R"({"Effect": "Allow", "NotAction": ["iam:*", "s3:Delete*"], "Resource": "*"})";
  EXPECT_EQ(decide(not_action, request("s3:GetObject", "*")), Decision::Allowed);
  EXPECT_EQ(decide(not_action, request("s3:DeleteBucket", "*")), Decision::ImplicitDeny);
  EXPECT_EQ(decide(not_action, request("iam:CreateUser", "*")), Decision::ImplicitDeny);
  const char* not_resource = R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"})";
  EXPECT_EQ(decide(not_resource, request("s3:GetObject", "arn:aws:s3:::public/a")), Decision::Allowed);
  EXPECT_EQ(decide(not_resource, request("s3:GetObject", "arn:aws:s3:::secret/a")), Decision::ImplicitDeny);
  // A NotResource entry with an unresolvable variable makes the statement not apply.
  const char* unresolved = R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::${aws:userid}/*"})";
  EXPECT_EQ(decide(unresolved, request("s3:GetObject", "arn:aws:s3:::public/a")), Decision::ImplicitDeny);
}

TEST(Decision, ResourceVariables) {
  const char* home = R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"})";
  EXPECT_EQ(decide(home, request("s3:GetObject", "arn:aws:s3:::home/alice/a", {{"aws:username", "alice"}})),
            Decision::Allowed);
  EXPECT_EQ(decide(home, request("s3:GetObject", "arn:aws:s3:::home/bob/a", {{"aws:username", "alice"}})),
            Decision::ImplicitDeny);
  EXPECT_EQ(decide(home, request("s3:GetObject", "arn:aws:s3:::home/alice/a")), Decision::ImplicitDeny);
  EXPECT_EQ(decide(home, request("s3:GetObject", "arn:aws:s3:::home/${aws:username}/a", {{"aws:username", "alice"}}),
                   "2008-10-17"),
            Decision::Allowed);
}

struct ResourcePolicyCase {
  std::string identity;  // empty: none
  std::string resource;
  std::string principal;
};

Decision with_resource_policy(const ResourcePolicyCase& c, const std::string& resource_arn = "arn:aws:sqs:us-east-1:111111111111:q") {
  Policies policies;
  PolicySet set;
  if (!c.identity.empty()) set.identity.push_back(policies.add(statement_policy(c.identity)));
  set.resource.push_back(policies.add(statement_policy(c.resource)));
  return evaluate(set, request("sqs:SendMessage", resource_arn, {}, c.principal)).decision;
}

TEST(Decision, ResourcePolicySameAccount) {
  std::string names_alice = std::string(R"({"Effect": "Allow", "Principal": {"AWS": ")") + kAlice +
                            R"("}, "Action": "sqs:SendMessage", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", names_alice, kAlice}), Decision::Allowed);
  EXPECT_EQ(with_resource_policy({"", names_alice, "arn:aws:iam::111111111111:user/bob"}), Decision::ImplicitDeny);
  // Naming the account delegates to the account's identity policies.
  std::string names_account = R"({"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", names_account, kAlice}), Decision::ImplicitDeny);
  std::string identity = R"({"Effect": "Allow", "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({identity, names_account, kAlice}), Decision::Allowed);
  std::string root = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", root, kAlice}), Decision::ImplicitDeny);
  // Within one account an identity Allow suffices.
  std::string other = std::string(R"({"Effect": "Allow", "Principal": {"AWS": ")") + kOther +
                      R"("}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({identity, other, kAlice}), Decision::Allowed);
  std::string deny_account = R"({"Effect": "Deny", "Principal": {"AWS": "111111111111"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({identity, deny_account, kAlice}), Decision::ExplicitDeny);
}

TEST(Decision, ResourcePolicyCrossAccount) {
  std::string identity = R"({"Effect": "Allow", "Action": "sqs:*", "Resource": "*"})";
  std::string names_other = std::string(R"({"Effect": "Allow", "Principal": {"AWS": ")") + kOther +
                            R"("}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", names_other, kOther}), Decision::ImplicitDeny);
  EXPECT_EQ(with_resource_policy({identity, names_other, kOther}), Decision::Allowed);
  std::string names_account = R"({"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({identity, names_account, kOther}), Decision::Allowed);
  std::string names_alice = std::string(R"({"Effect": "Allow", "Principal": {"AWS": ")") + kAlice +
                            R"("}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({identity, names_alice, kOther}), Decision::ImplicitDeny);
}

TEST(Decision, ResourcePolicyPrincipalForms) {
  std::string star = R"({"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", star, kAlice}), Decision::Allowed);
  std::string aws_star = R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", aws_star, kAlice}), Decision::Allowed);
  std::string role = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/team/Reader"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", role, kSession}), Decision::Allowed);
  EXPECT_EQ(with_resource_policy({"", role, "arn:aws:sts::111111111111:assumed-role/Writer/alice"}), Decision::ImplicitDeny);
  std::string service = R"({"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", service, "sns.amazonaws.com"}), Decision::Allowed);
  EXPECT_EQ(with_resource_policy({"", service, "events.amazonaws.com"}), Decision::ImplicitDeny);
  std::string federated = R"({"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sqs:*", "Resource": "*"})";
  EXPECT_EQ(with_resource_policy({"", federated, "cognito-identity.amazonaws.com"}), Decision::Allowed);
  std::string not_principal = std::string(R"({"Effect": "Deny", "NotPrincipal": {"AWS": ")") + kAlice +
                              R"("}, "Action": "sqs:*", "Resource": "*"}, )" + star;
  EXPECT_EQ(with_resource_policy({"", not_principal, kAlice}), Decision::Allowed);
  EXPECT_EQ(with_resource_policy({"", not_principal, "arn:aws:iam::111111111111:user/bob"}), Decision::ExplicitDeny);
}

TEST(Decision, S3ResourceAccountComesFromTheContext) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})")));
  Request r = request("s3:GetObject", "arn:aws:s3:::b/k", {}, kAlice);
  EXPECT_TRUE(same_account(r));
  EXPECT_EQ(evaluate(set, r).decision, Decision::Allowed);
  r.context.add("aws:ResourceAccount", "222222222222");
  EXPECT_FALSE(same_account(r));
  EXPECT_EQ(evaluate(set, r).decision, Decision::ImplicitDeny);
}

TEST(Decision, PermissionsBoundary) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})")));
  set.boundaries.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"))});
  EXPECT_EQ(evaluate(set, request("s3:GetObject", "arn:aws:s3:::b/k")).decision, Decision::Allowed);
  Result result = evaluate(set, request("iam:CreateUser", "arn:aws:iam::111111111111:user/x"));
  EXPECT_EQ(result.decision, Decision::ImplicitDeny);
  EXPECT_EQ(result.missing, Missing::BoundaryAllow);
  set.boundaries.back().push_back(
      policies.add(statement_policy(R"({"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"})")));
  EXPECT_EQ(evaluate(set, request("s3:DeleteObject", "arn:aws:s3:::b/k")).decision, Decision::ExplicitDeny);
}

TEST(Decision, SameAccountResourcePolicyNamingTheCallerPassesABoundary) {
  Policies policies;
  PolicySet set;
  set.boundaries.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"))});
  set.resource.push_back(policies.add(statement_policy(std::string(R"({"Effect": "Allow", "Principal": {"AWS": ")") +
                                                       kAlice + R"("}, "Action": "sqs:*", "Resource": "*"})")));
  EXPECT_EQ(evaluate(set, request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q", {}, kAlice)).decision,
            Decision::Allowed);
  // A role named in the resource policy is still limited by its session's boundary.
  set.resource.back() = policies.add(statement_policy(
      R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/Reader"}, "Action": "sqs:*", "Resource": "*"})"));
  EXPECT_EQ(evaluate(set, request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q", {}, kSession)).decision,
            Decision::ImplicitDeny);
}

TEST(Decision, NotPrincipalDenyAlwaysDeniesABoundedPrincipal) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})")));
  set.resource.push_back(policies.add(statement_policy(std::string(R"({"Effect": "Deny", "NotPrincipal": {"AWS": ")") +
                                                       kAlice + R"("}, "Action": "sqs:*", "Resource": "*"})")));
  Request r = request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q", {}, kAlice);
  EXPECT_EQ(evaluate(set, r).decision, Decision::Allowed);
  set.boundaries.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"))});
  EXPECT_EQ(evaluate(set, r).decision, Decision::ExplicitDeny);
}

TEST(Decision, EveryScpLevelMustAllow) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})")));
  set.scps.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"))});
  set.scps.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"))});
  EXPECT_EQ(evaluate(set, request("s3:GetObject", "arn:aws:s3:::b/k")).decision, Decision::Allowed);
  Result result = evaluate(set, request("ec2:RunInstances", "*"));
  EXPECT_EQ(result.decision, Decision::ImplicitDeny);
  EXPECT_EQ(result.missing, Missing::ScpAllow);
  EXPECT_EQ(result.group, 1u);
  set.scps.front().push_back(policies.add(statement_policy(
      R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})")));
  EXPECT_EQ(evaluate(set, request("s3:GetObject", "arn:aws:s3:::b/k")).decision, Decision::ExplicitDeny);
}

TEST(Decision, StatementsWithoutEffectAreIgnored) {
  EXPECT_EQ(decide(R"({"Effect": "allow", "Action": "*", "Resource": "*"})", request("s3:GetObject", "*")),
            Decision::ImplicitDeny);
}

TEST(Decision, ResultReusesItsStorage) {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})")));
  Result result;
  Request r = request("s3:GetObject", "*");
  evaluate(set, r, result);
  evaluate(set, r, result);
  EXPECT_EQ(result.decision, Decision::Allowed);
  EXPECT_EQ(result.statements.size(), 1u);
}

}  // namespace
}  // namespace mfalint::eval
