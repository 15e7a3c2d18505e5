// AWS's error codes become plain advice, and no secret gets into a message.

#include "session/sts_errors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono;

const sys_seconds kNow = sys_days{year{2026} / November / 29} + hours{12};

FaultContext context(long status = 403) {
  return {"base", {"AKIAABCDEFGHIJKLWXYZ", "SECRETSECRETSECRET"}, "https://sts.us-east-1.amazonaws.com", status, 1,
          kNow, kNow};
}

TEST(SessionStsErrors, WrongOrReusedMfaCode) {
  EXPECT_EQ(explain({"AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."},
                    context()),
            "the MFA code was wrong or already used; wait for the next one (AWS: AccessDenied)");
}

TEST(SessionStsErrors, WrongMfaDevice) {
  EXPECT_THAT(explain({"AccessDenied",
                       "MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial "
                       "number is valid and associated with this user."},
                      context()),
              HasSubstr("is --serial-number (mfa_serial) the ARN of a device of the user of profile base?"));
}

TEST(SessionStsErrors, BadOrDisabledKeyIsNamedMasked) {
  for (const char* code : {"SignatureDoesNotMatch", "InvalidClientTokenId"}) {
    std::string message = explain({code, "The request signature we calculated does not match"}, context());
    EXPECT_THAT(message, AllOf(HasSubstr("long-term access key of profile base (****WXYZ) was refused"),
                               HasSubstr("wrong, or the key is disabled or deleted"), HasSubstr(code)));
  }
}

TEST(SessionStsErrors, ExpiredTokenAndValidation) {
  EXPECT_THAT(explain({"ExpiredToken", "The security token included in the request is expired"}, context()),
              HasSubstr("must hold a long-term access key"));
  EXPECT_THAT(explain({"ValidationError", "1 validation error detected: Value '99' at 'durationSeconds' failed"},
                      context(400)),
              HasSubstr("AWS refused the session duration: 1 validation error"));
}

TEST(SessionStsErrors, ClockSkewGivesBothClocks) {
  FaultContext skewed = context();
  skewed.server_time = kNow - minutes(17);
  StsFault fault{"SignatureDoesNotMatch",
                 "Signature expired: 20261129T120000Z is now earlier than 20261129T113800Z (20261129T114300Z - 5 min.)"};
  EXPECT_TRUE(is_clock_skew(fault, skewed));
  EXPECT_EQ(explain(fault, skewed),
            "AWS refused the request because this machine's clock is 17m ahead of AWS's (AWS: 2026-11-29T11:43:00Z, "
            "this machine: 2026-11-29T12:00:00Z); set the clock right (enable NTP) and try again "
            "(AWS: SignatureDoesNotMatch)");
  // A refused signature with clocks far apart is the clock, whatever the message says.
  EXPECT_TRUE(is_clock_skew({"SignatureDoesNotMatch", "does not match"}, skewed));
  EXPECT_FALSE(is_clock_skew({"SignatureDoesNotMatch", "does not match"}, context()));
  EXPECT_TRUE(is_clock_skew({"RequestExpired", ""}, context()));
}

TEST(SessionStsErrors, Throttling) {
  EXPECT_TRUE(is_throttling({"Throttling", "Rate exceeded"}));
  EXPECT_FALSE(is_throttling({"AccessDenied", ""}));
  FaultContext tried = context(400);
  tried.attempts = 3;
  EXPECT_THAT(explain({"Throttling", "Rate exceeded"}, tried), HasSubstr("throttled the STS call 3 times in a row"));
}

TEST(SessionStsErrors, ServerFailureAndUnknownCodes) {
  FaultContext failed = context(500);
  failed.attempts = 3;
  EXPECT_EQ(explain({"InternalFailure", "boom"}, failed),
            "STS at https://sts.us-east-1.amazonaws.com failed on its side with HTTP 500 (3 attempts): InternalFailure: "
            "boom");
  EXPECT_EQ(explain({"Weird", "thing"}, context(400)), "STS refused the request with HTTP 400: Weird: thing");
}

TEST(SessionStsErrors, WhateverTheServerEchoesNoSecretGetsOut) {
  std::string message = explain({"Weird", "key AKIAABCDEFGHIJKLWXYZ secret SECRETSECRETSECRET"}, context(400));
  EXPECT_THAT(message, AllOf(Not(HasSubstr("AKIAABCDEFGHIJKLWXYZ")), Not(HasSubstr("SECRETSECRETSECRET")),
                             HasSubstr("****WXYZ")));
}

TEST(SessionStsErrors, MaskShowsTheLastFourOnly) {
  EXPECT_EQ(mask("AKIAABCDEFGHIJKLWXYZ"), "****WXYZ");
  EXPECT_EQ(mask("abc"), "****");
}

}  // namespace
}  // namespace mfalint::session
