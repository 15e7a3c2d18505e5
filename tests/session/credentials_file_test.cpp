// Writing a session into one profile changes that profile and not one byte outside it.

#include "session/credentials_file.h"

#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

const std::vector<ProfileValue> kSession = {{"aws_access_key_id", "ASIANEW"},
                                            {"aws_secret_access_key", "newsecret"},
                                            {"aws_session_token", "newtoken"},
                                            {"expiration", "2026-11-29T16:00:00Z"}};

std::string edit(const std::string& text, const std::string& section) {
  return with_profile_values(parse_ini(text, "credentials"), section, kSession);
}

const std::string kBlock =
    "aws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken\n"
    "expiration = 2026-11-29T16:00:00Z\n";

TEST(SessionCredentialsFile, AppendsANewProfileAfterABlankLine) {
  const std::string before = "# my keys\n[base]\naws_access_key_id = AKIA1   \naws_secret_access_key=s1\n";
  EXPECT_EQ(edit(before, "base-mfa"), before + "\n[base-mfa]\n" + kBlock);
}

TEST(SessionCredentialsFile, AppendsToAFileWithoutAFinalNewlineOrEmpty) {
  EXPECT_EQ(edit("[base]\nk = v", "base-mfa"), "[base]\nk = v\n\n[base-mfa]\n" + kBlock);
  EXPECT_EQ(edit("", "base-mfa"), "[base-mfa]\n" + kBlock);
  EXPECT_EQ(edit("[base]\nk = v\n\n", "x"), "[base]\nk = v\n\n[x]\n" + kBlock);
}

// Found by fuzz_ini: entries added to an empty profile would have turned the indented header after
// it into their continuation, and the next profile's keys into this one's.
TEST(SessionCredentialsFile, AnIndentedHeaderAfterTheNewEntriesStaysAHeader) {
  const std::string before = "[base-mfa]\n\n\v\t\n  # note\n  [prod]\naws_access_key_id = AKIA2\n";
  const std::string after = edit(before, "base-mfa");
  EXPECT_EQ(after, "[base-mfa]\n" + kBlock + "\n\v\t\n  # note\n[prod]\naws_access_key_id = AKIA2\n");
  auto reread = parse_ini(after, "credentials");
  EXPECT_EQ(find_value(reread, "prod", "aws_access_key_id"), "AKIA2");
  EXPECT_EQ(find_value(reread, "base-mfa", "aws_access_key_id"), "ASIANEW");
}

TEST(SessionCredentialsFile, RewritesAnExistingProfileInPlaceKeepingItsNeighbours) {
  const std::string head = ";; header comment\n[base]\naws_access_key_id=AKIA1\naws_secret_access_key = s1\n\n";
  const std::string tail = "\n# next one is prod\n[prod]   \naws_access_key_id = AKIA2\n";
  const std::string before = head +
                             "[base-mfa]\naws_session_token = old-token\nregion = eu-west-1\n"
                             "aws_access_key_id = ASIAOLD\n# a note about it\n" +
                             tail;
  const std::string after = edit(before, "base-mfa");
  EXPECT_EQ(after, head +
                       "[base-mfa]\naws_session_token = newtoken\nregion = eu-west-1\naws_access_key_id = ASIANEW\n"
                       "aws_secret_access_key = newsecret\nexpiration = 2026-11-29T16:00:00Z\n# a note about it\n" +
                       tail);
}

TEST(SessionCredentialsFile, EveryByteOutsideTheProfileIsKept) {
  const std::string head = "# odd bytes \t and ü\r\n[a]\r\nk = v\r\n  continued\r\n\r\n";
  const std::string tail = "[z]\r\nx : y";
  const std::string after = edit(head + "[t]\r\naws_session_token = 1\r\n" + tail, "t");
  ASSERT_TRUE(after.starts_with(head));
  ASSERT_TRUE(after.ends_with(tail));
  EXPECT_EQ(after.substr(head.size(), after.size() - head.size() - tail.size()),
            "[t]\r\naws_session_token = newtoken\r\naws_access_key_id = ASIANEW\r\n"
            "aws_secret_access_key = newsecret\r\nexpiration = 2026-11-29T16:00:00Z\r\n");
}

TEST(SessionCredentialsFile, AMultiLineValueIsReplacedWhole) {
  EXPECT_EQ(edit("[t]\naws_session_token =\n  part1\n  part2\nregion = x\n", "t"),
            "[t]\naws_session_token = newtoken\nregion = x\naws_access_key_id = ASIANEW\n"
            "aws_secret_access_key = newsecret\nexpiration = 2026-11-29T16:00:00Z\n");
}

TEST(SessionCredentialsFile, AProfileThatEndsTheFileWithoutNewline) {
  EXPECT_EQ(edit("[a]\nk = v\n[t]", "t"), "[a]\nk = v\n[t]\n" + kBlock);
}

TEST(SessionCredentialsFile, RewritingTheSameValuesChangesNothing) {
  const std::string once = edit("[a]\nk = v\n", "t");
  EXPECT_EQ(edit(once, "t"), once);
}

}  // namespace
}  // namespace mfalint::session
