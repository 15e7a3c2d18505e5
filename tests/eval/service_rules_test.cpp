// Where AWS departs from the general evaluation logic: a role's trust policy and a KMS key's
// policy must allow the request themselves, AWS's own namespace is no other account, and guards
// decide whatever the policies say (docs/evaluation.md quotes the sources).

#include "eval_support.h"

#include <array>
#include <cctype>
#include <string>

namespace mfalint::eval {
namespace {

using testing::Policies;
using testing::request;
using testing::statement_policy;

constexpr const char* kAlice = "arn:aws:iam::111111111111:user/alice";
constexpr const char* kBob = "arn:aws:iam::111111111111:user/bob";
constexpr const char* kMallory = "arn:aws:iam::222222222222:user/mallory";
constexpr const char* kRole = "arn:aws:iam::111111111111:role/admin";
constexpr const char* kKey = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
constexpr const char* kAllowAll = R"({"Effect": "Allow", "Action": "*", "Resource": "*"})";

// One identity policy (empty: none) and one resource policy (empty: none given).
Result decide(const std::string& identity, const std::string& resource, Request r) {
  Policies policies;
  PolicySet set;
  if (!identity.empty()) set.identity.push_back(policies.add(statement_policy(identity)));
  if (!resource.empty()) set.resource.push_back(policies.add(statement_policy(resource)));
  return evaluate(set, r);
}

Request assume(const char* caller, MfaContext kind = MfaContext::LongTermKeys, long long age = 0,
               const char* action = "sts:AssumeRole") {
  Request r = request(action, kRole, {}, caller);
  set_mfa_context(r.context, kind, age);
  return r;
}

std::string trust(const std::string& principal, const std::string& condition = "") {
  return R"({"Effect": "Allow", "Principal": {"AWS": ")" + principal +
         R"("}, "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"])" +
         (condition.empty() ? "" : ", \"Condition\": " + condition) + "}";
}

constexpr const char* kMfaPresent = R"({"Bool": {"aws:MultiFactorAuthPresent": "true"}})";

// The issue's reproduction: the account root with an MFA condition, and an identity Allow on *.
TEST(RoleTrust, AccountRootDelegatesWhoButItsConditionStillHolds) {
  std::string root_with_mfa = trust("arn:aws:iam::111111111111:root", kMfaPresent);
  Result r = decide(kAllowAll, root_with_mfa, assume(kAlice, MfaContext::LongTermKeys));
  EXPECT_EQ(r.decision, Decision::ImplicitDeny);
  EXPECT_EQ(r.missing, Missing::OwnPolicyAllow);
  EXPECT_EQ(r.own_policy, OwnPolicy::RoleTrust);
  EXPECT_EQ(decide(kAllowAll, root_with_mfa, assume(kAlice, MfaContext::SessionWithoutMfa)).decision,
            Decision::ImplicitDeny);
  EXPECT_EQ(decide(kAllowAll, root_with_mfa, assume(kAlice, MfaContext::MfaSession, 60)).decision, Decision::Allowed);
  // Naming the account delegates to the identity policies: without an identity Allow, nothing.
  r = decide("", root_with_mfa, assume(kAlice, MfaContext::MfaSession, 60));
  EXPECT_EQ(r.decision, Decision::ImplicitDeny);
  EXPECT_EQ(r.missing, Missing::Allow);
}

TEST(RoleTrust, NamingTheUserIsEnoughWithinTheAccount) {
  EXPECT_EQ(decide("", trust(kAlice), assume(kAlice)).decision, Decision::Allowed);
  EXPECT_EQ(decide(kAllowAll, trust(kAlice), assume(kBob)).missing, Missing::OwnPolicyAllow);
}

