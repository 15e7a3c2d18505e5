// STS's answers as AWS writes them, read with expat.

#include "session/sts_xml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::HasSubstr;

const char* kGetSessionToken = R"(<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetSessionTokenResult>
    <Credentials>
      <SessionToken>AQoEXAMPLEH4aoAH0gNCAPy</SessionToken>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <Expiration>2011-07-11T19:55:29.611Z</Expiration>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
    </Credentials>
  </GetSessionTokenResult>
  <ResponseMetadata><RequestId>58c5dbae-abef-11e0-8cfe-09039844ac7d</RequestId></ResponseMetadata>
</GetSessionTokenResponse>)";

TEST(SessionStsXml, GetSessionTokenCredentials) {
  AssumedSession session = session_of(parse_xml(kGetSessionToken), "GetSessionToken");
  EXPECT_EQ(session.credentials.access_key_id, "ASIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(session.credentials.secret_access_key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
  EXPECT_EQ(session.credentials.session_token, "AQoEXAMPLEH4aoAH0gNCAPy");
  using namespace std::chrono;
  EXPECT_EQ(session.credentials.expiration, sys_days{year{2011} / July / 11} + hours{19} + minutes{55} + seconds{29});
  EXPECT_EQ(session.assumed_role_arn, "");
}

TEST(SessionStsXml, AssumeRoleCredentialsAndRole) {
  const char* xml = R"(<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/admin/s1</Arn><AssumedRoleId>AROA:s1</AssumedRoleId></AssumedRoleUser>
<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>sec</SecretAccessKey><SessionToken>tok</SessionToken>
<Expiration>2026-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>)";
  AssumedSession session = session_of(parse_xml(xml), "AssumeRole");
  EXPECT_EQ(session.assumed_role_arn, "arn:aws:sts::123456789012:assumed-role/admin/s1");
  EXPECT_EQ(session.credentials.access_key_id, "ASIA1");
}

TEST(SessionStsXml, ErrorResponse) {
  const char* xml = R"(<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code>
    <Message>MultiFactorAuthentication failed with invalid MFA one time pass code. </Message></Error>
  <RequestId>x</RequestId></ErrorResponse>)";
  auto fault = fault_of(parse_xml(xml));
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->code, "AccessDenied");
  EXPECT_EQ(fault->message, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
  EXPECT_FALSE(fault_of(parse_xml(kGetSessionToken)));
}

TEST(SessionStsXml, ErrorResponseInTheEc2FormAsMotoWritesIt) {
  auto fault = fault_of(parse_xml(R"(<?xml version="1.0" encoding="utf-8"?>
<ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>)"));
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->code, "InvalidClientTokenId");
  EXPECT_EQ(fault->message, "The security token included in the request is invalid.");
}

TEST(SessionStsXml, CallerIdentity) {
  const char* xml = R"(<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:root</Arn>
<UserId>123456789012</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>)";
  CallerIdentity identity = identity_of(parse_xml(xml));
  EXPECT_EQ(identity.arn, "arn:aws:iam::123456789012:root");
  EXPECT_EQ(identity.account, "123456789012");
}

TEST(SessionStsXml, MalformedXmlSaysWhere) {
  try {
    parse_xml("<GetSessionTokenResponse>\n<Credentials></GetSessionTokenResponse>");
    FAIL() << "malformed XML was accepted";
  } catch (const XmlError& error) {
    EXPECT_THAT(error.what(), HasSubstr("malformed XML at line 2"));
    EXPECT_THAT(error.what(), HasSubstr("mismatched tag"));
  }
  EXPECT_THROW(parse_xml(""), XmlError);
  EXPECT_THROW(parse_xml("<html><body>Service Unavailable"), XmlError);
}

TEST(SessionStsXml, AnAnswerWithoutCredentialsIsRefused) {
  EXPECT_THROW(session_of(parse_xml("<GetSessionTokenResponse/>"), "GetSessionToken"), XmlError);
  const std::string wrong_time = std::string(kGetSessionToken).replace(
      std::string(kGetSessionToken).find("2011-07-11T19:55:29.611Z"), 24, "next tuesday");
  EXPECT_THROW(session_of(parse_xml(wrong_time), "GetSessionToken"), XmlError);
}

}  // namespace
}  // namespace mfalint::session
