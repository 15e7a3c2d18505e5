// `mfalint audit` as a function: an account dump judged principal by principal.
#include "pipeline/audit.h"
#include "analysis/mfa_matrix.h"
#include "core/json_tree.h"
#include "report/fingerprint.h"
#include "report/summary.h"
#include "support/test_support.h"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace mfalint::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const char* const kFixture = MFALINT_SOURCE_DIR "/tests/fixtures/account-dump/account.json";
constexpr const char* kOperate = "managed policy arn:aws:iam::111122223333:policy/operate";

report::Report audit(const std::string& path) {
  return audit_account(input::load_account_dump(path), catalog::Sensitivity::defaults(), {});
}

// "RULE line:column in WHERE [actions]" for each finding of `subject`, in report order.
std::vector<std::string> findings_of(const report::Summary& summary, const std::string& subject) {
  std::vector<std::string> out;
  for (const auto& s : summary.subjects) {
    if (s.name != subject) continue;
    for (const Finding* f : s.findings) {
      std::string line = fmt::format("{} {}:{} in {}", f->rule, f->loc.line, f->loc.column, report::where_in(s, *f));
      for (const auto& action : f->actions.names()) line += " " + action;
      out.push_back(line);
    }
  }
  return out;
}

const report::PrincipalStatus& status(const report::Report& report, const std::string& subject) {
  for (const auto& principal : report.principals) {
    if (principal.subject == subject) return principal;
  }
  throw std::runtime_error("no principal " + subject);
}

TEST(Audit, FixtureEveryPrincipalWithExactlyItsFindings) {
  auto report = audit(kFixture);
  EXPECT_EQ(report.subject_kind, report::SubjectKind::Principal);
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_FALSE(report.files[0].error);
  auto summary = report::summarize(report);
  std::vector<std::string> subjects;
  for (const auto& subject : summary.subjects) subjects.push_back(subject.name);
  EXPECT_THAT(subjects, ElementsAre("user/alice", "user/bob", "user/carol", "group/admins", "role/break-glass",
                                    "role/log-shipper"));

  // A user in a group with a managed policy: the group's policy is the user's.
  EXPECT_THAT(findings_of(summary, "user/alice"),
              ElementsAre(fmt::format("MFA001 130:27 in group admins: {} ec2:TerminateInstances s3:DeleteBucket",
                                      kOperate)));
  EXPECT_EQ(status(report, "user/alice").unprotected_sensitive_actions, 2u);
  // An inline policy that asks for MFA: an MFA table row, protected, and no finding.
  EXPECT_THAT(findings_of(summary, "user/bob"), IsEmpty());
  EXPECT_EQ(status(report, "user/bob").unprotected_sensitive_actions, 0u);
  EXPECT_EQ(status(report, "user/bob").protected_sensitive_actions, 1u);
  ASSERT_EQ(summary.subjects[1].rows.size(), 1u);
  EXPECT_TRUE(summary.subjects[1].rows[0]->is_protected);
  EXPECT_EQ(summary.subjects[1].rows[0]->context, "inline policy terminate-with-mfa");
  // The boundary allows only ec2: s3:DeleteBucket is out of reach. ReadOnlyAccess is not in the dump.
  EXPECT_THAT(findings_of(summary, "user/carol"),
              ElementsAre("IAM018 46:9 in managed policy arn:aws:iam::aws:policy/ReadOnlyAccess",
                          fmt::format("MFA001 130:27 in {} ec2:TerminateInstances", kOperate)));
  EXPECT_EQ(status(report, "user/carol").unprotected_sensitive_actions, 1u);
  EXPECT_EQ(status(report, "user/carol").permissions_boundary, "arn:aws:iam::111122223333:policy/ec2-only-boundary");
  EXPECT_THAT(findings_of(summary, "group/admins"),
              ElementsAre(fmt::format("MFA001 130:27 in {} ec2:TerminateInstances s3:DeleteBucket", kOperate)));
  // The account root may assume the role without MFA; a service-trusted role is not MFA010's business.
  EXPECT_THAT(findings_of(summary, "role/break-glass"), ElementsAre("MFA010 77:26 in trust policy sts:AssumeRole"));
  EXPECT_THAT(findings_of(summary, "role/log-shipper"), IsEmpty());
  EXPECT_TRUE(summary.subjects[5].clean());
  EXPECT_EQ(summary.exposed_principals, 3u);
}