TEST(RoleTrust, EveryRoleActionNeedsTheTrustPolicyGiven) {
  for (const char* action : {"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
                             "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext", "STS:assumerole"}) {
    Result r = decide(kAllowAll, "", assume(kAlice, MfaContext::MfaSession, 5, action));
    EXPECT_EQ(r.decision, Decision::ImplicitDeny) << action;
    EXPECT_EQ(r.missing, Missing::OwnPolicyAbsent) << action;
    EXPECT_EQ(decide(kAllowAll, trust("111111111111"), assume(kAlice, MfaContext::LongTermKeys, 0, action)).decision,
              Decision::Allowed)
        << action;
  }
  // Other STS actions are judged by the identity policies alone.
  EXPECT_EQ(decide(kAllowAll, "", request("sts:GetSessionToken", "*", {}, kAlice)).decision, Decision::Allowed);
}

TEST(RoleTrust, AcrossAccountsBothMustAllow) {
  std::string other_root = trust("arn:aws:iam::222222222222:root");
  EXPECT_EQ(decide(kAllowAll, other_root, assume(kMallory)).decision, Decision::Allowed);
  EXPECT_EQ(decide("", other_root, assume(kMallory)).missing, Missing::CrossAccountAllow);
  EXPECT_EQ(decide(kAllowAll, trust("arn:aws:iam::333333333333:root"), assume(kMallory)).missing, Missing::OwnPolicyAllow);
}

TEST(RoleTrust, ADenyInTheTrustPolicyWins) {
  std::string deny_without_mfa = trust("111111111111") +
      R"(, {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole",
            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})";
  EXPECT_EQ(decide(kAllowAll, deny_without_mfa, assume(kAlice)).decision, Decision::ExplicitDeny);
  EXPECT_EQ(decide(kAllowAll, deny_without_mfa, assume(kAlice, MfaContext::MfaSession, 1)).decision, Decision::Allowed);
}

// Every combination of the trust statement's principal and MFA condition, the identity policy and
// the kind of credentials, against the rule as AWS states it: the trust statement must apply to
// the caller; one that names only the account needs an identity Allow as well.
TEST(RoleTrust, GeneratedCombinations) {
  struct Principal { std::string text; bool names_caller; bool names_account; };
  const std::array<Principal, 5> principals{{{"arn:aws:iam::111111111111:root", false, true},
                                             {"111111111111", false, true},
                                             {kAlice, true, false},
                                             {kBob, false, false},
                                             {"arn:aws:iam::333333333333:root", false, false}}};
  struct Condition { std::string text; bool long_term, without_mfa, with_mfa; };
  const std::array<Condition, 4> conditions{{{"", true, true, true},
                                             {kMfaPresent, false, false, true},
                                             {R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}})", true, false, true},
                                             {R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}})", false, false, true}}};
  for (const auto& principal : principals) {
    for (const auto& condition : conditions) {
      for (bool identity : {false, true}) {
        for (MfaContext kind : {MfaContext::LongTermKeys, MfaContext::SessionWithoutMfa, MfaContext::MfaSession}) {
          bool holds = kind == MfaContext::LongTermKeys ? condition.long_term
                       : kind == MfaContext::SessionWithoutMfa ? condition.without_mfa : condition.with_mfa;
          bool expected = holds && (principal.names_caller || (principal.names_account && identity));
          Decision got = decide(identity ? kAllowAll : "", trust(principal.text, condition.text), assume(kAlice, kind, 60)).decision;
          EXPECT_EQ(got, expected ? Decision::Allowed : Decision::ImplicitDeny)
              << principal.text << " " << condition.text << " identity=" << identity << " kind=" << static_cast<int>(kind);
        }
      }
    }
  }
}

std::string key_policy(const std::string& principal) {
  return R"({"Effect": "Allow", "Principal": {"AWS": ")" + principal + R"("}, "Action": "kms:*", "Resource": "*"})";
}

