// The STS calls as they go on the wire (form body, signed headers), and what happens on each kind of
// answer: retried with backoff when AWS throttles or fails, a plain error otherwise.

#include "session/error.h"
#include "session/sigv4.h"
#include "session/sts_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <deque>

namespace mfalint::session {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const char* kSessionXml =
    "<GetSessionTokenResponse><GetSessionTokenResult><Credentials><AccessKeyId>ASIANEW</AccessKeyId>"
    "<SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>"
    "</Credentials></GetSessionTokenResult></GetSessionTokenResponse>";

std::string fault_xml(const std::string& code, const std::string& message) {
  return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message +
         "</Message></Error></ErrorResponse>";
}

// Answers from a script, one per call, and keeps what was sent.
struct FakeSts {
  std::deque<std::function<HttpResponse()>> answers;
  std::vector<HttpRequest> sent;

  StsSettings settings() {
    StsSettings sts;
    sts.endpoint = parse_endpoint("https://sts.eu-west-1.amazonaws.com");
    sts.region = "eu-west-1";
    sts.key = {"AKIAABCDEFGHIJKLWXYZ", "long-term-secret"};
    sts.source_profile = "base";
    sts.retry = {3, std::chrono::milliseconds(1)};
    sts.transport = [this](const HttpRequest& request, const Timeouts&) {
      sent.push_back(request);
      auto answer = answers.front();
      if (answers.size() > 1) answers.pop_front();
      return answer();
    };
    return sts;
  }
  void answer(long status, std::string body) {
    answers.push_back([=] { return HttpResponse{status, body, std::nullopt}; });
  }
};

std::string header(const HttpRequest& request, const std::string& name) {
  for (const auto& h : request.headers) {
    if (h.name == name) return h.value;
  }
  return "";
}

std::string failure(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

const MfaCode kMfa{"arn:aws:iam::123456789012:mfa/alice", "123456"};

TEST(SessionStsClient, GetSessionTokenIsASignedFormPost) {
  FakeSts fake;
  fake.answer(200, kSessionXml);
  AssumedSession session = get_session_token(fake.settings(), 43200, kMfa);
  EXPECT_EQ(session.credentials.access_key_id, "ASIANEW");
  ASSERT_EQ(fake.sent.size(), 1u);
  const HttpRequest& request = fake.sent[0];
  EXPECT_EQ(request.url, "https://sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(request.body,
            "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=43200&SerialNumber=arn%3Aaws%3Aiam%3A%3A"
            "123456789012%3Amfa%2Falice&TokenCode=123456");
  EXPECT_EQ(header(request, "Host"), "sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(header(request, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");

  // The Authorization header is the signature of exactly this request at its X-Amz-Date.
  const std::string amz_date = header(request, "X-Amz-Date");
  int y, mo, d, h, mi, s;
  ASSERT_EQ(std::sscanf(amz_date.c_str(), "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &s), 6);
  using namespace std::chrono;
  const sys_seconds when = sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} +
                           hours{h} + minutes{mi} + seconds{s};
  Signature expected = sign_v4({"POST", "sts.eu-west-1.amazonaws.com", "/", "",
                                {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}, request.body},
                               {"AKIAABCDEFGHIJKLWXYZ", "long-term-secret"}, {"eu-west-1", "sts"}, when);
  EXPECT_EQ(header(request, "Authorization"), expected.authorization);
  EXPECT_THAT(expected.authorization,
              StartsWith("AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLWXYZ/" + amz_date.substr(0, 8) +
                         "/eu-west-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="));
}

TEST(SessionStsClient, AssumeRoleSendsTheRoleAndTheCode) {
  FakeSts fake;
  fake.answer(200,
              "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAR</AccessKeyId><SecretAccessKey>s"
              "</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>"
              "</Credentials><AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/admin/x</Arn></AssumedRoleUser>"
              "</AssumeRoleResult></AssumeRoleResponse>");
  AssumedSession session =
      assume_role(fake.settings(), {"arn:aws:iam::1:role/admin", "mfalint-1", "ext id"}, 3600, kMfa);
  EXPECT_EQ(session.assumed_role_arn, "arn:aws:sts::1:assumed-role/admin/x");
  EXPECT_EQ(fake.sent[0].body,
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fadmin&RoleSessionName="
            "mfalint-1&ExternalId=ext%20id&DurationSeconds=3600&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa"
            "%2Falice&TokenCode=123456");
}

TEST(SessionStsClient, ThrottlingIsRetriedThenSucceeds) {
  FakeSts fake;
  fake.answer(400, fault_xml("Throttling", "Rate exceeded"));
  fake.answer(429, "");
  fake.answer(200, kSessionXml);
  EXPECT_EQ(get_session_token(fake.settings(), 900, kMfa).credentials.access_key_id, "ASIANEW");
  EXPECT_EQ(fake.sent.size(), 3u);
}

TEST(SessionStsClient, ThrottlingGivesUpAfterTheLastAttempt) {
  FakeSts fake;
  fake.answer(400, fault_xml("Throttling", "Rate exceeded"));
  EXPECT_THAT(failure([&] { get_session_token(fake.settings(), 900, kMfa); }),
              HasSubstr("AWS throttled the STS call 3 times in a row"));
  EXPECT_EQ(fake.sent.size(), 3u);
}

TEST(SessionStsClient, ServerErrorsAreRetriedThenReported) {
  FakeSts fake;
  fake.answer(500, "<html>Internal Server Error</html>");
  EXPECT_EQ(failure([&] { get_session_token(fake.settings(), 900, kMfa); }),
            "STS at https://sts.eu-west-1.amazonaws.com answered HTTP 500 3 times without an STS error (not an "
            "ErrorResponse)");
  EXPECT_EQ(fake.sent.size(), 3u);

  FakeSts xml_fault;
  xml_fault.answer(503, fault_xml("ServiceUnavailable", "try later"));
  EXPECT_THAT(failure([&] { get_session_token(xml_fault.settings(), 900, kMfa); }),
              HasSubstr("failed on its side with HTTP 503 (3 attempts): ServiceUnavailable: try later"));
}

TEST(SessionStsClient, ARefusalIsNotRetried) {
  FakeSts fake;
  fake.answer(403, fault_xml("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));
  EXPECT_THAT(failure([&] { get_session_token(fake.settings(), 900, kMfa); }),
              HasSubstr("the MFA code was wrong or already used"));
  EXPECT_EQ(fake.sent.size(), 1u);
}

TEST(SessionStsClient, NoAnswerIsNotRetriedSinceTheCodeMayBeSpent) {
  FakeSts fake;
  fake.answers.push_back([]() -> HttpResponse { throw TransportError("Connection reset by peer", false); });
  EXPECT_EQ(failure([&] { get_session_token(fake.settings(), 900, kMfa); }),
            "could not talk to STS at https://sts.eu-west-1.amazonaws.com: Connection reset by peer");
  EXPECT_EQ(fake.sent.size(), 1u);

  FakeSts slow;
  slow.answers.push_back([]() -> HttpResponse { throw TransportError("Operation timed out after 2000 ms", true); });
  EXPECT_THAT(failure([&] { get_session_token(slow.settings(), 900, kMfa); }),
              HasSubstr("no answer from STS at https://sts.eu-west-1.amazonaws.com in time"));
}

TEST(SessionStsClient, AnAnswerThatIsNotStsIsRefused) {
  FakeSts malformed;
  malformed.answer(200, "<GetSessionTokenResponse><Credentials>");
  EXPECT_THAT(failure([&] { get_session_token(malformed.settings(), 900, kMfa); }),
              HasSubstr("answered with malformed XML at line 1"));
  FakeSts other;
  other.answer(200, "<html><body>Welcome to the hotel wifi</body></html>");
  EXPECT_THAT(failure([&] { get_session_token(other.settings(), 900, kMfa); }),
              HasSubstr("gave an answer that is not STS's: the answer has no GetSessionTokenResponse/"));
}

TEST(SessionStsClient, CallerIdentity) {
  FakeSts fake;
  fake.answer(200,
              "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/alice</Arn><Account>1"
              "</Account></GetCallerIdentityResult></GetCallerIdentityResponse>");
  EXPECT_EQ(get_caller_identity(fake.settings()).arn, "arn:aws:iam::1:user/alice");
  EXPECT_EQ(fake.sent[0].body, "Action=GetCallerIdentity&Version=2011-06-15");
}

TEST(SessionStsClient, EndpointHostKeepsOnlyANonDefaultPort) {
  EXPECT_EQ(parse_endpoint("http://127.0.0.1:5123").host, "127.0.0.1:5123");
  EXPECT_EQ(parse_endpoint("https://sts.amazonaws.com:443/").host, "sts.amazonaws.com");
  EXPECT_EQ(parse_endpoint("http://localhost:80").host, "localhost");
  EXPECT_EQ(parse_endpoint("http://[::1]:9000/sts").path, "/sts");
  EXPECT_EQ(parse_endpoint("http://[::1]:9000/sts").host, "[::1]:9000");
  EXPECT_THROW(parse_endpoint("ftp://example.com"), Error);
  EXPECT_THROW(parse_endpoint("sts.amazonaws.com"), Error);
}

}  // namespace
}  // namespace mfalint::session
