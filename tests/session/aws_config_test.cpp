// Which key, device, region, endpoint and duration a session uses: flag, then environment, then the
// config file, as the AWS CLI decides; and every mistake caught before the network.

#include "session/aws_config.h"
#include "session/error.h"
#include "session_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::HasSubstr;
using testing::ScratchDir;
using testing::write_text;

const std::chrono::sys_seconds kNow{std::chrono::seconds{1700000000}};

class SessionAwsConfig : public ::testing::Test {
 protected:
  SessionAwsConfig() {
    std::filesystem::create_directories(dir_ / ".aws");
    env_.variables["HOME"] = dir_.path().string();
    write_text(dir_ / ".aws/credentials",
               "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s0\n\n"
               "[base]\naws_access_key_id = AKIABASE1234\naws_secret_access_key = s1\n\n"
               "[old-session]\naws_access_key_id = ASIA\naws_secret_access_key = s\naws_session_token = t\n");
    write_text(dir_ / ".aws/config",
               "[default]\nmfa_serial = arn:aws:iam::1:mfa/default\n\n"
               "[profile base]\nmfa_serial = arn:aws:iam::1:mfa/alice\nregion = eu-west-1\n\n"
               "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\n"
               "mfa_serial = arn:aws:iam::1:mfa/alice\nduration_seconds = 7200\n");
  }
  Plan plan(SessionFlags flags = {}) { return resolve_plan(flags, env_, kNow); }
  std::string refusal(SessionFlags flags) {
    try {
      plan(flags);
    } catch (const Error& error) {
      return error.what();
    }
    return "(accepted)";
  }
  ScratchDir dir_;
  Environment env_;
};

TEST_F(SessionAwsConfig, DefaultProfileAndDefaults) {
  Plan p = plan();
  EXPECT_EQ(p.profile, "default");
  EXPECT_EQ(p.key.id, "AKIADEFAULT");
  EXPECT_EQ(p.serial_number, "arn:aws:iam::1:mfa/default");
  EXPECT_EQ(p.duration_seconds, 43200);
  EXPECT_FALSE(p.duration_chosen);
  EXPECT_EQ(p.region, "us-east-1");
  EXPECT_EQ(p.endpoint_url, "https://sts.us-east-1.amazonaws.com");
  EXPECT_EQ(p.target_profile, "default-mfa");
  EXPECT_FALSE(p.role);
}

