// The check registry against the rule documents: a rule has one name, the `name` of its document,
// which its check's file and function carry too.
#include "checks/check.h"
#include "core/rule_docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

namespace mfalint {
namespace {

std::vector<std::string> ids_of(std::string_view rules) {
  std::istringstream in{std::string(rules)};
  std::vector<std::string> ids;
  for (std::string id; in >> id;) ids.push_back(id);
  return ids;
}

std::string snake(std::string text) {
  for (char& c : text) c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST(CheckRegistry, EveryRuleOfACheckIsDocumentedAndListedOnce) {
  std::map<std::string, int> listed;
  for (const auto& check : checks::all_checks()) {
    auto ids = ids_of(check.rules);
    ASSERT_FALSE(ids.empty());
    for (const auto& id : ids) {
      EXPECT_NE(rules::find_rule(id), nullptr) << id << " has no document in rules/";
      ++listed[id];
    }
    // A check of one rule lives in <id>_<the rule's name>.cpp.
    if (ids.size() == 1 && rules::find_rule(ids[0])) {
      auto file = std::filesystem::path(MFALINT_SOURCE_DIR) / "analyzer/checks" /
                  (snake(ids[0]) + "_" + snake(rules::find_rule(ids[0])->name) + ".cpp");
      EXPECT_TRUE(std::filesystem::exists(file)) << file;
    }
  }
  for (const auto& [id, times] : listed) EXPECT_EQ(times, 1) << id;
}

}  // namespace
}  // namespace mfalint
