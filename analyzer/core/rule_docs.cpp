#include "core/rule_docs.h"

#include <fmt/core.h>

#include <algorithm>
#include <stdexcept>

namespace mfalint::rules {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

RuleDoc parse_doc(const EmbeddedDoc& embedded) {
  RuleDoc doc;
  std::string_view text = embedded.text;
  if (!text.starts_with("---\n")) throw std::logic_error(fmt::format("rules/{}.md: no front matter", embedded.id));
  text.remove_prefix(4);
  auto end = text.find("\n---\n");
  if (end == std::string_view::npos) throw std::logic_error(fmt::format("rules/{}.md: unterminated front matter", embedded.id));
  std::string_view front = text.substr(0, end);
  doc.body = std::string(trim(text.substr(end + 5)));
  while (!front.empty()) {
    auto eol = front.find('\n');
    std::string_view line = front.substr(0, eol);
    front = eol == std::string_view::npos ? std::string_view() : front.substr(eol + 1);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = trim(line.substr(0, colon));
    std::string value(trim(line.substr(colon + 1)));
    if (key == "id") doc.id = value;
    else if (key == "name") doc.name = value;
    else if (key == "title") doc.title = value;
    else if (key == "aws_issue_codes") {
      for (std::string_view rest = value; !rest.empty();) {
        size_t space = rest.find(' ');
        if (space != 0) doc.aws_issue_codes.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
    }
    else if (key == "severity") {
      auto severity = parse_severity(value);
      if (!severity) throw std::logic_error(fmt::format("rules/{}.md: bad severity '{}'", embedded.id, value));
      doc.severity = *severity;
    }
  }
  if (doc.id != embedded.id) throw std::logic_error(fmt::format("rules/{}.md: id '{}' differs from file name", embedded.id, doc.id));
  return doc;
}

}  // namespace

std::string RuleDoc::section(std::string_view heading) const {
  std::string marker = "## " + std::string(heading) + "\n";
  auto start = body.find(marker);
  if (start == std::string::npos) return {};
  start += marker.size();
  auto end = body.find("\n## ", start);
  return std::string(trim(std::string_view(body).substr(start, end == std::string::npos ? std::string::npos : end - start)));
}

const std::vector<RuleDoc>& all_rules() {
  static const std::vector<RuleDoc> rules = [] {
    std::vector<RuleDoc> parsed;
    for (const auto& embedded : embedded_docs()) parsed.push_back(parse_doc(embedded));
    std::sort(parsed.begin(), parsed.end(), [](const RuleDoc& a, const RuleDoc& b) { return a.id < b.id; });
    return parsed;
  }();
  return rules;
}

const RuleDoc* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it = std::lower_bound(rules.begin(), rules.end(), id, [](const RuleDoc& rule, std::string_view key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

Severity default_severity(std::string_view id) {
  const RuleDoc* rule = find_rule(id);
  if (!rule) throw std::logic_error(fmt::format("rule {} has no document in rules/", id));
  return rule->severity;
}

}  // namespace mfalint::rules
