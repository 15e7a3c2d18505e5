#include "analysis/glob.h"
#include "catalog/text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace mfalint::analysis {
namespace {

TEST(Glob, Matches) {
  EXPECT_TRUE(catalog::glob_matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y", false));
  EXPECT_FALSE(catalog::glob_matches("arn:aws:s3:::b/*", "arn:aws:s3:::b", false));
  EXPECT_TRUE(catalog::glob_matches("s3:Get*", "s3:getobject", true));
  EXPECT_FALSE(catalog::glob_matches("s3:Get*", "s3:getobject", false));
  EXPECT_TRUE(catalog::glob_matches("a?c", "abc", false));
  EXPECT_FALSE(catalog::glob_matches("a?c", "ac", false));
  EXPECT_TRUE(catalog::glob_matches("*", "", false));
}

TEST(Glob, Covers) {
  EXPECT_TRUE(glob_covers("*", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(glob_covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/reports/*"));
  EXPECT_FALSE(glob_covers("arn:aws:s3:::b/reports/*", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(glob_covers("arn:aws:s3:::b*", "arn:aws:s3:::b?/x"));
  EXPECT_FALSE(glob_covers("arn:aws:s3:::b?", "arn:aws:s3:::b*"));
  EXPECT_TRUE(glob_covers("a*b*c", "a?b?c"));
  EXPECT_FALSE(glob_covers("a*b", "a*"));
  EXPECT_TRUE(glob_covers("a*", "a*b"));
  // Several stars, as AWS managed policies write ARNs: decided by the literal ends or the automaton.
  EXPECT_FALSE(glob_covers("arn:aws:glue:*:*:session/*", "*"));
  EXPECT_TRUE(glob_covers("arn:aws:glue:*:*:session/*", "arn:aws:glue:eu-*:1?:session/x*"));
  EXPECT_FALSE(glob_covers("arn:aws:glue:*:*:session/*", "arn:aws:glue:*:*:*"));
  EXPECT_TRUE(glob_covers("*b", "*?b"));
  EXPECT_FALSE(glob_covers("*ab", "*b"));
  EXPECT_TRUE(glob_covers("x", "x"));
  EXPECT_FALSE(glob_covers("x", "X"));
  // Patterns longer than one 64-bit word of automaton states.
  const std::string run(70, 'a');
  EXPECT_TRUE(glob_covers("*" + run + "*", "*" + run + "b*"));
  EXPECT_FALSE(glob_covers("*" + run + "*", "*" + run.substr(1) + "b*"));
  EXPECT_TRUE(glob_covers("*:" + run + "/*", "*:" + run + "/x*"));
  EXPECT_FALSE(glob_covers("*:" + run + "/*", "*:" + run + "x/*"));
}

TEST(Glob, Intersect) {
  EXPECT_TRUE(globs_intersect("arn:aws:s3:::b/*", "arn:aws:s3:::*/x"));
  EXPECT_FALSE(globs_intersect("arn:aws:s3:::a/*", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(globs_intersect("a?c", "*c"));
  EXPECT_FALSE(globs_intersect("a?", "abc"));
}

// Containment and intersection agree with brute force over every short string.
TEST(Glob, AgreesWithBruteForceOnRandomPatterns) {
  std::mt19937 random(7);
  const std::string alphabet = "ab*?";
  auto pattern = [&] {
    std::string p;
    for (int n = static_cast<int>(random() % 5); n > 0; --n) p.push_back(alphabet[random() % alphabet.size()]);
    return p;
  };
  std::vector<std::string> words = {""};
  for (size_t start = 0, length = 0; length < 6; ++length) {
    size_t end = words.size();
    for (size_t i = start; i < end; ++i) {
      for (char c : std::string("abc")) words.push_back(words[i] + c);
    }
    start = end;
  }
  for (int round = 0; round < 400; ++round) {
    std::string outer = pattern(), inner = pattern();
    bool covered = true, met = false;
    for (const auto& word : words) {
      bool in_inner = catalog::glob_matches(inner, word, false), in_outer = catalog::glob_matches(outer, word, false);
      if (in_inner && !in_outer) covered = false;
      if (in_inner && in_outer) met = true;
    }
    EXPECT_EQ(glob_covers(outer, inner), covered) << outer << " covers " << inner;
    EXPECT_EQ(globs_intersect(outer, inner), met) << outer << " meets " << inner;
  }
}

}  // namespace
}  // namespace mfalint::analysis
