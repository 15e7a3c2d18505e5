// The INI reader reads what botocore's configparser reads, and refuses what it refuses, by line.

#include "session/error.h"
#include "session/ini.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

using ::testing::HasSubstr;

std::string refusal(const std::string& text) {
  try {
    parse_ini(text, "credentials");
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

TEST(SessionIni, ReadsProfilesKeysAndValues) {
  IniDocument doc = parse_ini(
      "# comment\n[default]\naws_access_key_id = AKIA1\n; another\n[work]\nAWS_Secret_Access_Key:  s e c  \n"
      "region=eu-west-1\n",
      "credentials");
  EXPECT_EQ(find_value(doc, "default", "aws_access_key_id"), "AKIA1");
  EXPECT_EQ(find_value(doc, "work", "aws_secret_access_key"), "s e c");  // keys lower-cased, values trimmed
  EXPECT_EQ(find_value(doc, "work", "region"), "eu-west-1");
  EXPECT_FALSE(find_value(doc, "default", "region"));
  EXPECT_TRUE(has_section(doc, "work"));
  EXPECT_FALSE(has_section(doc, "missing"));
}

TEST(SessionIni, IndentedLinesContinueAValue) {
  IniDocument doc = parse_ini("[profile a]\ns3 =\n  max_concurrent_requests = 20\nregion = us-east-2\n", "config");
  EXPECT_EQ(doc.lines[2].kind, IniLine::Kind::continuation);
  EXPECT_EQ(find_value(doc, "profile a", "region"), "us-east-2");
  EXPECT_FALSE(find_value(doc, "profile a", "max_concurrent_requests"));
}

TEST(SessionIni, KeepsEveryByteIncludingCrlfAndNoFinalNewline) {
  const std::string text = "[a]\r\nk = v\r\n\r\n  # indented comment\n[b]\nx = y";
  IniDocument doc = parse_ini(text, "f");
  std::string joined;
  for (const auto& line : doc.lines) joined += line.raw;
  EXPECT_EQ(joined, text);
  EXPECT_EQ(doc.eol, "\r\n");
}

TEST(SessionIni, RefusesWhatConfigparserRefusesWithTheLine) {
  EXPECT_THAT(refusal("[a]\nk = v\nthis is not an entry\n"), HasSubstr("credentials line 3: expected KEY = VALUE"));
  EXPECT_THAT(refusal("k = v\n[a]\n"), HasSubstr("line 1: an entry before any [section]"));
  EXPECT_THAT(refusal("[a]\n[b]\n[a]\n"), HasSubstr("line 3: section [a] appears twice"));
  EXPECT_THAT(refusal("[a]\nk = 1\nK = 2\n"), HasSubstr("line 3: key k appears twice in section [a]"));
  EXPECT_THAT(refusal("[a]\n= v\n"), HasSubstr("line 2: an entry with no key"));
  EXPECT_THAT(refusal("[]\n"), HasSubstr("line 1: a section header must be [NAME]"));
}

TEST(SessionIni, EmptyTextIsAnEmptyDocument) { EXPECT_TRUE(parse_ini("", "f").lines.empty()); }

}  // namespace
}  // namespace mfalint::session
