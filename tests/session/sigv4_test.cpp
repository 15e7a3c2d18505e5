// The signer against AWS's published Signature Version 4 test suite and the IAM example of the AWS
// documentation: canonical request, string to sign and signature, byte for byte.

#include "session/sigv4.h"

#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using namespace std::chrono;

// 2015-08-30T12:36:00Z, the time of every vector.
const sys_seconds kSuiteTime = sys_days{year{2015} / August / 30} + hours{12} + minutes{36};
const AccessKey kSuiteKey{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
const SigningScope kSuiteScope{"us-east-1", "service"};

Signature suite(const std::string& method, const std::string& query, std::vector<Header> headers = {},
                const std::string& body = "") {
  return sign_v4({method, "example.amazonaws.com", "/", query, std::move(headers), body}, kSuiteKey, kSuiteScope,
                 kSuiteTime);
}

TEST(SessionSigV4, GetVanilla) {
  Signature s = suite("GET", "");
  EXPECT_EQ(s.amz_date, "20150830T123600Z");
  EXPECT_EQ(s.canonical_request,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SessionSigV4, GetVanillaQueryOrderKeyCase) {
  Signature s = suite("GET", "Param2=value2&Param1=value1");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
  EXPECT_EQ(s.signature, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST(SessionSigV4, PostVanilla) {
  EXPECT_EQ(suite("POST", "").signature, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

TEST(SessionSigV4, PostVanillaQuery) {
  EXPECT_EQ(suite("POST", "Param1=value1").signature,
            "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
}

TEST(SessionSigV4, PostHeaderKeyCaseAndValueTrim) {
  EXPECT_EQ(suite("POST", "", {{"MY-HEADER1", "  value1  "}}).signature,
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
}

// The form-encoded POST is what every STS call is.
TEST(SessionSigV4, PostXWwwFormUrlencoded) {
  Signature s = suite("POST", "", {{"Content-Type", "application/x-www-form-urlencoded"}}, "Param1=value1");
  EXPECT_EQ(s.canonical_request,
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
            "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281");
  EXPECT_EQ(s.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date, "
            "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
}

// "Create a signed AWS API request" in the IAM user guide: ListUsers, with every intermediate value.
TEST(SessionSigV4, IamListUsersDocumentationExample) {
  SignableRequest request{"GET",
                          "iam.amazonaws.com",
                          "/",
                          "Action=ListUsers&Version=2010-05-08",
                          {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
                          ""};
  Signature s = sign_v4(request, kSuiteKey, {"us-east-1", "iam"}, kSuiteTime);
  EXPECT_EQ(s.canonical_request,
            "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
            "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
            "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
  EXPECT_EQ(s.signature, "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
}

TEST(SessionSigV4, UriEncodeKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(uri_encode("arn:aws:iam::123456789012:mfa/alice"), "arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice");
  EXPECT_EQ(uri_encode("a-b_c.d~e f+g"), "a-b_c.d~e%20f%2Bg");
  EXPECT_EQ(uri_encode("/a b/c", true), "/a%20b/c");
}

}  // namespace
}  // namespace mfalint::session
