#include "eval/arn.h"

#include <gtest/gtest.h>

namespace mfalint::eval {
namespace {

TEST(SplitArn, KeepsColonsInTheResourcePart) {
  auto parts = split_arn("arn:aws:logs:us-east-1:123456789012:log-group:name:*");
  ASSERT_TRUE(parts);
  EXPECT_EQ((*parts)[2], "logs");
  EXPECT_EQ((*parts)[4], "123456789012");
  EXPECT_EQ((*parts)[5], "log-group:name:*");
  EXPECT_FALSE(split_arn("arn:aws:s3"));
  EXPECT_EQ(arn_account("arn:aws:s3:::bucket"), "");
  EXPECT_EQ(arn_account("arn:aws:iam::123456789012:user/alice"), "123456789012");
}

TEST(ResourceMatches, SegmentWise) {
  Scope none;
  EXPECT_EQ(resource_matches("*", "arn:aws:s3:::b/k", none), Match::Yes);
  EXPECT_EQ(resource_matches("*", "*", none), Match::Yes);
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/k/l", none), Match::Yes);
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/*", "arn:aws:s3:::c/k", none), Match::No);
  EXPECT_EQ(resource_matches("arn:aws:sqs:*:123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q", none), Match::Yes);
  // A region wildcard does not reach into the account: matching is per colon-delimited segment.
  EXPECT_EQ(resource_matches("arn:aws:sqs:*:q", "arn:aws:sqs:us-east-1:123456789012:q", none), Match::No);
  EXPECT_EQ(resource_matches("arn:aws:sqs:us-east-?:*:q", "arn:aws:sqs:us-east-2:1:q", none), Match::Yes);
  // Case-sensitive, including the resource part.
  EXPECT_EQ(resource_matches("arn:aws:s3:::B/*", "arn:aws:s3:::b/k", none), Match::No);
  // The resource part keeps its colons, and a wildcard there may span them.
  EXPECT_EQ(resource_matches("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:r:1:log-group:g:log-stream:s", none),
            Match::Yes);
  // An ARN pattern never matches a non-ARN request resource.
  EXPECT_EQ(resource_matches("arn:aws:s3:::*", "*", none), Match::No);
}

TEST(ResourceMatches, VariablesOnlyInTheResourcePart) {
  Context context;
  context.add("aws:username", "alice");
  context.add("aws:PrincipalAccount", "123456789012");
  Scope scope{&context, true};
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/alice/x", scope), Match::Yes);
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/bob/x", scope), Match::No);
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/${aws:userid}/*", "arn:aws:s3:::b/x/y", scope), Match::Invalid);
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/${aws:userid, 'anon'}/*", "arn:aws:s3:::b/anon/y", scope), Match::Yes);
  Scope literal{&context, false};
  EXPECT_EQ(resource_matches("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/alice/x", literal), Match::No);
}

TEST(ArnLike, ComponentWiseCaseSensitive) {
  Scope none;
  // AWS's own example: StringLike matches this, ArnLike does not.
  EXPECT_EQ(arn_like("arn:aws:someservice:*:111122223333:finance/*",
                     "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", none),
            Match::No);
  EXPECT_EQ(arn_like("arn:aws:iam::*:role/Admin*", "arn:aws:iam::123456789012:role/AdminX", none), Match::Yes);
  EXPECT_EQ(arn_like("arn:aws:iam::*:role/admin*", "arn:aws:iam::123456789012:role/AdminX", none), Match::No);
  EXPECT_EQ(arn_like("arn:aws:iam::*:role/x", "not-an-arn", none), Match::Invalid);
}

}  // namespace
}  // namespace mfalint::eval