TEST_F(SessionAwsConfig, ProfileFromAwsProfileAndSettingsFromItsConfig) {
  env_.variables["AWS_PROFILE"] = "base";
  Plan p = plan();
  EXPECT_EQ(p.profile, "base");
  EXPECT_EQ(p.key.id, "AKIABASE1234");
  EXPECT_EQ(p.key.secret, "s1");
  EXPECT_EQ(p.serial_number, "arn:aws:iam::1:mfa/alice");
  EXPECT_EQ(p.region, "eu-west-1");
  EXPECT_EQ(p.endpoint_url, "https://sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(p.target_profile, "base-mfa");
}

TEST_F(SessionAwsConfig, TheFlagWins) {
  env_.variables["AWS_PROFILE"] = "default";
  env_.variables["AWS_REGION"] = "ap-south-1";
  env_.variables["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:1";
  Plan p = plan({"base", "arn:aws:iam::1:mfa/other", 900, "mine", "cn-north-1", "http://127.0.0.1:2"});
  EXPECT_EQ(p.profile, "base");
  EXPECT_EQ(p.serial_number, "arn:aws:iam::1:mfa/other");
  EXPECT_EQ(p.duration_seconds, 900);
  EXPECT_TRUE(p.duration_chosen);
  EXPECT_EQ(p.target_profile, "mine");
  EXPECT_EQ(p.region, "cn-north-1");
  EXPECT_EQ(p.endpoint_url, "http://127.0.0.1:2");
}

TEST_F(SessionAwsConfig, EnvironmentBeatsTheConfigFile) {
  env_.variables["AWS_DEFAULT_REGION"] = "sa-east-1";
  env_.variables["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3";
  Plan p = plan({.profile = "base"});
  EXPECT_EQ(p.region, "sa-east-1");
  EXPECT_EQ(p.endpoint_url, "http://127.0.0.1:3");
  env_.variables["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:4";  // the service's own variable wins
  EXPECT_EQ(plan({.profile = "base"}).endpoint_url, "http://127.0.0.1:4");
  env_.variables.erase("AWS_ENDPOINT_URL_STS");
  env_.variables.erase("AWS_ENDPOINT_URL");
  EXPECT_EQ(plan({.profile = "base", .region = "cn-north-1"}).endpoint_url, "https://sts.cn-north-1.amazonaws.com.cn");
}

TEST_F(SessionAwsConfig, FileLocationsFromTheEnvironmentWithTilde) {
  std::filesystem::create_directories(dir_ / "elsewhere");
  write_text(dir_ / "elsewhere/creds", "[x]\naws_access_key_id = AKIAX\naws_secret_access_key = sx\n");
  env_.variables["AWS_SHARED_CREDENTIALS_FILE"] = "~/elsewhere/creds";
  env_.variables["AWS_CONFIG_FILE"] = (dir_ / "elsewhere/none").string();
  Plan p = plan({.profile = "x", .serial_number = "arn:aws:iam::1:mfa/x"});
  EXPECT_EQ(p.key.id, "AKIAX");
  EXPECT_EQ(p.files.credentials, dir_ / "elsewhere/creds");
}

TEST_F(SessionAwsConfig, ARoleProfileAssumesTheRoleWithTheSourceProfilesKey) {
  Plan p = plan({.profile = "admin"});
  ASSERT_TRUE(p.role);
  EXPECT_EQ(p.role->role_arn, "arn:aws:iam::1:role/admin");
  EXPECT_EQ(p.role->session_name, "mfalint-1700000000");
  EXPECT_EQ(p.source_profile, "base");
  EXPECT_EQ(p.key.id, "AKIABASE1234");
  EXPECT_EQ(p.duration_seconds, 7200);
  EXPECT_TRUE(p.duration_chosen);
  EXPECT_EQ(p.target_profile, "admin-mfa");
  EXPECT_EQ(plan({.profile = "admin", .duration_seconds = 43200}).duration_seconds, 43200);
  EXPECT_THAT(refusal({.profile = "admin", .duration_seconds = 43201}), HasSubstr("a role session lasts 900–43200"));
}

TEST_F(SessionAwsConfig, DurationLimits) {
  EXPECT_EQ(plan({.duration_seconds = 900}).duration_seconds, 900);
  EXPECT_EQ(plan({.duration_seconds = 129600}).duration_seconds, 129600);
  EXPECT_THAT(refusal({.duration_seconds = 899}),
              HasSubstr("an MFA session lasts 900–129600 seconds for an IAM user (900–3600 for the root user), not 899"));
  EXPECT_THAT(refusal({.duration_seconds = 129601}), HasSubstr("not 129601"));
  write_text(dir_ / ".aws/config", "[default]\nmfa_serial = m\nduration_seconds = 12h\n");
  EXPECT_THAT(refusal({}), HasSubstr("duration_seconds in [default] of"));
}

TEST_F(SessionAwsConfig, MistakesAreCaughtBeforeTheNetwork) {
  EXPECT_THAT(refusal({.profile = "nobody"}),
              HasSubstr("profile [nobody] of " + (dir_ / ".aws/credentials").string() + " has no aws_access_key_id"));
  EXPECT_THAT(refusal({.profile = "old-session", .serial_number = "m"}), HasSubstr("holds temporary credentials"));
  write_text(dir_ / ".aws/credentials", "[x]\naws_access_key_id = AKIAX\naws_secret_access_key = sx\n");
  EXPECT_THAT(refusal({.profile = "x"}), HasSubstr("no MFA device for profile x: pass --serial-number ARN or set "
                                                   "mfa_serial in [profile x]"));
  EXPECT_THAT(refusal({.profile = "x", .serial_number = "m", .target_profile = "x"}),
              HasSubstr("the session cannot go to profile x: it holds the long-term key"));
  std::filesystem::remove(dir_ / ".aws/credentials");
  EXPECT_THAT(refusal({}), HasSubstr("no credentials file at"));
  env_.variables.erase("HOME");
  EXPECT_THAT(refusal({}), HasSubstr("HOME is not set"));
}

TEST_F(SessionAwsConfig, UnsupportedRoleSetupsAreNamed) {
  write_text(dir_ / ".aws/config",
             "[profile chained]\nrole_arn = r2\nsource_profile = admin\nmfa_serial = m\n"
             "[profile admin]\nrole_arn = r1\nsource_profile = base\n"
             "[profile ec2]\nrole_arn = r\ncredential_source = Ec2InstanceMetadata\n"
             "[profile nosource]\nrole_arn = r\n");
  EXPECT_THAT(refusal({.profile = "chained"}), HasSubstr("mfalint does not chain roles"));
  EXPECT_THAT(refusal({.profile = "ec2"}), HasSubstr("credential_source"));
  EXPECT_THAT(refusal({.profile = "nosource"}), HasSubstr("has role_arn but no source_profile"));
}

TEST_F(SessionAwsConfig, AnUnparsableConfigIsRefusedWithItsLine) {
  write_text(dir_ / ".aws/config", "[default]\nmfa_serial = m\noops\n");
  EXPECT_THAT(refusal({}), HasSubstr("config line 3: expected KEY = VALUE"));
}

}  // namespace
}  // namespace mfalint::session
