// The whole flow with a stand-in STS: a valid stored session is reused without asking for a code,
// a new one is written only when STS gave it, and the root user's shorter limit is checked first.

#include "session/error.h"
#include "session/session.h"
#include "session/time_format.h"
#include "session_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::HasSubstr;
using testing::read_text;
using testing::ScratchDir;
using testing::write_text;
using namespace std::chrono;

const std::string kBase = "# long-term\n[base]\naws_access_key_id = AKIABASE1234\naws_secret_access_key = s1\n";

sys_seconds now() { return floor<seconds>(system_clock::now()); }

std::string session_xml(const std::string& action, sys_seconds expiration) {
  return "<" + action + "Response><" + action + "Result><Credentials><AccessKeyId>ASIANEW</AccessKeyId>" +
         "<SecretAccessKey>new-secret</SecretAccessKey><SessionToken>new-token</SessionToken><Expiration>" +
         iso8601(expiration) + "</Expiration></Credentials></" + action + "Result></" + action + "Response>";
}

std::string identity_xml(const std::string& arn) {
  return "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>" + arn +
         "</Arn><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";
}

class SessionFlow : public ::testing::Test {
 protected:
  SessionFlow() {
    write_text(dir_ / "credentials", kBase);
    plan_.profile = plan_.source_profile = "base";
    plan_.key = {"AKIABASE1234", "s1"};
    plan_.serial_number = "arn:aws:iam::1:mfa/alice";
    plan_.duration_seconds = 3600;
    plan_.region = "us-east-1";
    plan_.endpoint_url = "https://sts.us-east-1.amazonaws.com";
    plan_.files = {dir_ / "credentials", dir_ / "config"};
    plan_.target_profile = "base-mfa";
    options_.token_code = [this] {
      ++codes_asked_;
      return std::string("123456");
    };
    options_.retry = {1, milliseconds(1)};
    options_.transport = [this](const HttpRequest& request, const Timeouts&) {
      bodies_.push_back(request.body);
      if (request.body.starts_with("Action=GetCallerIdentity")) return HttpResponse{200, identity_xml(caller_), {}};
      if (fail_) return HttpResponse{403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>MultiFactor"
                                          "Authentication failed with invalid MFA one time pass code.</Message>"
                                          "</Error></ErrorResponse>", {}};
      const std::string action = request.body.starts_with("Action=AssumeRole") ? "AssumeRole" : "GetSessionToken";
      return HttpResponse{200, session_xml(action, now() + hours(1)), {}};
    };
  }
  SessionOutcome obtain() { return obtain_session(plan_, profile_store(plan_), options_); }

  ScratchDir dir_;
  Plan plan_;
  ObtainOptions options_;
  int codes_asked_ = 0;
  bool fail_ = false;
  std::string caller_ = "arn:aws:iam::1:user/alice";
  std::vector<std::string> bodies_;
};

TEST_F(SessionFlow, WritesTheNewSessionToTheTargetProfile) {
  SessionOutcome outcome = obtain();
  EXPECT_FALSE(outcome.reused);
  EXPECT_EQ(outcome.credentials.access_key_id, "ASIANEW");
  ASSERT_TRUE(outcome.authenticated_at);
  EXPECT_LE(*outcome.authenticated_at, now());
  const std::string text = read_text(dir_ / "credentials");
  EXPECT_TRUE(text.starts_with(kBase)) << text;
  EXPECT_THAT(text, HasSubstr("[base-mfa]\naws_access_key_id = ASIANEW\naws_secret_access_key = new-secret\n"
                              "aws_session_token = new-token\nexpiration = "));
  EXPECT_EQ(codes_asked_, 1);
  EXPECT_EQ(bodies_.size(), 1u) << "3600 s needs no root check";
}

TEST_F(SessionFlow, AStoredSessionValidForFiveMoreMinutesIsReusedWithoutACode) {
  SessionOutcome first = obtain();
  SessionOutcome again = obtain();
  EXPECT_TRUE(again.reused);
  EXPECT_EQ(again.authenticated_at, first.authenticated_at) << "aws:MultiFactorAuthAge still counts from the first code";
  EXPECT_EQ(codes_asked_, 1);
  EXPECT_EQ(bodies_.size(), 1u);
  options_.force = true;
  EXPECT_FALSE(obtain().reused);
  EXPECT_EQ(codes_asked_, 2);
}

TEST_F(SessionFlow, TheSignInTimeIsStoredWithTheSessionItBelongsTo) {
  SessionOutcome first = obtain();
  ASSERT_TRUE(first.authenticated_at);
  EXPECT_THAT(read_text(dir_ / "credentials"),
              HasSubstr("\nmfa_authenticated_at = " + iso8601(*first.authenticated_at) + " for ASIANEW\n"));
}

