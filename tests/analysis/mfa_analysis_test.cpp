// MFA001 and MFA008 over a policy set, with the catalog's sensitive actions.
#include "analysis/mfa_analysis.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

MfaResult analyze(const std::string& statements, MfaOptions options = {}) {
  static std::vector<input::LoadedFile> keep;  // findings point into the loaded policies' sources
  keep.push_back(testing::load(testing::policy_with(statements)));
  std::vector<const model::Policy*> set;
  for (const auto& policy : keep.back().policies) set.push_back(&policy);
  return analyze_mfa(set, catalog::Sensitivity::defaults(), options);
}

std::vector<Finding> errors(const MfaResult& result, const std::string& rule) {
  std::vector<Finding> out;
  for (const auto& f : result.findings) {
    if (f.rule == rule && f.severity != Severity::Note) out.push_back(f);
  }
  return out;
}

TEST(MfaAnalysis, TheDocumentedNullAgeFalsePolicyProtects) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/*",
                             "Condition": {"Null": {"aws:MultiFactorAuthAge": "false"}}})");
  EXPECT_TRUE(errors(result, "MFA001").empty());
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_TRUE(result.rows[0].is_protected);
  EXPECT_EQ(result.rows[0].mfa_window, "any age");
}

TEST(MfaAnalysis, ASecondStatementWithoutConditionLetsKeysThrough) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
                           {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(*found[0].statement, 1u);
  EXPECT_THAT(found[0].actions.names(), Contains("s3:GetObject"));
  EXPECT_THAT(found[0].message, HasSubstr("long-term access keys and sessions without MFA"));
  EXPECT_THAT(found[0].fix, HasSubstr("aws:MultiFactorAuthPresent"));
}

TEST(MfaAnalysis, TheSelfServiceDenyWithBoolIfExistsProtectsEverything) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                           {"Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices",
                            "iam:ResyncMFADevice", "sts:GetSessionToken"], "Resource": "*",
                            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  EXPECT_TRUE(errors(result, "MFA001").empty());
}

TEST(MfaAnalysis, ADenyWithoutIfExistsStillLetsLongTermKeysThrough) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*"},
                           {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("to long-term access keys"));
  EXPECT_THAT(found[0].message, ::testing::Not(HasSubstr("sessions without MFA")));
}

TEST(MfaAnalysis, ADenyOnANarrowerResourceDoesNotProtect) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::b/*"},
                           {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/private/*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  EXPECT_EQ(errors(result, "MFA001").size(), 1u);
}

TEST(MfaAnalysis, ADenyCutsTheWindow) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}},
                           {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "300"}}})");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].mfa_window, "300-599 s");
}

TEST(MfaAnalysis, BootstrapActionsAreANoteNotAnError) {
  // On the caller's own user: on "*" the set-up actions open every user's devices (MFA016).
  auto result = analyze(R"({"Effect": "Allow", "Action": "iam:EnableMFADevice", "Resource": "arn:aws:iam::*:user/${aws:username}"},
                           {"Effect": "Allow", "Action": "sts:GetSessionToken", "Resource": "*"})");
  EXPECT_TRUE(errors(result, "MFA001").empty());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].severity, Severity::Note);
}

TEST(MfaAnalysis, ReadActionsThatDiscloseNothingAreNotSensitive) {
  EXPECT_TRUE(analyze(R"({"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"})").findings.empty());
}

TEST(MfaAnalysis, MFA008WindowLongerThanTheMaximum) {
  MfaOptions options;
  options.max_mfa_age = 3600;
  auto unbounded = analyze(R"({"Effect": "Allow", "Action": "rds:DeleteDBInstance", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})", options);
  EXPECT_EQ(errors(unbounded, "MFA008").size(), 1u);
  auto bounded = analyze(R"({"Effect": "Allow", "Action": "rds:DeleteDBInstance", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}})", options);
  EXPECT_TRUE(errors(bounded, "MFA008").empty());
}

// The command line's default maximum: a note, and MFA001's fix still asks for MFA only.
TEST(MfaAnalysis, MFA008AtTheDefaultMaximumIsANote) {
  MfaOptions options;
  options.max_mfa_age = kDefaultMaxMfaAge;
  options.max_mfa_age_by_default = true;
  auto day = analyze(R"({"Effect": "Allow", "Action": "rds:DeleteDBInstance", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "43200"}}},
                        {"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*"})", options);
  ASSERT_EQ(day.findings.size(), 2u);
  EXPECT_EQ(day.findings[0].rule, "MFA008");
  EXPECT_EQ(day.findings[0].severity, Severity::Note);
  EXPECT_THAT(day.findings[0].message, HasSubstr("up to 43199 s after sign-in; the maximum is 3600 s by default"));
  EXPECT_EQ(day.findings[1].rule, "MFA001");
  EXPECT_EQ(day.findings[1].fix, R"(add "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}})");
  auto hour = analyze(R"({"Effect": "Allow", "Action": "rds:DeleteDBInstance", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3601"}}})", options);
  EXPECT_TRUE(hour.findings.empty());
}

// Actions of one Allow that different Denies cover come out different, however they interleave
// in catalog order (iam:CreateRole and s3:DeleteBucket share the uncovered outcome).
TEST(MfaAnalysis, EachActionGetsTheDeniesThatCoverIt) {
  auto result = analyze(R"({"Effect": "Allow", "Resource": "*",
                            "Action": ["iam:CreateRole", "iam:CreateUser", "iam:DeleteUser", "s3:DeleteBucket"]},
                           {"Effect": "Deny", "Action": "iam:DeleteUser", "Resource": "*",
                            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
                           {"Effect": "Deny", "Action": "iam:CreateUser", "Resource": "*",
                            "Condition": {"NumericGreaterThanIfExists": {"aws:MultiFactorAuthAge": "300"}}})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].actions.names(), ::testing::ElementsAre("iam:CreateRole", "s3:DeleteBucket"));
  std::vector<std::string> windows;
  for (const auto& row : result.rows) windows.push_back(row.mfa_window);
  EXPECT_THAT(windows, ::testing::UnorderedElementsAre("up to 300 s", "any age", "any age"));
  EXPECT_EQ(result.unprotected_actions.size(), 2u);
  EXPECT_EQ(result.protected_actions.size(), 2u);
}

TEST(MfaAnalysis, WithoutRowsTheFindingsAreTheSame) {
  std::string statements = R"({"Effect": "Allow", "Action": ["s3:DeleteBucket", "iam:*"], "Resource": "*"},
                              {"Effect": "Allow", "Action": "ec2:*", "Resource": "*",
                               "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})";
  MfaOptions without;
  without.rows = false;
  auto full = analyze(statements), lean = analyze(statements, without);
  EXPECT_EQ(full.rows.size(), 2u);  // one for each Allow
  EXPECT_TRUE(lean.rows.empty());
  ASSERT_EQ(lean.findings.size(), full.findings.size());
  for (size_t i = 0; i < full.findings.size(); ++i) {
    EXPECT_EQ(lean.findings[i].message, full.findings[i].message);
    EXPECT_EQ(lean.findings[i].actions.ids, full.findings[i].actions.ids);
    EXPECT_EQ(lean.findings[i].resources, full.findings[i].resources);
  }
  EXPECT_EQ(lean.unprotected_actions, full.unprotected_actions);
  EXPECT_EQ(lean.protected_actions, full.protected_actions);
}

// A Deny counts only where the evaluator applies it: `arn:aws:*:bucket` spans no colon before the
// resource part, so it never matches arn:aws:s3:::bucket, and the Allow stays unprotected.
TEST(MfaAnalysis, ADenyCountsOnlyOnResourcesTheEvaluatorMatches) {
  auto deny_on = [](const std::string& resource) {
    return analyze(R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::bucket"},
                      {"Effect": "Deny", "Action": "*", "Resource": ")" + resource + R"(",
                       "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  };
  EXPECT_EQ(errors(deny_on("arn:aws:*:bucket"), "MFA001").size(), 1u);
  EXPECT_TRUE(errors(deny_on("arn:aws:s3:::*"), "MFA001").empty());
  EXPECT_TRUE(errors(deny_on("arn:aws:s3:*"), "MFA001").empty());  // fewer components: the rest are `*`
}

// A bucket policy letting CloudTrail deliver logs: a service's request never carries MFA, and
// requiring it would stop the delivery. Not an MFA001 finding.
TEST(MfaAnalysis, AServiceOnlyResourceStatementIsNoFinding) {
  auto result = analyze(R"({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject",
                            "Resource": "arn:aws:s3:::logs/AWSLogs/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}},
                           {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "s3:DeleteObject",
                            "Resource": "arn:aws:s3:::logs/*"})");
  EXPECT_TRUE(errors(result, "MFA001").empty());
  EXPECT_TRUE(result.unprotected_actions.empty());
}

TEST(MfaAnalysis, AMixedResourceStatementIsJudgedForItsAwsPrincipals) {
  auto result = analyze(R"({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com", "AWS": "arn:aws:iam::111122223333:root"},
                            "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*"})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("judged for its AWS principals"));
}

// A Deny naming only a service does not apply to AWS principals: it protects none of them.
TEST(MfaAnalysis, AServiceOnlyDenyDoesNotProtectAwsPrincipals) {
  auto result = analyze(R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*"},
                           {"Effect": "Deny", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:*", "Resource": "*",
                            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  EXPECT_EQ(errors(result, "MFA001").size(), 1u);
}

// A finding names what is reachable without MFA after every Deny, not every action the statement
// names: here a Deny without MFA stops the deletes, and the message says 4 of the 5 remain.
TEST(MfaAnalysis, AFindingNamesOnlyWhatTheDeniesLeaveReachable) {
  auto result = analyze(R"({"Effect": "Allow", "Action": "s3:*Object", "Resource": "*"},
                           {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*",
                            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "s3:*Object: 4 of its 5 sensitive actions (s3:GetObject, s3:PutObject, s3:ReplicateObject, "
                              "s3:RestoreObject) allowed without MFA to long-term access keys and sessions without MFA");
  EXPECT_THAT(found[0].actions.names(), ::testing::Not(Contains("s3:DeleteObject")));
  EXPECT_EQ(found[0].actions.names().size(), 4u);
}

// NotAction and NotResource are exclusions: the message and the finding's fields must not present
// them as what the statement grants.
TEST(MfaAnalysis, NotActionAndNotResourceAreSaidAsExclusions) {
  auto result = analyze(R"({"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::public/*"})");
  auto found = errors(result, "MFA001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, ::testing::StartsWith("every action except iam:* ("));
  EXPECT_TRUE(found[0].resources.empty());
  EXPECT_THAT(found[0].not_resources, ::testing::ElementsAre("arn:aws:s3:::public/*"));
  ASSERT_FALSE(result.rows.empty());
  EXPECT_EQ(result.rows[0].resource, "every resource except arn:aws:s3:::public/*");
  EXPECT_THAT(result.rows[0].actions, ::testing::StartsWith("every action except iam:* ("));
}

// A grant to roles only reaches role sessions: never long-term access keys. An account principal
// stands for its users too.
TEST(MfaAnalysis, AGrantToRolesOnlyReachesSessionsNotLongTermKeys) {
  auto to = [](const std::string& principal) {
    auto found = errors(analyze(R"({"Effect": "Allow", "Principal": {"AWS": )" + principal +
                                R"(}, "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*"})"),
                        "MFA001");
    return found.size() == 1 ? found[0].message : "";
  };
  EXPECT_EQ(to(R"(["arn:aws:iam::111122223333:role/auditor", "arn:aws:sts::111122223333:assumed-role/ops/alice"])"),
            "s3:DeleteObject (1 sensitive action) allowed without MFA to sessions without MFA");
  EXPECT_EQ(to(R"(["arn:aws:iam::111122223333:role/auditor", "arn:aws:iam::111122223333:root"])"),
            "s3:DeleteObject (1 sensitive action) allowed without MFA to long-term access keys and sessions without MFA");
  EXPECT_EQ(to(R"("arn:aws:iam::111122223333:user/alice")"),
            "s3:DeleteObject (1 sensitive action) allowed without MFA to long-term access keys and sessions without MFA");
}

}  // namespace
}  // namespace mfalint::analysis
