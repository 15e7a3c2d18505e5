// Reading `aws iam get-account-authorization-details` output into principals and their policies.
#include "input/account_dump.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::input {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const char* const kFixture = MFALINT_SOURCE_DIR "/tests/fixtures/account-dump/account.json";

std::vector<std::string> vias(const std::vector<PolicyRef>& refs) {
  std::vector<std::string> out;
  for (const auto& ref : refs) out.push_back(ref.via);
  return out;
}

const DumpPrincipal& named(const AccountDump& dump, const std::string& name) {
  for (const auto& principal : dump.principals) {
    if (principal.name == name) return principal;
  }
  throw std::runtime_error("no principal " + name);
}

TEST(AccountDump, EveryPrincipalUsersThenGroupsThenRoles) {
  auto dump = load_account_dump(kFixture);
  ASSERT_FALSE(dump.file.error) << *dump.file.error;
  std::vector<std::string> listed;
  for (const auto& principal : dump.principals) {
    listed.push_back(std::string(principal_type_name(principal.type)) + " " + principal.name + " " + principal.arn);
  }
  EXPECT_THAT(listed, ElementsAre("user alice arn:aws:iam::111122223333:user/alice",
                                  "user bob arn:aws:iam::111122223333:user/bob",
                                  "user carol arn:aws:iam::111122223333:user/ops/carol",
                                  "group admins arn:aws:iam::111122223333:group/admins",
                                  "role break-glass arn:aws:iam::111122223333:role/break-glass",
                                  "role log-shipper arn:aws:iam::111122223333:role/service-role/log-shipper"));
}

TEST(AccountDump, AUserHasItsGroupsPoliciesAndAManagedPolicyIsBuiltOnce) {
  auto dump = load_account_dump(kFixture);
  const auto& alice = named(dump, "alice");
  const auto& admins = named(dump, "admins");
  EXPECT_THAT(vias(alice.identity), ElementsAre("group admins: managed policy arn:aws:iam::111122223333:policy/operate"));
  ASSERT_EQ(admins.identity.size(), 1u);
  EXPECT_EQ(alice.identity[0].document, admins.identity[0].document);
  EXPECT_THAT(vias(named(dump, "bob").identity), ElementsAre("inline policy terminate-with-mfa"));
}

TEST(AccountDump, TheDefaultVersionIsTheDocumentInForce) {
  auto dump = load_account_dump(kFixture);
  const auto& operate = dump.documents[named(dump, "admins").identity[0].document];
  ASSERT_TRUE(operate.policy);
  ASSERT_EQ(operate.policy->statements.size(), 1u);
  EXPECT_EQ(operate.policy->statements[0].sid->value, "Operate");  // v2, not v1's iam:*
  EXPECT_EQ(operate.policy->statements[0].loc.line, 127u);
}

TEST(AccountDump, BoundaryAndAManagedPolicyTheDumpLeavesOutIsANote) {
  auto dump = load_account_dump(kFixture);
  const auto& carol = named(dump, "carol");
  EXPECT_THAT(vias(carol.identity), ElementsAre("managed policy arn:aws:iam::111122223333:policy/operate"));
  ASSERT_TRUE(carol.boundary);
  EXPECT_EQ(carol.boundary->via, "permissions boundary arn:aws:iam::111122223333:policy/ec2-only-boundary");
  EXPECT_EQ(carol.boundary_arn, "arn:aws:iam::111122223333:policy/ec2-only-boundary");
  ASSERT_EQ(carol.notes.size(), 1u);
  EXPECT_EQ(carol.notes[0].rule, "IAM018");
  EXPECT_EQ(carol.notes[0].severity, Severity::Note);
  EXPECT_EQ(carol.notes[0].loc.line, 46u);
  EXPECT_THAT(carol.notes[0].message, HasSubstr("arn:aws:iam::aws:policy/ReadOnlyAccess is not in the dump"));
}