TEST(Audit, ASharedManagedPolicyGivesEachPrincipalItsOwnFingerprint) {
  auto report = audit(kFixture);
  std::map<std::string, std::string> mfa001;  // fingerprint -> principal
  auto prints = report::fingerprints(report.findings);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (report.findings[i].rule != "MFA001") continue;
    EXPECT_EQ(report.findings[i].loc.line, 130u);
    EXPECT_TRUE(mfa001.emplace(prints[i], report.findings[i].context).second) << report.findings[i].context;
  }
  EXPECT_EQ(mfa001.size(), 3u);  // alice, carol, admins: one statement, three principals
}

// A role's credentials are sessions, never long-term keys; and when its trust policy requires MFA
// of everyone, every session of it is an MFA session, so its permissions are MFA-protected.
TEST(Audit, ARoleIsJudgedThroughItsTrustPolicy) {
  auto role = [](const std::string& name, const std::string& trust) {
    return fmt::format(R"({{"RoleName": "{0}", "Arn": "arn:aws:iam::1:role/{0}", "AssumeRolePolicyDocument": {{
        "Version": "2012-10-17", "Statement": [{1}]}},
        "RolePolicyList": [{{"PolicyName": "admin", "PolicyDocument": {{"Version": "2012-10-17",
          "Statement": [{{"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*"}}]}}}}],
        "AttachedManagedPolicies": []}})",
                       name, trust);
  };
  std::string dump = "{\"RoleDetailList\": [" +
                     role("operators", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"},
                          "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})") +
                     ", " +
                     role("builds", R"({"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"},
                          "Action": "sts:AssumeRole"})") +
                     ", " +
                     role("deploy", R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:user/ci", "arn:aws:iam::1:root"]},
                          "Action": "sts:AssumeRole"})") +
                     "]}";
  auto report = audit_account(input::read_account_dump("dump.json", dump), catalog::Sensitivity::defaults(), {});
  ASSERT_FALSE(report.files[0].error) << *report.files[0].error;
  auto summary = report::summarize(report);
  EXPECT_THAT(findings_of(summary, "role/operators"), IsEmpty());
  ASSERT_EQ(report.principals.size(), 3u);
  EXPECT_EQ(report.principals[0].unprotected_sensitive_actions, 0u);
  EXPECT_EQ(report.principals[0].protected_sensitive_actions, 1u);
  // Only a service assumes role/builds: MFA does not apply to it, so it is listed apart, not an MFA001 error.
  EXPECT_THAT(findings_of(summary, "role/builds"), IsEmpty());
  EXPECT_EQ(report.principals[1].reached_by, report::ReachedBy::Services);
  EXPECT_EQ(report.principals[1].unprotected_sensitive_actions, 1u);
  EXPECT_EQ(summary.people_principals, 2u);
  ASSERT_EQ(summary.service_roles.size(), 1u);
  // A role's credentials are sessions: the finding says whose, never "long-term access keys".
  auto mfa001 = std::find_if(report.findings.begin(), report.findings.end(), [](const Finding& f) { return f.rule == "MFA001"; });
  ASSERT_NE(mfa001, report.findings.end());
  EXPECT_THAT(findings_of(summary, "role/deploy"), ElementsAre(::testing::StartsWith("MFA010 "), ::testing::StartsWith("MFA001 ")));
  EXPECT_EQ(mfa001->message,
            "iam:DeleteUser (1 sensitive action) allowed without MFA to sessions without MFA (the role's sessions: its "
            "trust policy lets arn:aws:iam::1:root, arn:aws:iam::1:user/ci assume it without MFA)");
  EXPECT_EQ(summary.service_roles[0]->subject, "role/builds");
}