TEST(KeyPolicy, TheKeyPolicyMustAllowOrDelegateToTheAccount) {
  Request decrypt = request("kms:Decrypt", kKey, {}, kAlice);
  Result r = decide(kAllowAll, "", decrypt);
  EXPECT_EQ(r.decision, Decision::ImplicitDeny);
  EXPECT_EQ(r.missing, Missing::OwnPolicyAbsent);
  EXPECT_EQ(r.own_policy, OwnPolicy::KeyPolicy);
  EXPECT_EQ(decide(kAllowAll, key_policy("arn:aws:iam::111111111111:root"), decrypt).decision, Decision::Allowed);
  EXPECT_EQ(decide("", key_policy("arn:aws:iam::111111111111:root"), decrypt).missing, Missing::Allow);
  EXPECT_EQ(decide("", key_policy(kAlice), decrypt).decision, Decision::Allowed);
  EXPECT_EQ(decide(kAllowAll, key_policy(kBob), decrypt).missing, Missing::OwnPolicyAllow);
  // An identity Deny still refuses without the key policy's permission.
  EXPECT_EQ(decide(R"({"Effect": "Deny", "Action": "kms:Decrypt", "Resource": "*"})", key_policy(kAlice), decrypt).decision,
            Decision::ExplicitDeny);
  // Requests that name no key are judged by the identity policies.
  EXPECT_EQ(decide(kAllowAll, "", request("kms:CreateKey", "*", {}, kAlice)).decision, Decision::Allowed);
  EXPECT_EQ(decide(kAllowAll, "", request("kms:CreateAlias", "arn:aws:kms:us-east-1:111111111111:alias/mine", {}, kAlice)).decision,
            Decision::Allowed);
}

TEST(AwsNamespace, ManagedPolicyArnsAreNotAnotherAccount) {
  Request get = request("iam:GetPolicy", "arn:aws:iam::aws:policy/AdministratorAccess", {}, "arn:aws:iam::123456789012:user/alice");
  EXPECT_TRUE(same_account(get));
  EXPECT_EQ(decide(kAllowAll, "", get).decision, Decision::Allowed);
  get.action = "iam:GetPolicyVersion";
  get.resource = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
  EXPECT_EQ(decide(kAllowAll, "", get).decision, Decision::Allowed);
}

TEST(Guards, GetCallerIdentityIsAllowedEvenUnderAnExplicitDeny) {
  Request who = request("sts:GetCallerIdentity", "*", {}, kAlice);
  Result r = decide(R"({"Effect": "Deny", "Action": "sts:*", "Resource": "*"})", "", who);
  EXPECT_EQ(r.decision, Decision::Allowed);
  EXPECT_EQ(r.guard, Guard::CallerIdentity);
  EXPECT_EQ(decide("", "", who).decision, Decision::Allowed);
}

TEST(Guards, ReservedSsoRolesCannotBeChanged) {
  const char* reserved = "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef";
  for (const char* action : {"iam:DeleteRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy",
                             "IAM:deleterolepolicy", "iam:TagRole"}) {
    Result r = decide(kAllowAll, "", request(action, reserved, {}, kAlice));
    EXPECT_EQ(r.decision, Decision::ImplicitDeny) << action;
    EXPECT_EQ(r.missing, Missing::Guarded) << action;
    EXPECT_EQ(r.guard, Guard::ReservedSsoRole) << action;
  }
  EXPECT_EQ(decide(kAllowAll, "", request("iam:GetRole", reserved, {}, kAlice)).decision, Decision::Allowed);
  EXPECT_EQ(decide(kAllowAll, "", request("iam:DeleteRole", kRole, {}, kAlice)).decision, Decision::Allowed);
  // An explicit Deny is still reported as the decision.
  EXPECT_EQ(decide(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})", "", request("iam:DeleteRole", reserved, {}, kAlice)).decision,
            Decision::ExplicitDeny);
}

