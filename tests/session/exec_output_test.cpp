// What leaves mfalint with the session: the command's environment, credential_process JSON, exports.

#include "session/error.h"
#include "session/exec.h"
#include "session/output.h"
#include "session/time_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

const SessionCredentials kSession{"ASIAEXAMPLE", "se/cr+et", "to'ken", *parse_iso8601("2026-11-29T16:00:00Z")};

TEST(SessionExec, TheEnvironmentCarriesTheSessionAndNothingThatOverridesIt) {
  std::vector<std::string> env = session_environment({"PATH=/bin", "AWS_PROFILE=base", "AWS_DEFAULT_PROFILE=x",
                                                      "AWS_ACCESS_KEY_ID=AKIAOLD", "AWS_SECURITY_TOKEN=old",
                                                      "AWS_REGION=eu-west-1", "AWS_PROFILE_EXTRA=kept"},
                                                     kSession, "us-east-1");
  EXPECT_THAT(env, ElementsAre("PATH=/bin", "AWS_REGION=eu-west-1", "AWS_PROFILE_EXTRA=kept",
                               "AWS_ACCESS_KEY_ID=ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY=se/cr+et",
                               "AWS_SESSION_TOKEN=to'ken", "AWS_CREDENTIAL_EXPIRATION=2026-11-29T16:00:00Z"));
}

TEST(SessionExec, TheRegionOfTheProfileIsPassedOnWhenTheEnvironmentHasNone) {
  std::vector<std::string> env = session_environment({"AWS_REGION="}, kSession, "eu-central-1");
  EXPECT_THAT(env, Contains("AWS_REGION=eu-central-1"));
  EXPECT_THAT(env, Contains("AWS_DEFAULT_REGION=eu-central-1"));
}

TEST(SessionExec, RunsTheCommandAndReturnsItsStatus) {
  EXPECT_EQ(run_command({"sh", "-c", "exit 7"}, {"PATH=/usr/bin:/bin"}), 7);
  EXPECT_EQ(run_command({"sh", "-c", "test \"$AWS_SESSION_TOKEN\" = tok"}, {"PATH=/usr/bin:/bin", "AWS_SESSION_TOKEN=tok"}),
            0);
  EXPECT_EQ(run_command({"sh", "-c", "kill -TERM $$"}, {"PATH=/usr/bin:/bin"}), 128 + 15);
  EXPECT_THROW(run_command({"mfalint-no-such-command"}, {"PATH=/usr/bin:/bin"}), Error);
  EXPECT_THROW(run_command({}, {}), Error);
}

TEST(SessionOutput, CredentialProcessJson) {
  EXPECT_EQ(credential_process_json(kSession),
            "{\"Version\": 1, \"AccessKeyId\": \"ASIAEXAMPLE\", \"SecretAccessKey\": \"se/cr+et\", "
            "\"SessionToken\": \"to'ken\", \"Expiration\": \"2026-11-29T16:00:00Z\"}\n");
}

TEST(SessionOutput, ExportsAreQuotedForTheShell) {
  EXPECT_EQ(env_exports(kSession),
            "export AWS_ACCESS_KEY_ID='ASIAEXAMPLE'\nexport AWS_SECRET_ACCESS_KEY='se/cr+et'\n"
            "export AWS_SESSION_TOKEN='to'\\''ken'\nexport AWS_CREDENTIAL_EXPIRATION='2026-11-29T16:00:00Z'\n");
}

TEST(SessionTimeFormat, Iso8601AsStsWritesIt) {
  using namespace std::chrono;
  const sys_seconds t = sys_days{year{2026} / November / 29} + hours{4} + minutes{59} + seconds{21};
  EXPECT_EQ(parse_iso8601("2026-11-29T04:59:21Z"), t);
  EXPECT_EQ(parse_iso8601("2026-11-29T04:59:21.737367Z"), t);
  EXPECT_EQ(parse_iso8601("2026-11-29T04:59:21+00:00"), t);
  EXPECT_FALSE(parse_iso8601("2026-11-29 04:59:21"));
  EXPECT_FALSE(parse_iso8601("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-29T04:59:21+02:00"));
  EXPECT_EQ(iso8601(t), "2026-11-29T04:59:21Z");
  EXPECT_EQ(span(hours(12)), "12h");
  EXPECT_EQ(span(hours(11) + minutes(59) + seconds(59)), "11h 59m");
  EXPECT_EQ(span(seconds(250)), "4m 10s");
  EXPECT_EQ(span(minutes(10)), "10m");
  EXPECT_EQ(span(seconds(45)), "45s");
}

}  // namespace
}  // namespace mfalint::session
