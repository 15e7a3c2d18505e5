// The signer agrees with botocore's, the one the AWS CLI uses, on STS requests like the ones mfalint
// sends: same request and time, same Authorization header.

#include "session/http.h"
#include "session/sigv4.h"
#include "session/sts_client.h"
#include "session_test_support.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace mfalint::session {
namespace {

using namespace std::chrono;
using testing::ScratchDir;

struct Case {
  std::string url;
  std::string region;
  AccessKey key;
  sys_seconds when;
  std::string body;
};

const std::string kContentType = "application/x-www-form-urlencoded; charset=utf-8";

TEST(SessionBotocore, SameRequestSameTimeSameSignature) {
  if (std::system("python3 -c 'import botocore' >/dev/null 2>&1") != 0) {
    MFALINT_MISSING_TOOL("python3 with botocore is not installed; the signer was NOT compared with botocore's "
                         "(apt-get install python3-botocore)");
  }
  const sys_seconds t1 = sys_days{year{2026} / November / 29} + hours{4} + minutes{5} + seconds{6};
  const sys_seconds t2 = sys_days{year{2024} / February / 29} + hours{23} + minutes{59} + seconds{59};
  const AccessKey k1{"AKIARZPUZDIKEGV5SR3Q", "8roC4GJjbjHCiCF+GJm7CRaZGGAYm1KdRd3RI9AO"};
  const AccessKey k2{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"};
  const std::vector<Case> cases = {
      {"https://sts.us-east-1.amazonaws.com", "us-east-1", k1, t1,
       sts_form_body("GetSessionToken", {{"DurationSeconds", "43200"},
                                         {"SerialNumber", "arn:aws:iam::123456789012:mfa/alice"},
                                         {"TokenCode", "123456"}})},
      {"https://sts.eu-west-3.amazonaws.com/", "eu-west-3", k2, t2,
       sts_form_body("AssumeRole", {{"RoleArn", "arn:aws:iam::123456789012:role/path/admin+ops"},
                                    {"RoleSessionName", "mfalint-1700000000"},
                                    {"ExternalId", "a b&c=d/e"},
                                    {"DurationSeconds", "3600"},
                                    {"SerialNumber", "GAHT12345678"},
                                    {"TokenCode", "000000"}})},
      {"http://127.0.0.1:5123", "us-east-1", k1, t2, sts_form_body("GetCallerIdentity", {})},
      {"http://localhost:4566/", "cn-north-1", k2, t1, sts_form_body("GetSessionToken", {{"DurationSeconds", "900"}})},
      {"https://sts.amazonaws.com:443", "us-east-1", k1, t1, sts_form_body("GetCallerIdentity", {})},
  };

  ScratchDir dir;
  std::ostringstream input;
  std::vector<std::string> ours;
  for (const auto& c : cases) {
    Endpoint endpoint = parse_endpoint(c.url);
    Signature s = sign_v4({"POST", endpoint.host, endpoint.path, "", {{"Content-Type", kContentType}}, c.body}, c.key,
                          {c.region, "sts"}, c.when);
    ours.push_back(s.authorization);
    input << "POST\t" << c.url << "\t" << c.region << "\tsts\t" << c.key.id << "\t" << c.key.secret << "\t"
          << s.amz_date << "\t" << kContentType << "\t" << c.body << "\n";
  }
  testing::write_text(dir / "in.tsv", input.str());
  const std::string command = "python3 '" MFALINT_SOURCE_DIR "/tests/session/botocore_sign.py' <'" +
                              (dir / "in.tsv").string() + "' >'" + (dir / "out.txt").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::istringstream theirs(testing::read_text(dir / "out.txt"));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::string line;
    ASSERT_TRUE(std::getline(theirs, line)) << "botocore printed too few lines";
    EXPECT_EQ(ours[i], line) << "case " << i << ": " << cases[i].url;
  }
}

}  // namespace
}  // namespace mfalint::session
