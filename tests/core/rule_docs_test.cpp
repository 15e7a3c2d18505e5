// Every rule has a complete document, and every rule id the code uses has one.
#include "core/rule_docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace mfalint {
namespace {

TEST(RuleDocs, EveryDocumentHasItsFourParts) {
  ASSERT_FALSE(rules::all_rules().empty());
  for (const auto& rule : rules::all_rules()) {
    SCOPED_TRACE(rule.id);
    EXPECT_FALSE(rule.name.empty());
    EXPECT_FALSE(rule.title.empty());
    for (auto heading : {"What it does", "Why is this bad?", "Example", "Use instead"}) {
      EXPECT_FALSE(rule.section(heading).empty()) << "missing section: " << heading;
    }
  }
}

TEST(RuleDocs, EveryRuleIdInTheCodeHasADocument) {
  std::set<std::string> used;
  std::regex id_pattern("\"((IAM|MFA)[0-9]{3})\"");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(MFALINT_SOURCE_DIR "/analyzer")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    for (std::sregex_iterator it(content.begin(), content.end(), id_pattern), end; it != end; ++it) {
      used.insert((*it)[1]);
    }
  }
  ASSERT_FALSE(used.empty());
  for (const auto& id : used) EXPECT_NE(rules::find_rule(id), nullptr) << id << " has no rules/" << id << ".md";
}

TEST(RuleDocs, LookupBySeverityAndId) {
  EXPECT_EQ(rules::default_severity("IAM012"), Severity::Error);
  EXPECT_EQ(rules::default_severity("IAM016"), Severity::Warning);
  EXPECT_EQ(rules::find_rule("NOPE01"), nullptr);
  EXPECT_THROW(rules::default_severity("NOPE01"), std::logic_error);
}

}  // namespace
}  // namespace mfalint