TEST(AccountDump, AUrlEncodedTrustPolicyPointsIntoTheDump) {
  auto dump = load_account_dump(kFixture);
  const auto& shipper = named(dump, "log-shipper");
  ASSERT_TRUE(shipper.trust);
  const auto& trust = dump.documents[shipper.trust->document];
  ASSERT_TRUE(trust.policy);
  EXPECT_EQ(trust.policy->kind, model::PolicyKind::Trust);
  const auto& principal = *trust.policy->statements.at(0).principal;
  EXPECT_EQ(principal.entries.at(0).values.items.at(0).value, "lambda.amazonaws.com");
  EXPECT_EQ(principal.loc.line, 91u);
  // "Principal" in the encoded text: %22Principal%22%3A then the value, at its %7B.
  std::string line(dump.file.source->line_text(91));
  EXPECT_EQ(principal.loc.column, line.find("%22Principal%22%3A") + 19);
}

TEST(AccountDump, AGroupOrBoundaryTheDumpDoesNotHoldIsANote) {
  auto dump = read_account_dump("dump.json", R"({"UserDetailList": [{"UserName": "dan", "Arn": "arn:aws:iam::1:user/dan",
    "GroupList": ["gone"], "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::1:policy/b"}}]})");
  ASSERT_FALSE(dump.file.error) << *dump.file.error;
  const auto& dan = dump.principals.at(0);
  ASSERT_EQ(dan.notes.size(), 2u);
  EXPECT_THAT(dan.notes[0].message, HasSubstr("group gone is not in the dump"));
  EXPECT_THAT(dan.notes[1].message, HasSubstr("permissions boundary arn:aws:iam::1:policy/b is not in the dump"));
  EXPECT_FALSE(dan.boundary);
  EXPECT_EQ(dan.boundary_arn, "arn:aws:iam::1:policy/b");
}

struct BadDump {
  std::string text;
  std::string message;
  uint32_t line, column;
};

TEST(AccountDump, BadInputFailsTheFileAtItsPosition) {
  const BadDump cases[] = {
      {"{\"UserDetailList\": [\n  {\"UserName\": \"a\",}\n]}", "", 2, 20},
      {R"({"Version": "2012-10-17", "Statement": []})", "not `aws iam get-account-authorization-details` output", 1, 1},
      {"{\"UserDetailList\": [\n  {\"Arn\": \"arn:aws:iam::1:user/a\"}]}", "UserDetailList[0]: missing \"UserName\"", 2, 3},
      {R"({"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::1:role/r"}]})",
       "RoleDetailList[0]: missing \"AssumeRolePolicyDocument\"", 1, 21},
      {R"({"GroupDetailList": {}})", "GroupDetailList: expected an array, found object", 1, 21},
      {R"({"Policies": [{"Arn": "arn:aws:iam::1:policy/p", "PolicyVersionList": []}]})",
       "Policies[0]: no default version", 1, 15},
      {R"({"Policies": [{"Arn": "arn:aws:iam::1:policy/p", "DefaultVersionId": "v1",
          "PolicyVersionList": [{"VersionId": "v1", "Document": "%7B%22Statement%22%3A%5D"}]}]})",
       "policy document inside a string", 2, 87},  // at the %5D that decodes to the stray `]`
      {"", "empty file", 0, 0},
  };
  for (const auto& bad : cases) {
    auto dump = read_account_dump("dump.json", bad.text);
    ASSERT_TRUE(dump.file.error) << bad.text;
    EXPECT_THAT(*dump.file.error, HasSubstr(bad.message)) << bad.text;
    EXPECT_EQ(dump.file.error_loc.line, bad.line) << *dump.file.error;
    EXPECT_EQ(dump.file.error_loc.column, bad.column) << *dump.file.error;
    EXPECT_TRUE(dump.principals.empty());
    ASSERT_EQ(dump.file.findings.size(), 1u);
    EXPECT_EQ(dump.file.findings[0].rule, "IAM001");
  }
}

}  // namespace
}  // namespace mfalint::input
