#include "analysis/glob.h"
#include "catalog/text.h"
#include "eval/arn.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace mfalint::analysis {
namespace {

// Every string over `alphabet` of at most `max` characters.
std::vector<std::string> all_words(const std::string& alphabet, size_t max) {
  std::vector<std::string> words = {""};
  for (size_t start = 0, length = 0; length < max; ++length) {
    size_t end = words.size();
    for (size_t i = start; i < end; ++i) {
      for (char c : alphabet) words.push_back(words[i] + c);
    }
    start = end;
  }
  return words;
}

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
  const std::vector<std::string> words = all_words("abc", 6);
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

// Resource entries relate as the evaluator matches them: an ARN component by component.
TEST(ResourceGlob, ArnsComponentByComponent) {
  // The case: flat, `*` reaches across the colons; the evaluator never lets it.
  EXPECT_TRUE(glob_covers("arn:aws:*:bucket", "arn:aws:s3:::bucket"));
  EXPECT_EQ(eval::resource_matches("arn:aws:*:bucket", "arn:aws:s3:::bucket", {}), eval::Match::No);
  EXPECT_FALSE(resource_covers("arn:aws:*:bucket", "arn:aws:s3:::bucket"));
  EXPECT_FALSE(resources_intersect("arn:aws:*:bucket", "arn:aws:s3:::bucket"));
  EXPECT_FALSE(resource_covers("arn:aws:s3:*", "arn:aws:s3:::b/*") && !resource_covers("arn:aws:s3:*", "arn:aws:s3:::b"));
  EXPECT_TRUE(resource_covers("arn:aws:s3:*", "arn:aws:s3:::b/*"));  // fewer components: the rest are `*`
  EXPECT_TRUE(resource_covers("arn:aws:s3:::*", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(resource_covers("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:1:log-group:app:log-stream:*"));
  EXPECT_FALSE(resource_covers("arn:aws:s3:::*", "*"));
  EXPECT_TRUE(resource_covers("*", "arn:aws:s3:::b"));
  EXPECT_TRUE(resource_covers("arn:aws:s3:::b", "arn:aws:s3:::b"));
  EXPECT_FALSE(resource_covers("arn:aws:iam::*:user/*", "arn:aws:iam::1:user"));
  EXPECT_TRUE(resources_intersect("arn:aws:s3:::b/*", "arn:aws:s3:::*/x"));
  EXPECT_FALSE(resources_intersect("arn:aws:s3:*:1:x", "arn:aws:s3:*:2:x"));
  EXPECT_TRUE(resources_intersect("*", "arn:aws:s3:::b"));
}

// resource_covers and resources_intersect agree with the evaluator, by brute force over every
// resource of a small world, on random entries: ARNs with wildcards in the service, region,
// account and resource part (colons included), ARNs with fewer components, and `*`.
TEST(ResourceGlob, AgreesWithTheEvaluatorOnRandomEntries) {
  std::mt19937 random(17);
  auto word = [&](const std::string& alphabet, int max) {
    std::string w;
    for (int n = static_cast<int>(random() % (max + 1)); n > 0; --n) w.push_back(alphabet[random() % alphabet.size()]);
    return w;
  };
  auto entry = [&] {
    switch (random() % 8) {
      case 0: return std::string("*");
      case 1: return "arn:aws:" + word("ab*?", 2);
      default: {
        const char* regions[] = {"", "x", "*", "?"};
        const char* accounts[] = {"", "1", "*"};
        return "arn:aws:" + word("ab*?", 2) + ":" + regions[random() % 4] + ":" + accounts[random() % 3] + ":" +
               word("a:*?", 3);
      }
    }
  };
  std::vector<std::string> resources = {"*", "arn", "arn:aws"};
  for (const auto& service : all_words("abc", 3)) {
    for (const char* region : {"", "x"}) {
      for (const char* account : {"", "1"}) {
        for (const auto& rest : all_words("a:b", 4)) {
          resources.push_back("arn:aws:" + service + ":" + region + ":" + account + ":" + rest);
        }
      }
    }
  }
  for (int round = 0; round < 300; ++round) {
    std::string outer = entry(), inner = entry();
    bool covered = true, met = false;
    for (const auto& resource : resources) {
      bool in_inner = eval::resource_matches(inner, resource, {}) == eval::Match::Yes;
      bool in_outer = eval::resource_matches(outer, resource, {}) == eval::Match::Yes;
      if (in_inner && !in_outer) covered = false;
      if (in_inner && in_outer) met = true;
    }
    EXPECT_EQ(resource_covers(outer, inner), covered) << outer << " covers " << inner;
    EXPECT_EQ(resources_intersect(outer, inner), met) << outer << " meets " << inner;
  }
}

}  // namespace
}  // namespace mfalint::analysis