TEST(Guards, AwsManagedKmsAliasesCannotBeChanged) {
  for (const char* action : {"kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"}) {
    Result r = decide(kAllowAll, "", request(action, "arn:aws:kms:us-east-1:111111111111:alias/aws/ebs", {}, kAlice));
    EXPECT_EQ(r.missing, Missing::Guarded) << action;
    EXPECT_EQ(r.guard, Guard::AwsManagedKmsAlias) << action;
    EXPECT_EQ(decide(kAllowAll, "", request(action, "arn:aws:kms:us-east-1:111111111111:alias/app", {}, kAlice)).decision,
              Decision::Allowed)
        << action;
  }
}

TEST(Guards, AwsManagedPoliciesCannotBeChanged) {
  Result r = decide(kAllowAll, "", request("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess", {}, kAlice));
  EXPECT_EQ(r.missing, Missing::Guarded);
  EXPECT_EQ(r.guard, Guard::AwsManagedPolicy);
  EXPECT_EQ(decide(kAllowAll, "", request("iam:CreatePolicyVersion", "arn:aws:iam::111111111111:policy/Mine", {}, kAlice)).decision,
            Decision::Allowed);
}

// Every IAM action that changes a role, on reserved roles in any region and under any name, is
// refused; the same actions elsewhere, and the reading actions there, are left to the policies.
TEST(Guards, GeneratedRoleChangesAndReads) {
  const std::vector<std::string> changes = {
      "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
      "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
      "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"};
  const std::vector<std::string> reads = {"iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListRoleTags"};
  const std::vector<std::string> reserved = {"role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1",
                                             "role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_ReadOnly_2"};
  const std::vector<std::string> ordinary = {"role/admin", "role/aws-reserved/other.amazonaws.com/x",
                                             "role/sso.amazonaws.com/AWSReservedSSO_Admin_1", "user/aws-reserved/sso.amazonaws.com/x"};
  for (const auto& account : {"111111111111", "222222222222"}) {
    for (const auto& action : changes) {
      std::string folded = action;
      for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const auto& name : {action, folded}) {
        for (const auto& path : reserved) {
          Result r = decide(kAllowAll, "", request(name, "arn:aws:iam::" + std::string(account) + ":" + path, {}, kAlice));
          EXPECT_EQ(r.guard, Guard::ReservedSsoRole) << name << " " << path;
          EXPECT_EQ(r.decision, Decision::ImplicitDeny) << name << " " << path;
        }
        for (const auto& path : ordinary) {
          Request other = request(name, "arn:aws:iam::111111111111:" + path, {}, kAlice);
          EXPECT_EQ(guard_for(other), Guard::None) << name << " " << path;
          EXPECT_EQ(decide(kAllowAll, "", other).decision, Decision::Allowed) << name << " " << path;
        }
      }
    }
  }
  for (const auto& action : reads) {
    for (const auto& path : reserved) {
      EXPECT_EQ(decide(kAllowAll, "", request(action, "arn:aws:iam::111111111111:" + path, {}, kAlice)).decision, Decision::Allowed)
          << action << " " << path;
    }
  }
}

// Every caller account asking for anything under `arn:aws:iam::aws:` asks within its own account.
TEST(AwsNamespace, GeneratedCallersAndPolicies) {
  for (const auto& caller : {kAlice, kMallory, "arn:aws:sts::333333333333:assumed-role/Reader/s"}) {
    for (const auto& policy : {"policy/AdministratorAccess", "policy/service-role/AWSLambdaBasicExecutionRole",
                               "policy/job-function/ViewOnlyAccess"}) {
      for (const auto& action : {"iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListEntitiesForPolicy", "iam:AttachUserPolicy"}) {
        Request r = request(action, std::string("arn:aws:iam::aws:") + policy, {}, caller);
        EXPECT_TRUE(same_account(r)) << caller << " " << policy;
        EXPECT_EQ(decide(kAllowAll, "", r).decision, Decision::Allowed) << caller << " " << action << " " << policy;
      }
    }
  }
}

}  // namespace
}  // namespace mfalint::eval