TEST_F(SessionFlow, ASignInTimeOfAnotherSessionIsNotBelieved) {
  // Another tool rewrote the keys and kept mfalint's line: the time belongs to an older session.
  write_text(dir_ / "credentials", kBase + "[base-mfa]\naws_access_key_id = ASIAOTHER\naws_secret_access_key = o\n"
                                           "aws_session_token = o\nexpiration = " + iso8601(now() + hours(1)) +
                                           "\nmfa_authenticated_at = " + iso8601(now() - hours(2)) + " for ASIAOLD\n");
  SessionOutcome outcome = obtain();
  EXPECT_TRUE(outcome.reused);
  EXPECT_FALSE(outcome.authenticated_at);
}

TEST_F(SessionFlow, AStoredSessionAboutToExpireIsReplaced) {
  write_text(dir_ / "credentials", kBase + "[base-mfa]\naws_access_key_id = ASIAOLD\naws_secret_access_key = o\n"
                                           "aws_session_token = o\nexpiration = " +
                                           iso8601(now() + minutes(4)) + "\n");
  EXPECT_FALSE(obtain().reused);
  EXPECT_THAT(read_text(dir_ / "credentials"), HasSubstr("aws_access_key_id = ASIANEW"));
}

TEST_F(SessionFlow, OnAnStsErrorTheFileIsUnchanged) {
  write_text(dir_ / "credentials", kBase + "\n[base-mfa]\naws_session_token = keep\n");
  const std::string before = read_text(dir_ / "credentials");
  fail_ = true;
  EXPECT_THROW(obtain(), Error);
  EXPECT_EQ(read_text(dir_ / "credentials"), before);
}

TEST_F(SessionFlow, AnInvalidCodeStopsBeforeTheNetwork) {
  options_.token_code = []() -> std::string { throw Error("the MFA code must be the 6 digits your MFA device shows"); };
  EXPECT_THROW(obtain(), Error);
  EXPECT_TRUE(bodies_.empty());
}

TEST_F(SessionFlow, ATargetProfileWithALongTermKeyIsRefusedBeforeTheNetwork) {
  plan_.target_profile = "other";
  write_text(dir_ / "credentials", kBase + "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n");
  const std::string before = read_text(dir_ / "credentials");
  try {
    obtain();
    FAIL() << "the long-term key would have been overwritten";
  } catch (const Error& error) {
    EXPECT_THAT(error.what(), HasSubstr("holds a long-term access key; writing the session there would destroy it"));
  }
  EXPECT_TRUE(bodies_.empty());
  EXPECT_EQ(codes_asked_, 0);
  EXPECT_EQ(read_text(dir_ / "credentials"), before);
}

TEST_F(SessionFlow, RootKeysAreCheckedBeforeSpendingTheCode) {
  plan_.duration_seconds = 43200;
  caller_ = "arn:aws:iam::1:root";
  SessionOutcome outcome = obtain();  // the default duration: shortened, with a note
  EXPECT_EQ(outcome.duration_seconds, 3600);
  EXPECT_THAT(outcome.note, HasSubstr("root user's key"));
  ASSERT_EQ(bodies_.size(), 2u);
  EXPECT_THAT(bodies_[1], HasSubstr("DurationSeconds=3600"));

  plan_.duration_chosen = true;  // asked for explicitly: refused, the code unspent
  options_.force = true;
  bodies_.clear();
  EXPECT_THROW(obtain(), Error);
  EXPECT_EQ(bodies_.size(), 1u);
}

TEST_F(SessionFlow, AnIamUserGetsTheLongSession) {
  plan_.duration_seconds = 43200;
  obtain();
  ASSERT_EQ(bodies_.size(), 2u);
  EXPECT_THAT(bodies_[1], HasSubstr("DurationSeconds=43200"));
}

TEST_F(SessionFlow, ARoleIsAssumedWithTheCode) {
  plan_.role = RoleRequest{"arn:aws:iam::1:role/admin", "mfalint-1", ""};
  obtain();
  ASSERT_EQ(bodies_.size(), 1u);
  EXPECT_THAT(bodies_[0], HasSubstr("Action=AssumeRole"));
  EXPECT_THAT(bodies_[0], HasSubstr("TokenCode=123456"));
}

TEST_F(SessionFlow, TheCacheStoreIsAPrivateFileOfItsOwn) {
  Environment env;
  env.variables["HOME"] = dir_.path().string();
  SessionStore cache = cache_store(plan_, env);
  EXPECT_EQ(cache.file, dir_ / ".aws/mfalint/sessions");
  obtain_session(plan_, cache, options_);
  EXPECT_EQ(read_text(dir_ / "credentials"), kBase) << "the credentials file is not touched";
  EXPECT_EQ(std::filesystem::status(dir_ / ".aws/mfalint").permissions(), std::filesystem::perms::owner_all);
  EXPECT_EQ(std::filesystem::status(cache.file).permissions(),
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_TRUE(obtain_session(plan_, cache, options_).reused);
}

}  // namespace
}  // namespace mfalint::session
