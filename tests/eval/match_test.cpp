#include "catalog/text.h"
#include "eval/match.h"

#include <gtest/gtest.h>

namespace mfalint::eval {
namespace {

TEST(GlobPlain, WildcardsAndCase) {
  EXPECT_TRUE(catalog::glob_matches("s3:Get*", "s3:GetObject", false));
  EXPECT_TRUE(catalog::glob_matches("s3:get*", "S3:GETOBJECT", true));
  EXPECT_FALSE(catalog::glob_matches("s3:get*", "s3:GetObject", false));
  EXPECT_TRUE(catalog::glob_matches("s3:?etObject", "s3:GetObject", false));
  EXPECT_FALSE(catalog::glob_matches("s3:?GetObject", "s3:GetObject", false));
  EXPECT_TRUE(catalog::glob_matches("*", "", false));
  EXPECT_TRUE(catalog::glob_matches("a*b*c", "aXXbYYbc", false));
  EXPECT_FALSE(catalog::glob_matches("a*b*c", "aXXbYYb", false));
  EXPECT_TRUE(catalog::glob_matches("**", "abc", false));
  EXPECT_FALSE(catalog::glob_matches("", "a", false));
}

TEST(GlobPlain, QuestionMarkIsOneCharacterNotOneByte) {
  EXPECT_TRUE(catalog::glob_matches("caf?", "caf\xC3\xA9", false));
  EXPECT_FALSE(catalog::glob_matches("caf??", "caf\xC3\xA9", false));
  EXPECT_TRUE(catalog::glob_matches("*?", "\xC3\xA9", false));
}

TEST(Variables, ResolvesFromTheContextOrTheDefault) {
  Context context;
  context.add("aws:username", "alice");
  EXPECT_EQ(resolve_variable("aws:username", &context), "alice");
  EXPECT_EQ(resolve_variable("AWS:UserName", &context), "alice");
  EXPECT_EQ(resolve_variable("aws:userid, 'anonymous'", &context), "anonymous");
  EXPECT_EQ(resolve_variable("aws:username, 'anonymous'", &context), "alice");
  EXPECT_FALSE(resolve_variable("aws:userid", &context));
  EXPECT_EQ(resolve_variable("*", &context), "*");
  EXPECT_EQ(resolve_variable("?", &context), "?");
  EXPECT_EQ(resolve_variable("$", &context), "$");
}

TEST(Variables, MultivaluedKeysDoNotResolve) {
  Context context;
  context.add("aws:TagKeys", "a");
  context.add("aws:TagKeys", "b");
  EXPECT_FALSE(resolve_variable("aws:TagKeys", &context));
  EXPECT_EQ(resolve_variable("aws:TagKeys, 'none'", &context), "none");
}

TEST(GlobMatch, SubstitutesVariablesLiterally) {
  Context context;
  context.add("aws:username", "a*b");
  Scope scope{&context, true};
  EXPECT_EQ(glob_match("home/${aws:username}/*", "home/a*b/x", scope, {}), Match::Yes);
  // The value's `*` is a literal character, not a wildcard.
  EXPECT_EQ(glob_match("home/${aws:username}/*", "home/aXXb/x", scope, {}), Match::No);
  EXPECT_EQ(glob_match("star${*}", "star*", scope, {}), Match::Yes);
  EXPECT_EQ(glob_match("star${*}", "starX", scope, {}), Match::No);
  EXPECT_EQ(glob_match("${aws:userid}", "x", scope, {}), Match::Invalid);
  EXPECT_EQ(glob_match("x${aws:userid}", "y", scope, {}), Match::Invalid);  // invalid even when the prefix differs
  EXPECT_EQ(glob_match("${unclosed", "${unclosed", scope, {}), Match::Yes);
}

TEST(GlobMatch, WithoutVariablesTheTextIsLiteral) {
  Context context;
  context.add("aws:username", "alice");
  Scope scope{&context, false};
  EXPECT_EQ(glob_match("${aws:username}", "alice", scope, {false, false}), Match::No);
  EXPECT_EQ(glob_match("${aws:username}", "${aws:username}", scope, {false, false}), Match::Yes);
}

TEST(GlobMatch, ExactAndIgnoreCase) {
  Scope scope;
  EXPECT_EQ(glob_match("a*", "a*", scope, {false, false}), Match::Yes);
  EXPECT_EQ(glob_match("a*", "ab", scope, {false, false}), Match::No);
  EXPECT_EQ(glob_match("ABC", "abc", scope, {false, true}), Match::Yes);
  EXPECT_EQ(glob_match("ABC", "abc", scope, {false, false}), Match::No);
}

}  // namespace
}  // namespace mfalint::eval
