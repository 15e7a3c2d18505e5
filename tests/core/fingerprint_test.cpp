#include "pipeline/checked_load.h"
#include "report/fingerprint.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace mfalint {
namespace {

TEST(Fingerprint, SurvivesAStatementMovingDown) {
  std::string statement = R"({"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                             {"Sid": "A", "Effect": "allow", "Action": "s3:*", "Resource": "*"})";
  auto before = testing::load(testing::policy_with(statement));
  auto after = testing::load(testing::policy_with("\n\n\n" + statement));
  ASSERT_EQ(before.findings.size(), 2u);
  ASSERT_EQ(after.findings.size(), 2u);
  EXPECT_NE(before.findings[0].loc.line, after.findings[0].loc.line);
  EXPECT_EQ(report::fingerprints(before.findings), report::fingerprints(after.findings));
}

TEST(Fingerprint, DiffersByRuleAndRepeatsAreCounted) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": [], "Resource": []})"));
  ASSERT_EQ(file.findings.size(), 2u);
  auto prints = report::fingerprints(file.findings);
  EXPECT_NE(prints[0], prints[1]);
  Findings twice = {file.findings[0], file.findings[0]};
  auto repeated = report::fingerprints(twice);
  EXPECT_EQ(repeated[0].substr(0, 16), repeated[1].substr(0, 16));
  EXPECT_NE(repeated[0], repeated[1]);
}

// A baseline written by `mfalint check ./policies` must hold for `mfalint check policies`.
TEST(Fingerprint, SameFileHowEverThePathIsWritten) {
  std::string text = testing::policy_with(R"({"Effect": "Allow", "Action": [], "Resource": "*"})");
  auto plain = pipeline::load_text_checked("policies/a.json", text);
  auto dotted = pipeline::load_text_checked("./policies//a.json", text);
  ASSERT_FALSE(plain.findings.empty());
  EXPECT_EQ(report::fingerprints(plain.findings), report::fingerprints(dotted.findings));
  EXPECT_NE(report::fingerprints(plain.findings), report::fingerprints(pipeline::load_text_checked("b.json", text).findings));
}

}  // namespace
}  // namespace mfalint