// A role only an identity provider assumes: its sessions never carry MFA, so the provider decides
// MFA. One MFA013 note at the trust policy, no MFA001; a role a person can also assume is judged.
TEST(Audit, ARoleOnlyAnIdentityProviderAssumesGetsOneMfa013Note) {
  auto role = [](const std::string& name, const std::string& principal, const std::string& actions) {
    return fmt::format(R"({{"RoleName": "{0}", "Arn": "arn:aws:iam::1:role/{0}", "AssumeRolePolicyDocument": {{
        "Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {1},
          "Action": {2}}}]}},
        "RolePolicyList": [{{"PolicyName": "admin", "PolicyDocument": {{"Version": "2012-10-17",
          "Statement": [{{"Effect": "Allow", "Action": ["iam:DeleteUser", "s3:DeleteBucket"], "Resource": "*"}}]}}}}],
        "AttachedManagedPolicies": []}})",
                       name, principal, actions);
  };
  std::string saml = R"({"Federated": "arn:aws:iam::1:saml-provider/corp"})";
  std::string dump = "{\"RoleDetailList\": [" + role("sso-admin", saml, R"("sts:AssumeRoleWithSAML")") + ", " +
                     role("mixed", R"({"Federated": "arn:aws:iam::1:saml-provider/corp", "AWS": "arn:aws:iam::1:root"})",
                          R"(["sts:AssumeRoleWithSAML", "sts:AssumeRole"])") +
                     "]}";
  auto report = audit_account(input::read_account_dump("dump.json", dump), catalog::Sensitivity::defaults(), {});
  ASSERT_FALSE(report.files[0].error) << *report.files[0].error;
  auto summary = report::summarize(report);
  EXPECT_THAT(findings_of(summary, "role/sso-admin"), ElementsAre("MFA013 1:115 in trust policy"));
  auto note = std::find_if(report.findings.begin(), report.findings.end(), [](const Finding& f) { return f.rule == "MFA013"; });
  ASSERT_NE(note, report.findings.end());
  EXPECT_EQ(note->severity, Severity::Note);
  EXPECT_EQ(note->message, "only identity providers can assume this role; 2 sensitive actions are reachable by its "
                           "federated sessions, and whether they need MFA is decided by the identity provider");
  EXPECT_EQ(report.principals[0].reached_by, report::ReachedBy::IdentityProviders);
  EXPECT_THAT(findings_of(summary, "role/mixed"), ::testing::Contains(::testing::StartsWith("MFA001 ")));
  EXPECT_EQ(report.principals[1].reached_by, report::ReachedBy::People);
  EXPECT_EQ(summary.people_principals, 1u);
  EXPECT_EQ(summary.federated_roles.size(), 1u);
}

