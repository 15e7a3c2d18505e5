#include "eval/compare.h"
#include "eval/date.h"
#include "eval/ip.h"

#include <gtest/gtest.h>

namespace mfalint::eval {
namespace {

TEST(ParseNumber, IntegersAndDecimalsOnly) {
  EXPECT_EQ(parse_number("600"), 600.0);
  EXPECT_EQ(parse_number("-1"), -1.0);
  EXPECT_EQ(parse_number("0.5"), 0.5);
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_FALSE(parse_number("12abc"));
  EXPECT_FALSE(parse_number("1e3"));
  EXPECT_FALSE(parse_number(" 5"));
  EXPECT_FALSE(parse_number("5."));
  EXPECT_FALSE(parse_number("-"));
}

TEST(ParseDate, EpochAndW3cIso8601) {
  EXPECT_EQ(parse_date("0"), 0);
  EXPECT_EQ(parse_date("1700000000"), 1700000000000LL);
  EXPECT_EQ(parse_date("2023-11-14T22:13:20Z"), 1700000000000LL);
  EXPECT_EQ(parse_date("2023-11-14T22:13:20.250Z"), 1700000000250LL);
  EXPECT_EQ(parse_date("2023-11-15T00:13:20+02:00"), 1700000000000LL);
  EXPECT_EQ(parse_date("2023-11-14T17:13:20-05:00"), 1700000000000LL);
  EXPECT_EQ(parse_date("2023-11-14T22:13Z"), 1699999980000LL);
  EXPECT_EQ(parse_date("2023-11-14T22:13:20"), 1700000000000LL);  // no zone: UTC
  EXPECT_EQ(parse_date("1970-01-02"), 86400000LL);
  EXPECT_EQ(parse_date("1970-02"), 31LL * 86400000);
  EXPECT_EQ(parse_date("2000-02-29"), 951782400000LL);
  EXPECT_FALSE(parse_date("2001-02-29"));
  EXPECT_FALSE(parse_date("2020-13-01"));
  EXPECT_FALSE(parse_date("2020-01-01T25:00:00Z"));
  EXPECT_FALSE(parse_date("2020-01-01 00:00:00"));
  EXPECT_FALSE(parse_date("Jan 1 2020"));
  EXPECT_FALSE(parse_date("notadate"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Ip, ParsesV4AndV6) {
  auto v4 = parse_ip("203.0.113.7");
  ASSERT_TRUE(v4);
  EXPECT_FALSE(v4->v6);
  EXPECT_EQ(v4->bytes[3], 7);
  EXPECT_FALSE(parse_ip("203.0.113"));
  EXPECT_FALSE(parse_ip("203.0.113.256"));
  EXPECT_FALSE(parse_ip("203.0.113.07"));
  auto v6 = parse_ip("2001:DB8::1");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->v6);
  EXPECT_EQ(v6->bytes[0], 0x20);
  EXPECT_EQ(v6->bytes[15], 1);
  EXPECT_TRUE(parse_ip("::"));
  EXPECT_TRUE(parse_ip("::ffff:192.0.2.1"));
  EXPECT_TRUE(parse_ip("1:2:3:4:5:6:7:8"));
  EXPECT_FALSE(parse_ip("1:2:3:4:5:6:7:8:9"));
  EXPECT_FALSE(parse_ip("1::2::3"));
  EXPECT_FALSE(parse_ip("12345::"));
}

TEST(Ip, CidrRanges) {
  auto range = parse_cidr("203.0.113.0/24");
  ASSERT_TRUE(range);
  EXPECT_TRUE(in_range(*parse_ip("203.0.113.255"), *range));
  EXPECT_FALSE(in_range(*parse_ip("203.0.114.0"), *range));
  EXPECT_TRUE(in_range(*parse_ip("10.1.2.3"), *parse_cidr("0.0.0.0/0")));
  EXPECT_TRUE(in_range(*parse_ip("10.1.2.3"), *parse_cidr("10.1.2.3")));  // no prefix: /32
  EXPECT_FALSE(in_range(*parse_ip("10.1.2.4"), *parse_cidr("10.1.2.3")));
  EXPECT_TRUE(in_range(*parse_ip("10.1.2.200"), *parse_cidr("10.1.2.129/25")));
  auto v6 = parse_cidr("2001:DB8:1234:5678::/64");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(in_range(*parse_ip("2001:db8:1234:5678:ffff::1"), *v6));
  EXPECT_FALSE(in_range(*parse_ip("2001:db8:1234:5679::1"), *v6));
  EXPECT_FALSE(in_range(*parse_ip("203.0.113.1"), *v6));  // families never match
  EXPECT_TRUE(in_range(*parse_ip("2001:db8::1"), *parse_cidr("2001:db8::/33")));
  EXPECT_FALSE(parse_cidr("10.0.0.0/33"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/024"));
  EXPECT_TRUE(parse_cidr("::/0"));
  EXPECT_FALSE(parse_cidr("::/129"));
}

TEST(CompareValue, EachFamily) {
  using Op = model::ConditionOp;
  Scope none;
  EXPECT_EQ(compare_value(Op::StringEquals, "abc", "abc", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::StringEquals, "abc", "a*", none), Match::No);
  EXPECT_EQ(compare_value(Op::StringLike, "abc", "a*", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::StringEqualsIgnoreCase, "ABC", "abc", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::NumericLessThan, "599", "600", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::NumericLessThan, "600", "600", none), Match::No);
  EXPECT_EQ(compare_value(Op::NumericLessThanEquals, "600", "600.0", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::NumericGreaterThan, "abc", "600", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::NumericEquals, "5", "abc", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::DateGreaterThan, "2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::DateEquals, "1700000000", "2023-11-14T22:13:20Z", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::DateLessThan, "soon", "2023-11-14", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::Bool, "TRUE", "true", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::Bool, "false", "true", none), Match::No);
  EXPECT_EQ(compare_value(Op::Bool, "yes", "true", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::Bool, "true", "1", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::BinaryEquals, "QmluYXJ5", "QmluYXJ5", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::BinaryEquals, "QmluYXJ5", "qmluyxj5", none), Match::No);
  EXPECT_EQ(compare_value(Op::IpAddress, "203.0.113.9", "203.0.113.0/24", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::IpAddress, "2001:db8::9", "203.0.113.0/24", none), Match::No);
  EXPECT_EQ(compare_value(Op::IpAddress, "not-an-ip", "203.0.113.0/24", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::IpAddress, "203.0.113.9", "203.0.113.0/99", none), Match::Invalid);
  EXPECT_EQ(compare_value(Op::ArnLike, "arn:aws:iam::1:role/x", "arn:aws:iam::*:role/*", none), Match::Yes);
  EXPECT_EQ(compare_value(Op::ArnEquals, "arn:aws:iam::1:role/x", "arn:aws:iam::*:role/*", none), Match::Yes);
  EXPECT_EQ(positive_form(Op::StringNotLike), Op::StringLike);
  EXPECT_EQ(positive_form(Op::NotIpAddress), Op::IpAddress);
  EXPECT_EQ(positive_form(Op::Bool), Op::Bool);
}

TEST(CompareValue, VariablesOnlyForStringBoolAndArn) {
  using Op = model::ConditionOp;
  Context context;
  context.add("aws:username", "alice");
  context.add("aws:SecureTransport", "true");
  context.add("x:n", "5");
  Scope scope{&context, true};
  EXPECT_EQ(compare_value(Op::StringEquals, "alice", "${aws:username}", scope), Match::Yes);
  EXPECT_EQ(compare_value(Op::StringLike, "home/alice/x", "home/${aws:username}/*", scope), Match::Yes);
  EXPECT_EQ(compare_value(Op::Bool, "true", "${aws:SecureTransport}", scope), Match::Yes);
  EXPECT_EQ(compare_value(Op::ArnLike, "arn:aws:iam::1:user/alice", "arn:aws:iam::*:user/${aws:username}", scope),
            Match::Yes);
  EXPECT_EQ(compare_value(Op::NumericEquals, "5", "${x:n}", scope), Match::Invalid);
  EXPECT_EQ(compare_value(Op::StringEquals, "alice", "${aws:userid}", scope), Match::Invalid);
}

}  // namespace
}  // namespace mfalint::eval
