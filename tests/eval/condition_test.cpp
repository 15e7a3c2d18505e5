// Condition semantics through whole policies: the operator, its IfExists and set forms, and
// absent keys, as AWS documents them (docs/evaluation.md).

#include "eval/condition.h"
#include "eval_support.h"

namespace mfalint::eval {
namespace {

using testing::condition_allows;
using testing::get_object;

TEST(Condition, AbsentKeyIsFalseForPlainOperators) {
  for (const char* op : {"StringEquals", "StringLike", "StringEqualsIgnoreCase", "NumericEquals", "NumericLessThan",
                         "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress", "ArnLike", "ArnEquals"}) {
    std::string condition = std::string(R"({")") + op + R"(": {"k:absent": "x"}})";
    EXPECT_FALSE(condition_allows(condition, get_object())) << op;
    std::string if_exists = std::string(R"({")") + op + R"(IfExists": {"k:absent": "x"}})";
    EXPECT_TRUE(condition_allows(if_exists, get_object())) << op << "IfExists";
  }
}

TEST(Condition, AbsentKeyIsTrueForNegatedOperators) {
  for (const char* op : {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals",
                         "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike"}) {
    std::string condition = std::string(R"({")") + op + R"(": {"k:absent": "x"}})";
    EXPECT_TRUE(condition_allows(condition, get_object())) << op;
  }
}

TEST(Condition, SetOperatorsOnAbsentKeys) {
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringEquals": {"aws:TagKeys": "a"}})", get_object()));
  EXPECT_FALSE(condition_allows(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": "a"}})", get_object()));
  EXPECT_TRUE(condition_allows(R"({"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "a"}})", get_object()));
  EXPECT_FALSE(condition_allows(R"({"ForAnyValue:StringNotEquals": {"aws:TagKeys": "a"}})", get_object()));
}

TEST(Condition, SetOperatorsOnMultivaluedKeys) {
  auto tags = get_object({{"aws:TagKeys", "a"}, {"aws:TagKeys", "b"}});
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b", "c"]}})", tags));
  EXPECT_FALSE(condition_allows(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})", tags));
  EXPECT_TRUE(condition_allows(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["b", "z"]}})", tags));
  EXPECT_FALSE(condition_allows(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["z"]}})", tags));
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringNotEquals": {"aws:TagKeys": ["z"]}})", tags));
  EXPECT_FALSE(condition_allows(R"({"ForAllValues:StringNotEquals": {"aws:TagKeys": ["a"]}})", tags));
  EXPECT_TRUE(condition_allows(R"({"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["a"]}})", tags));
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringLike": {"aws:TagKeys": ["?"]}})", tags));
  // A multivalued key needs a set operator: a plain operator on it never matches, negated or not.
  EXPECT_FALSE(condition_allows(R"({"StringEquals": {"aws:TagKeys": ["a", "b"]}})", tags));
  EXPECT_FALSE(condition_allows(R"({"StringNotEquals": {"aws:TagKeys": "z"}})", tags));
  EXPECT_FALSE(condition_allows(R"({"StringEqualsIfExists": {"aws:TagKeys": "a"}})", tags));
}

TEST(Condition, SetOperatorsOnEmptySets) {
  Request empty = get_object();
  empty.context.set("aws:TagKeys", {}, true);
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringEquals": {"aws:TagKeys": "a"}})", empty));
  EXPECT_FALSE(condition_allows(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": "a"}})", empty));
}

TEST(Condition, SetOperatorsOnASingleValue) {
  auto one = get_object({{"aws:RequestedRegion", "eu-west-1"}});
  EXPECT_TRUE(condition_allows(R"({"ForAnyValue:StringEquals": {"aws:RequestedRegion": "eu-west-1"}})", one));
  EXPECT_TRUE(condition_allows(R"({"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}})", one));
}

TEST(Condition, ValuesAreOredAndNegatedValuesNored) {
  auto r = get_object({{"aws:RequestedRegion", "eu-west-1"}});
  EXPECT_TRUE(condition_allows(R"({"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}})", r));
  EXPECT_FALSE(condition_allows(R"({"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}})", r));
  EXPECT_TRUE(condition_allows(R"({"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "us-west-2"]}})", r));
}

TEST(Condition, KeysAndBlocksAreAnded) {
  auto r = get_object({{"aws:RequestedRegion", "eu-west-1"}, {"aws:SecureTransport", "true"}});
  EXPECT_TRUE(condition_allows(
      R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1"}, "Bool": {"aws:SecureTransport": "true"}})", r));
  EXPECT_FALSE(condition_allows(
      R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1", "aws:username": "alice"}})", r));
  EXPECT_FALSE(condition_allows(
      R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1"}, "Bool": {"aws:SecureTransport": "false"}})", r));
}

