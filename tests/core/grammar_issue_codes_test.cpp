// The Access Analyzer code of each finding of the grammar and catalog rules that were there before
// the Access Analyzer checks (IAM001-IAM017, IAM100-IAM102): each site names its own, since most of
// these rules cover several. Whether each rule fires, and where, is its own test file's business.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with;
using testing::policy_with_condition;
using ::testing::ElementsAre;

struct Case {
  std::string rule;
  std::string policy;
  std::string code;
};


TEST(GrammarIssueCodes, EachSiteNamesItsCheck) {
  const std::string statement = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})";
  const std::vector<Case> cases = {
      {"IAM001", R"({"Statement": [}})", "JSON_SYNTAX_ERROR"},
      {"IAM002", R"({"Version": "2012-10-17"})", "MISSING_STATEMENT"},
      {"IAM002", R"(["not", "an", "object"])", "DATA_TYPE_MISMATCH"},
      {"IAM003", R"({"Statement": [)" + statement + "]}", "MISSING_VERSION"},
      {"IAM004", R"({"Version": "2020-01-01", "Statement": [)" + statement + "]}", "INVALID_VERSION"},
      {"IAM005",
       R"({"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
           "Resource": "arn:aws:s3:::b/${aws:username}/*"}]})",
       "VARIABLE_UNSUPPORTED_IN_VERSION"},
      {"IAM006", policy_with(R"({"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"})"), "INVALID_EFFECT"},
      {"IAM006", policy_with(R"({"Action": "s3:GetObject", "Resource": "*"})"), "MISSING_EFFECT"},
      {"IAM007", policy_with(R"({"Effect": "Allow", "Resource": "*"})"), "MISSING_ACTION"},
      {"IAM008", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject"})"), "MISSING_RESOURCE"},
      {"IAM009", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Conditions": {}})"),
       "INVALID_POLICY_ELEMENT"},
      {"IAM009",
       policy_with(R"({"Effect": "Allow", "Principal": {"Aws": "arn:aws:iam::111122223333:root"},
                       "Action": "s3:GetObject", "Resource": "*"})"),
       "INVALID_PRINCIPAL_KEY"},
      {"IAM010", policy_with(R"({"Effect": "Allow", "Action": [], "Resource": "*"})"), "EMPTY_ARRAY_ACTION"},
      {"IAM010", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": []})"), "EMPTY_ARRAY_RESOURCE"},
      {"IAM010",
       policy_with(R"({"Effect": "Allow", "Principal": {"AWS": []}, "Action": "s3:GetObject", "Resource": "*"})"),
       "EMPTY_ARRAY_PRINCIPAL"},
      {"IAM010", policy_with(R"({"Effect": "Allow", "Principal": {}, "Action": "s3:GetObject", "Resource": "*"})"),
       "EMPTY_OBJECT_PRINCIPAL"},
      {"IAM010", policy_with_condition("{}"), "EMPTY_OBJECT_CONDITION"},
      {"IAM010", policy_with_condition(R"({"StringEquals": {}})"), "EMPTY_OBJECT_CONDITION"},
      {"IAM010", policy_with_condition(R"({"StringEquals": {"aws:username": []}})"), "EMPTY_ARRAY_CONDITION"},
      {"IAM010", policy_with_condition(R"({"ForAllValues:StringEquals": {"aws:TagKeys": []}})"),
       "EMPTY_ARRAY_CONDITION_FORALLVALUES"},
      {"IAM010", policy_with_condition(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": []}})"),
       "EMPTY_ARRAY_CONDITION_FORANYVALUE"},
      {"IAM010", policy_with_condition(R"({"StringEqualsIfExists": {"aws:username": []}})"), "EMPTY_ARRAY_CONDITION_IFEXISTS"},
      {"IAM013", policy_with_condition(R"({"StringEqual": {"aws:username": "a"}})"), "INVALID_CONDITION_OPERATOR"},
      {"IAM014", policy_with_condition(R"({"NullIfExists": {"aws:username": "true"}})"), "NULL_WITH_IF_EXISTS"},
      {"IAM015", policy_with_condition(R"({"Bool": {"aws:SecureTransport": "yes"}})"), "TYPE_MISMATCH_BOOLEAN"},
      {"IAM015", policy_with_condition(R"({"DateGreaterThan": {"aws:CurrentTime": "yesterday"}})"), "TYPE_MISMATCH_DATE"},
      {"IAM015", policy_with_condition(R"({"NumericLessThan": {"s3:max-keys": "ten"}})"), "TYPE_MISMATCH_NUMBER"},
      {"IAM015", policy_with_condition(R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}})"), "TYPE_MISMATCH_IP_RANGE"},
      {"IAM032", policy_with_condition(R"({"BinaryEquals": {"aws:username": "not base64!"}})"), "TYPE_MISMATCH_STRING"},
      {"IAM017", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": 5})"), "DATA_TYPE_MISMATCH"},
      {"IAM017",
       policy_with(R"({"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:GetObject",
                       "Resource": "*"})"),
       "INVALID_PRINCIPAL_FORMAT"},
      {"IAM100", policy_with(R"({"Effect": "Allow", "Action": "nosuch:GetObject", "Resource": "*"})"),
       "INVALID_SERVICE_IN_ACTION"},
      {"IAM101", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"})"), "INVALID_ACTION"},
      {"IAM102", policy_with_condition(R"({"StringEquals": {"username": "a"}})"), "INVALID_CONDITION_KEY_FORMAT"},
      {"IAM102", policy_with_condition(R"({"StringEquals": {"aws:usernam": "a"}})"), "INVALID_GLOBAL_CONDITION_KEY"},
      {"IAM102", policy_with_condition(R"({"ArnEquals": {"aws:ARN": "arn:aws:iam::111122223333:root"}})"),
       "UNSUPPORTED_GLOBAL_CONDITION_KEY"},
      {"IAM102", policy_with_condition(R"({"StringEquals": {"aws:ResourceTag/": "a"}})"), "MISSING_TAG_KEY_IN_CONDITION"},
      {"IAM102", policy_with_condition(R"({"StringEquals": {"s3:nosuchkey": "a"}})"), "INVALID_SERVICE_CONDITION_KEY"},
      {"IAM102", policy_with_condition(R"({"StringEquals": {"nosuch:key": "a"}})"), "INVALID_SERVICE"},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(codes_of(load(c.policy).findings, c.rule), ElementsAre(c.code)) << c.rule << " " << c.policy;
  }
}

// An identity policy's duplicate Sid is only recommended against (a warning); the policy types
// whose services refuse it need unique Sids (an error).
TEST(GrammarIssueCodes, DuplicateSidsRequiredOrRecommendedByPolicyType) {
  const std::string two = policy_with(R"({"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
                                          {"Sid": "A", "Effect": "Deny", "Action": "ec2:*", "Resource": "*"})");
  auto identity = load(two);
  EXPECT_THAT(codes_of(identity.findings, "IAM011"), ElementsAre("UNIQUE_SIDS_RECOMMENDED"));
  EXPECT_EQ(testing::with_rule(identity.findings, "IAM011")[0].severity, Severity::Warning);
  auto scp = testing::load_as(model::PolicyKind::ServiceControl, two);
  EXPECT_THAT(codes_of(scp.findings, "IAM011"), ElementsAre("UNIQUE_SIDS_REQUIRED"));
  EXPECT_EQ(testing::with_rule(scp.findings, "IAM011")[0].severity, Severity::Error);
}

}  // namespace
}  // namespace mfalint
