// File globs of .mfalint.yaml: `*` and `?` within a segment, `**` across segments.
#include "pipeline/path_glob.h"

#include <gtest/gtest.h>

namespace mfalint::pipeline {
namespace {

TEST(PathGlob, StarAndQuestionMarkStayInOneSegment) {
  EXPECT_TRUE(path_glob_matches("*.json", "a.json"));
  EXPECT_FALSE(path_glob_matches("*.json", "dir/a.json"));
  EXPECT_TRUE(path_glob_matches("policies/*.json", "policies/a.json"));
  EXPECT_FALSE(path_glob_matches("policies/*.json", "policies/x/a.json"));
  EXPECT_FALSE(path_glob_matches("a*", "ab/c"));
  EXPECT_TRUE(path_glob_matches("?.json", "a.json"));
  EXPECT_FALSE(path_glob_matches("?.json", "ab.json"));
  EXPECT_FALSE(path_glob_matches("policies/a.json", "policies/A.json"));  // case-sensitive, as Linux is
}

TEST(PathGlob, DoubleStarSpansZeroOrMoreSegments) {
  EXPECT_TRUE(path_glob_matches("**/*.json", "a.json"));
  EXPECT_TRUE(path_glob_matches("**/*.json", "x/y/a.json"));
  EXPECT_TRUE(path_glob_matches("policies/**", "policies/x/y.json"));
  EXPECT_TRUE(path_glob_matches("a/**/b.json", "a/b.json"));
  EXPECT_TRUE(path_glob_matches("a/**/b.json", "a/x/y/b.json"));
  EXPECT_FALSE(path_glob_matches("a/**/b.json", "a/x/c.json"));
  EXPECT_TRUE(path_glob_matches("**", "any/thing.json"));
  // The first `**` has to give back segments for the second to match.
  EXPECT_TRUE(path_glob_matches("**/a/**/b/*.json", "x/a/y/a/b/c.json"));
  EXPECT_FALSE(path_glob_matches("**/a/**/b/*.json", "x/a/y/c.json"));
}

TEST(PathGlob, LeadingAndTrailingSlashesAreIgnored) {
  EXPECT_TRUE(path_glob_matches("./legacy/", "legacy"));
  EXPECT_TRUE(path_glob_matches("/legacy/*.json", "legacy/a.json"));
  EXPECT_TRUE(path_glob_matches("legacy/*.json", "./legacy//a.json"));
}

TEST(PathGlob, CoversFilesInAMatchedDirectory) {
  EXPECT_TRUE(path_glob_covers("vendor", "vendor/x/y.json"));
  EXPECT_TRUE(path_glob_covers("**/cdk.out", "infra/cdk.out/stack.template.json"));
  EXPECT_TRUE(path_glob_covers("*.json", "a.json"));
  EXPECT_FALSE(path_glob_covers("*.json", "dir/a.json"));
  EXPECT_FALSE(path_glob_covers("vendor", "vendors/a.json"));
  EXPECT_FALSE(path_glob_covers("vendor", ""));
}

}  // namespace
}  // namespace mfalint::pipeline