TEST(Condition, KeyNamesAreCaseInsensitive) {
  auto r = get_object({{"aws:requestedregion", "eu-west-1"}});
  EXPECT_TRUE(condition_allows(R"({"StringEquals": {"AWS:RequestedRegion": "eu-west-1"}})", r));
  EXPECT_FALSE(condition_allows(R"({"StringEquals": {"aws:RequestedRegion": "EU-WEST-1"}})", r));
}

TEST(Condition, WrongTypesAreFalseEvenWhenNegated) {
  auto r = get_object({{"aws:MultiFactorAuthAge", "soon"}, {"aws:SourceIp", "nowhere"}});
  EXPECT_FALSE(condition_allows(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}})", r));
  EXPECT_FALSE(condition_allows(R"({"NumericNotEquals": {"aws:MultiFactorAuthAge": "600"}})", r));
  EXPECT_FALSE(condition_allows(R"({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}})", r));
  EXPECT_FALSE(condition_allows(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "x"}})",
                                get_object({{"aws:MultiFactorAuthAge", "5"}})));
}

TEST(Condition, Null) {
  EXPECT_TRUE(condition_allows(R"({"Null": {"aws:TokenIssueTime": "true"}})", get_object()));
  EXPECT_FALSE(condition_allows(R"({"Null": {"aws:TokenIssueTime": "false"}})", get_object()));
  auto session = get_object({{"aws:TokenIssueTime", "2024-01-01T00:00:00Z"}});
  EXPECT_TRUE(condition_allows(R"({"Null": {"aws:TokenIssueTime": false}})", session));
  EXPECT_FALSE(condition_allows(R"({"Null": {"aws:TokenIssueTime": "true"}})", session));
  EXPECT_FALSE(condition_allows(R"({"Null": {"aws:TokenIssueTime": "maybe"}})", session));
}

TEST(Condition, IpAddressFamilies) {
  auto v4 = get_object({{"aws:SourceIp", "203.0.113.5"}});
  auto v6 = get_object({{"aws:SourceIp", "2001:db8:1234:5678::5"}});
  std::string both = R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]}})";
  EXPECT_TRUE(condition_allows(both, v4));
  EXPECT_TRUE(condition_allows(both, v6));
  EXPECT_TRUE(condition_allows(R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})", v6));
  EXPECT_FALSE(condition_allows(R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})", v4));
}

TEST(Condition, DatesInBothForms) {
  auto now = get_object({{"aws:CurrentTime", "2024-06-01T12:00:00Z"}, {"aws:EpochTime", "1717243200"}});
  EXPECT_TRUE(condition_allows(R"({"DateLessThan": {"aws:CurrentTime": "2024-06-02"}})", now));
  EXPECT_FALSE(condition_allows(R"({"DateGreaterThan": {"aws:CurrentTime": "2024-06-01T12:00:00+01:00"}})",
                                get_object({{"aws:CurrentTime", "2024-06-01T10:00:00Z"}})));
  EXPECT_TRUE(condition_allows(R"({"DateEquals": {"aws:EpochTime": "2024-06-01T12:00:00Z"}})", now));
  EXPECT_TRUE(condition_allows(R"({"DateGreaterThanEquals": {"aws:EpochTime": "1717243200"}})", now));
}

TEST(Condition, VariablesOnlyUnderVersion20121017) {
  auto r = get_object({{"aws:username", "alice"}, {"s3:prefix", "home/alice/docs"}});
  std::string condition = R"({"StringLike": {"s3:prefix": "home/${aws:username}/*"}})";
  EXPECT_TRUE(condition_allows(condition, r));
  EXPECT_FALSE(condition_allows(condition, r, "2008-10-17"));
  // An unresolvable variable makes the comparison fail, for negated operators too.
  EXPECT_FALSE(condition_allows(R"({"StringNotEquals": {"s3:prefix": "${aws:userid}"}})", r));
  EXPECT_TRUE(condition_allows(R"({"StringNotEquals": {"s3:prefix": "${aws:userid, 'x'}"}})", r));
}

TEST(Condition, UnknownOperatorNeverHolds) {
  EXPECT_FALSE(condition_allows(R"({"StringEqualz": {"aws:username": "alice"}})", get_object({{"aws:username", "alice"}})));
}

TEST(Condition, EntryForFixedValues) {
  auto loaded = mfalint::testing::load(testing::statement_policy(
      R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}})"));
  const auto& block = loaded.policies.front().statements.front().conditions.front();
  EXPECT_FALSE(entry_holds_for_values(block, block.entries.front(), {"eu-west-1"}));
  EXPECT_TRUE(entry_holds_for_values(block, block.entries.front(), {"us-east-1"}));
}

}  // namespace
}  // namespace mfalint::eval
