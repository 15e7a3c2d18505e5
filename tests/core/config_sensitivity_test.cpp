// .mfalint.yaml's sensitive-actions and bootstrap-actions: applied over the defaults, and a
// pattern that matches no action is a warning at its position.
#include "pipeline/config.h"
#include "catalog/catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using pipeline::parse_config;
using pipeline::sensitivity_of;
using ::testing::ElementsAre;

catalog::ActionId id(const char* name) { return *catalog::find_action(name); }

TEST(ConfigSensitivity, WithoutEditsTheDefaults) {
  auto sensitivity = sensitivity_of(parse_config("", "cfg.yaml"));
  EXPECT_EQ(sensitivity.sensitive, catalog::Sensitivity::defaults().sensitive);
  EXPECT_EQ(sensitivity.mfa_bootstrap, catalog::Sensitivity::defaults().mfa_bootstrap);
}

TEST(ConfigSensitivity, AddThenRemove) {
  auto config = parse_config(R"(
sensitive-actions: {add: ["s3:List*"], remove: [s3:ListBucket, iam:CreateUser]}
bootstrap-actions: {add: [iam:ListUsers], remove: ["iam:GetUser"]}
)",
                             "cfg.yaml");
  EXPECT_TRUE(config.warnings.empty());
  auto sensitivity = sensitivity_of(config);
  EXPECT_TRUE(sensitivity.is_sensitive(id("s3:ListAllMyBuckets")));
  EXPECT_FALSE(sensitivity.is_sensitive(id("s3:ListBucket")));  // removing wins
  EXPECT_FALSE(sensitivity.is_sensitive(id("iam:CreateUser")));
  EXPECT_TRUE(sensitivity.is_sensitive(id("iam:DeleteUser")));
  EXPECT_TRUE(sensitivity.is_mfa_bootstrap(id("iam:ListUsers")));
  EXPECT_FALSE(sensitivity.is_mfa_bootstrap(id("iam:GetUser")));
  EXPECT_TRUE(sensitivity.is_mfa_bootstrap(id("iam:EnableMFADevice")));
  EXPECT_TRUE(catalog::Sensitivity::defaults().is_sensitive(id("iam:CreateUser")));  // the defaults are left alone
}

TEST(ConfigSensitivity, APatternMatchingNothingIsAWarningAtItsPosition) {
  auto config = parse_config("sensitive-actions:\n  add: [\"s3:GetObjekt\", s3:GetObject]\n"
                             "bootstrap-actions: {remove: [\"nope:*\"]}\n",
                             "cfg.yaml");
  EXPECT_THAT(config.warnings,
              ElementsAre("cfg.yaml:2:9: 's3:GetObjekt' in sensitive-actions.add matches no known action, so it "
                          "changes nothing",
                          "cfg.yaml:3:30: 'nope:*' in bootstrap-actions.remove matches no known action, so it "
                          "changes nothing"));
}

}  // namespace
}  // namespace mfalint
