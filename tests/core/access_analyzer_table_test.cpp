// docs/access-analyzer.md (columns: code, type, rules, severity, corpus count, notes) against the rule documents: every Access Analyzer check is in the table
// once, a check mfalint implements names the rule whose document lists its code, and one it does
// not says why.
#include "core/rule_docs.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>

namespace mfalint {
namespace {

struct Row {
  std::string type, rules, severity, notes;  // rules: "IAM007, IAM008" when several share the check
};

std::vector<std::string> rule_ids(const std::string& rules) {
  std::vector<std::string> ids;
  static const std::regex kId(R"([A-Z]{3}[0-9]{3})");
  for (std::sregex_iterator it(rules.begin(), rules.end(), kId), end; it != end; ++it) ids.push_back(it->str());
  return ids;
}

std::map<std::string, Row> table_rows() {
  std::string doc = testing::read_all(std::filesystem::path(MFALINT_SOURCE_DIR) / "docs/access-analyzer.md");
  static const std::regex kRow(R"(^\|([A-Z0-9_]+)\|(ERROR|SECURITY_WARNING|WARNING|SUGGESTION)\|([^|]*)\|([^|]*)\|[^|]*\|(.*)\|$)");
  std::map<std::string, Row> rows;
  std::istringstream in(doc);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, kRow)) continue;
    EXPECT_TRUE(rows.emplace(m[1], Row{m[2], m[3], m[4], m[5]}).second) << m[1] << " is in the table twice";
  }
  return rows;
}

std::string_view severity_of(const std::string& type) {
  if (type == "WARNING") return "warning";
  if (type == "SUGGESTION") return "note";
  return "error";  // ERROR, SECURITY_WARNING
}

TEST(AccessAnalyzerTable, EveryCheckIsListedOnce) {
  // The current edition of AWS's policy check reference has 153 issue codes.
  EXPECT_EQ(table_rows().size(), 153u);
}

TEST(AccessAnalyzerTable, ImplementedChecksNameTheRuleThatListsTheirCode) {
  auto rows = table_rows();
  for (const auto& [code, row] : rows) {
    if (row.rules == "—") {
      EXPECT_FALSE(row.notes.empty()) << code << ": not implemented, and the table does not say why";
      continue;
    }
    ASSERT_FALSE(rule_ids(row.rules).empty()) << code << ": " << row.rules;
    for (const auto& id : rule_ids(row.rules)) {
      const rules::RuleDoc* rule = rules::find_rule(id);
      ASSERT_NE(rule, nullptr) << code << ": no rule " << id;
      EXPECT_NE(std::find(rule->aws_issue_codes.begin(), rule->aws_issue_codes.end(), code), rule->aws_issue_codes.end())
          << id << "'s document does not list " << code;
    }
    if (row.severity != severity_of(row.type)) {
      EXPECT_FALSE(row.notes.empty()) << code << ": severity " << row.severity << " differs from " << row.type
                                      << " without a reason";
    }
  }
  for (const auto& rule : rules::all_rules()) {
    for (const auto& code : rule.aws_issue_codes) {
      auto row = rows.find(code);
      ASSERT_NE(row, rows.end()) << rule.id << " lists " << code << ", which the table lacks";
      auto ids = rule_ids(row->second.rules);
      EXPECT_NE(std::find(ids.begin(), ids.end(), rule.id), ids.end()) << code << " does not name " << rule.id;
    }
  }
}

}  // namespace
}  // namespace mfalint
