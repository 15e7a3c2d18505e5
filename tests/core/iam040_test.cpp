// IAM040 redundant-element.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::load;
using testing::policy_with;

std::vector<std::string> codes(const std::string& statements) {
  return codes_of(load(policy_with(statements)).findings, "IAM040");
}

TEST(Iam040, RedundantAction) {
  // AWS's example: iam:Get* covers iam:GetCredentialReport.
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": ["iam:Get*", "iam:List*",
                                   "iam:GetCredentialReport"], "Resource": "*"})"));
  ASSERT_THAT(codes_of(file.findings, "IAM040"), ElementsAre("REDUNDANT_ACTION"));
  auto finding = testing::with_rule(file.findings, "IAM040").at(0);
  EXPECT_EQ(finding.severity, Severity::Note);
  EXPECT_EQ(finding.loc.line, 2u);
  EXPECT_THAT(finding.message, ::testing::HasSubstr("\"iam:GetCredentialReport\""));
  // Ignoring case, a pattern covered by a wider one, and a repeat (the later one goes).
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["S3:getobject", "s3:GetObject"], "Resource": "*"})"),
              ElementsAre("REDUNDANT_ACTION"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Get*", "iam:*"], "Resource": "*"})"),
              ElementsAre("REDUNDANT_ACTION"));
  EXPECT_THAT(codes(R"({"Effect": "Deny", "NotAction": ["*", "s3:GetObject"], "Resource": "*"})"),
              ElementsAre("REDUNDANT_ACTION"));
}

TEST(Iam040, PartlyCoveredActionsAreNotRedundant) {
  // AWS's near miss: iam:*CredentialReport also covers iam:GenerateCredentialReport.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Get*", "iam:*CredentialReport"], "Resource": "*"})"),
              IsEmpty());
  EXPECT_THAT(codes(
                  R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectAcl", "ec2:Get*"],
                        "Resource": "*"})"),
              IsEmpty());
  // `?` covers a named action, but a pattern with `?` is not compared with other patterns: that
  // proof needs more than a glob match, and a missed note costs nothing.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get?bject"], "Resource": "*"})"),
              ElementsAre("REDUNDANT_ACTION"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["s3:GetObj*", "s3:Get?bj*"], "Resource": "*"})"), IsEmpty());
}

TEST(Iam040, RedundantResource) {
  // AWS's example.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": [
                        "arn:aws:iam::111122223333:role/jane-admin", "arn:aws:iam::111122223333:role/jane-s3only",
                        "arn:aws:iam::111122223333:role/jane*"]})"),
              ElementsAre("REDUNDANT_RESOURCE", "REDUNDANT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject",
                        "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/*"]})"),
              ElementsAre("REDUNDANT_RESOURCE"));
}

TEST(Iam040, RepeatedResourceInALongList) {
  // A long list finds its repeats by sorting its texts, a short one by comparing them in turn.
  std::string resources;
  for (int i = 0; i < 20; ++i) resources += "\"arn:aws:s3:::bucket" + std::to_string(i) + "\", ";
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": [)" + resources +
                    R"("arn:aws:s3:::bucket3", "arn:aws:s3:::bucket3"]})"),
              ElementsAre("REDUNDANT_RESOURCE", "REDUNDANT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": [)" + resources +
                    R"("arn:aws:s3:::other"]})"),
              IsEmpty());
}

TEST(Iam040, ArnsCompareCaseSensitively) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:GetRole", "Resource": [
                        "arn:aws:iam::111122223333:role/Jane-admin", "arn:aws:iam::111122223333:role/jane*"]})"),
              IsEmpty());
  // A variable could become anything: only "*" covers it.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": [
                        "arn:aws:s3:::b/a*", "arn:aws:s3:::b/a${aws:username}"]})"),
              IsEmpty());
}

TEST(Iam040, RedundantStatement) {
  EXPECT_THAT(codes(
                  R"({"Sid": "One", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"},
                       {"Sid": "Two", "Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "*"})"),
              ElementsAre("REDUNDANT_STATEMENT"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                       {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"Bool": {"aws:securetransport": "true"}}})"),
              ElementsAre("REDUNDANT_STATEMENT"));
}

TEST(Iam040, StatementsThatDifferAreNotRedundant) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                       {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"},
                       {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                       {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "*"})"),
              IsEmpty());
  // Statements that apply to nothing are IAM010's.
  EXPECT_THAT(codes(R"({"Sid": "A", "Effect": "Allow", "Action": [], "Resource": "*"},
                       {"Sid": "B", "Effect": "Allow", "Action": [], "Resource": "*"})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