// audit reads a role's trust policy as simulate does: a Deny for everyone without MFA in the trust
// closes the role to long-term keys and sessions without MFA, and a statement that does not allow
// sts:AssumeRole lets no one in. Each role's verdict is the MFA matrix of sts:AssumeRole on it,
// asked by a user of the account whom no statement names (audit asks whether anyone gets in).
TEST(Audit, ARoleTrustIsReadAsSimulateReadsIt) {
  const std::vector<std::pair<std::string, std::string>> trusts = {
      {"deny-without-mfa", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:AssumeRole"},
          {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole",
           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"},
      {"deny-aws-star", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:AssumeRole"},
          {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:*",
           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"},
      {"deny-one-user", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:AssumeRole"},
          {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::1:user/alice"}, "Action": "sts:*",
           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"},
      {"tag-session-only", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:TagSession"},
          {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:AssumeRole",
           "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"},
      {"open", R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "sts:*"},
          {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole",
           "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"}};
  std::string dump = "{\"RoleDetailList\": [";
  for (size_t i = 0; i < trusts.size(); ++i) {
    dump += fmt::format(R"({}{{"RoleName": "{}", "Arn": "arn:aws:iam::1:role/{}", "AssumeRolePolicyDocument": {{
        "Version": "2012-10-17", "Statement": [{}]}},
        "RolePolicyList": [{{"PolicyName": "admin", "PolicyDocument": {{"Version": "2012-10-17",
          "Statement": [{{"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*"}}]}}}}],
        "AttachedManagedPolicies": []}})",
                        i ? ", " : "", trusts[i].first, trusts[i].first, trusts[i].second);
  }
  dump += "]}";
  auto report = audit_account(input::read_account_dump("dump.json", dump), catalog::Sensitivity::defaults(), {});
  ASSERT_FALSE(report.files[0].error) << *report.files[0].error;
  auto summary = report::summarize(report);
  for (const auto& [name, trust] : trusts) {
    auto loaded = testing::load(R"({"Version": "2012-10-17", "Statement": [)" + trust + "]}");
    eval::PolicySet set;
    auto identity = testing::load(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})");
    set.identity.push_back(&identity.policies.at(0));
    set.resource.push_back(&loaded.policies.at(0));
    eval::Request assume{"sts:AssumeRole", "arn:aws:iam::1:role/" + name, "arn:aws:iam::1:user/bob", {}};
    analysis::MfaMatrix matrix = analysis::mfa_matrix(set, assume);
    bool simulate_protected = matrix.session_without_mfa != eval::Decision::Allowed &&
                              matrix.long_term_keys != eval::Decision::Allowed;
    bool audit_protected = true;
    for (const auto& line : findings_of(summary, "role/" + name)) audit_protected &= !line.starts_with("MFA001 ");
    EXPECT_EQ(audit_protected, simulate_protected) << name;
  }
}

TEST(Audit, AnUnreadableDumpIsTheOneSubjectAndFailsTheRun) {
  auto report = audit_account(input::read_account_dump("dump.json", "{\"UserDetailList\": [}"),
                              catalog::Sensitivity::defaults(), {});
  ASSERT_EQ(report.files.size(), 1u);
  ASSERT_TRUE(report.files[0].error);
  EXPECT_TRUE(report.principals.empty());
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule, "IAM001");
  auto summary = report::summarize(report);
  ASSERT_EQ(summary.subjects.size(), 1u);
  EXPECT_TRUE(summary.subjects[0].unreadable());
}

// The real dump: every user, group and role listed, with its type and ARN, as the dump names them.
TEST(Audit, CorpusDumpListsAll127Principals) {
  std::string dump = MFALINT_TEST_DATA_DIR "/cloudsplaining-example.json";
  auto parsed = parse_json(testing::read_all(dump));
  ASSERT_TRUE(parsed.root);
  std::vector<std::pair<std::string, std::string>> expected;  // (type, arn)
  for (auto [list, type] : {std::pair{"UserDetailList", "user"}, {"GroupDetailList", "group"}, {"RoleDetailList", "role"}}) {
    for (const auto& entry : parsed.root->find(list)->items) expected.emplace_back(type, entry.find("Arn")->text);
  }
  ASSERT_EQ(expected.size(), 127u);

  auto report = audit(dump);
  ASSERT_FALSE(report.files[0].error) << *report.files[0].error;
  std::vector<std::pair<std::string, std::string>> listed;
  std::map<std::string, size_t> by_type;
  for (const auto& principal : report.principals) {
    listed.emplace_back(principal.type, principal.arn);
    ++by_type[principal.type];
  }
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(by_type, (std::map<std::string, size_t>{{"group", 5}, {"role", 78}, {"user", 44}}));
  // Every finding belongs to a principal, and the dump's AdministratorAccess users reach sensitive actions.
  auto summary = report::summarize(report);
  EXPECT_EQ(summary.subjects.size(), 127u);
  EXPECT_GT(summary.exposed_principals, 0u);
  for (const auto& finding : report.findings) EXPECT_EQ(finding.file(), dump);
}

}  // namespace
}  // namespace mfalint::pipeline
