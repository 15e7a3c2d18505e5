#include "pipeline/config.h"

#include "catalog/catalog.h"
#include "core/rule_docs.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace mfalint::pipeline {
namespace fs = std::filesystem;
namespace {

// Every error names the file and the node it is about, so a typo is found without guessing.
struct Source {
  const std::string& path;

  std::string at(const YAML::Mark& mark, const std::string& message) const {
    if (mark.is_null()) return fmt::format("{}: {}", path, message);
    return fmt::format("{}:{}:{}: {}", path, mark.line + 1, mark.column + 1, message);
  }
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw ConfigError(at(mark, message));
  }
};

std::string_view kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "nothing";
  }
}

struct Entry {
  std::string key;
  YAML::Mark key_mark;
  YAML::Node value;
  YAML::Mark value_mark;  // the key's when the value is empty and has no position of its own
};

// The entries of the mapping `node`, at `where` (an empty value counts as an empty mapping).
// With `known`, any other key is an error; a repeated key always is, as YAML says and yaml-cpp
// does not check.
std::vector<Entry> entries(const Source& source, const YAML::Node& node, const YAML::Mark& where,
                           std::string_view what, std::initializer_list<std::string_view> known = {}) {
  if (node.IsNull()) return {};
  if (!node.IsMap()) source.fail(where, fmt::format("{} must be a mapping, not {}", what, kind(node)));
  std::vector<Entry> out;
  std::set<std::string> seen;
  for (const auto& item : node) {
    const YAML::Node& key = item.first;
    if (!key.IsScalar()) source.fail(key.Mark(), fmt::format("a key in {} must be a plain name", what));
    std::string name = key.Scalar();
    if (known.size() && std::find(known.begin(), known.end(), name) == known.end()) {
      source.fail(key.Mark(), fmt::format("unknown key '{}' in {} (expected {})", name, what, fmt::join(known, ", ")));
    }
    if (!seen.insert(name).second) source.fail(key.Mark(), fmt::format("'{}' appears twice in {}", name, what));
    YAML::Mark value_mark = item.second.Mark().is_null() ? key.Mark() : item.second.Mark();
    out.push_back(Entry{std::move(name), key.Mark(), item.second, value_mark});
  }
  return out;
}

std::string scalar(const Source& source, const Entry& entry, std::string_view what) {
  if (!entry.value.IsScalar()) {
    source.fail(entry.value_mark, fmt::format("{} must be a single value, not {}", what, kind(entry.value)));
  }
  return entry.value.Scalar();
}

std::vector<std::string> string_list(const Source& source, const Entry& entry, std::string_view what) {
  if (entry.value.IsNull()) return {};
  if (!entry.value.IsSequence()) {
    source.fail(entry.value_mark, fmt::format("{} must be a list, not {}", what, kind(entry.value)));
  }
  std::vector<std::string> out;
  for (const auto& item : entry.value) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      source.fail(item.Mark().is_null() ? entry.value_mark : item.Mark(),
                  fmt::format("each entry of {} must be a non-empty string", what));
    }
    out.push_back(item.Scalar());
  }
  return out;
}

void check_rule_id(const Source& source, const YAML::Mark& where, const std::string& id) {
  if (!rules::find_rule(id)) source.fail(where, fmt::format("unknown rule '{}' (`mfalint rules` lists them)", id));
}

void read_rules(const Source& source, const Entry& section, Config& config) {
  for (const auto& entry : entries(source, section.value, section.value_mark, "rules")) {
    check_rule_id(source, entry.key_mark, entry.key);
    std::string level = scalar(source, entry, fmt::format("the level of {}", entry.key));
    if (level == "off") {
      config.rules[entry.key] = std::nullopt;
    } else if (auto severity = parse_severity(level)) {
      config.rules[entry.key] = *severity;
    } else {
      source.fail(entry.value_mark,
                  fmt::format("'{}' is not a level for {}: use error, warning, note or off", level, entry.key));
    }
  }
}

void read_max_age(const Source& source, const Entry& entry, Config& config) {
  std::string text = scalar(source, entry, "max-mfa-age");
  config.max_mfa_age = parse_seconds(text);
  if (!config.max_mfa_age) {
    source.fail(entry.value_mark, fmt::format("max-mfa-age must be a whole number of seconds, not '{}'", text));
  }
}

// "service:Action" with IAM wildcards; anything else can never match an action and is a typo.
bool is_action_pattern(std::string_view pattern) {
  auto colon = pattern.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == pattern.size()) return false;
  return std::none_of(pattern.begin(), pattern.end(), [](char c) { return c == ' ' || c == '\t' || c == '/'; }) &&
         pattern.find(':', colon + 1) == std::string_view::npos;
}

// A well-formed pattern that matches nothing is a warning, not an error: the catalog may not know
// an action AWS added since, and the pattern then changes nothing.
void read_action_edits(const Source& source, const Entry& section, Config& config) {
  ActionEdits& edits = section.key == "sensitive-actions" ? config.sensitive_actions : config.bootstrap_actions;
  for (const auto& entry : entries(source, section.value, section.value_mark, section.key, {"add", "remove"})) {
    std::string what = fmt::format("{}.{}", section.key, entry.key);
    auto patterns = string_list(source, entry, what);
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (!is_action_pattern(patterns[i])) {
        source.fail(entry.value[i].Mark(),
                    fmt::format("'{}' in {} is not an action pattern like \"iam:CreateUser\" or \"s3:Put*\"",
                                patterns[i], what));
      }
      if (catalog::match_actions(patterns[i]).empty()) {
        config.warnings.push_back(source.at(
            entry.value[i].Mark(),
            fmt::format("'{}' in {} matches no known action, so it changes nothing", patterns[i], what)));
      }
    }
    (entry.key == "add" ? edits.add : edits.remove) = std::move(patterns);
  }
}

Suppression read_suppression(const Source& source, const YAML::Node& node, const YAML::Mark& where) {
  Suppression suppression;
  for (const auto& entry : entries(source, node, where, "a suppression", {"rule", "files", "sid", "reason"})) {
    std::string value = scalar(source, entry, fmt::format("the {} of a suppression", entry.key));
    if (entry.key == "rule") {
      check_rule_id(source, entry.value_mark, value);
      suppression.rule = value;
    } else if (entry.key == "files") {
      suppression.files = value;
    } else if (entry.key == "sid") {
      suppression.sid = value;
    } else {
      suppression.reason = value;
    }
  }
  if (suppression.rule.empty()) source.fail(where, "a suppression needs `rule`: the rule it accepts");
  if (suppression.files.empty()) source.fail(where, "a suppression needs `files`: a glob such as \"legacy/**\"");
  if (suppression.reason.find_first_not_of(" \t\n") == std::string::npos) {
    source.fail(where, "a suppression needs a `reason`: reports show why the finding is accepted");
  }
  return suppression;
}

void read_sets(const Source& source, const Entry& section, Config& config) {
  if (section.value.IsNull()) return;
  if (!section.value.IsSequence()) source.fail(section.value_mark, fmt::format("sets must be a list, not {}", kind(section.value)));
  for (const auto& item : section.value) {
    YAML::Mark where = item.Mark().is_null() ? section.value_mark : item.Mark();
    if (!item.IsMap()) source.fail(where, fmt::format("a set must be a mapping, not {}", kind(item)));
    PolicySetConfig& set = config.sets.emplace_back();
    for (const auto& entry : entries(source, item, where, "a set", {"name", "policies"})) {
      if (entry.key == "name") set.name = scalar(source, entry, "the name of a set");
      else set.policies = string_list(source, entry, "the policies of a set");
    }
    if (set.name.empty()) source.fail(where, "a set needs a `name`: reports say which set judged a finding");
    if (set.policies.empty()) source.fail(where, "a set needs `policies`: the files (or FILE#ADDRESS) judged together");
    for (size_t i = 0; i + 1 < config.sets.size(); ++i) {
      if (config.sets[i].name == set.name) source.fail(where, fmt::format("a second set named '{}'", set.name));
    }
  }
}

void read_suppressions(const Source& source, const Entry& section, Config& config) {
  if (section.value.IsNull()) return;
  if (!section.value.IsSequence()) {
    source.fail(section.value_mark, fmt::format("suppressions must be a list, not {}", kind(section.value)));
  }
  for (const auto& item : section.value) {
    YAML::Mark where = item.Mark().is_null() ? section.value_mark : item.Mark();
    if (!item.IsMap()) source.fail(where, fmt::format("a suppression must be a mapping, not {}", kind(item)));
    config.suppressions.push_back(read_suppression(source, item, where));
  }
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path) {
  Source source{path};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    source.fail(error.mark, "invalid YAML: " + error.msg);
  }
  Config config;
  auto sections = entries(source, root, root.Mark(), "the config",
                          {"rules", "max-mfa-age", "sensitive-actions", "bootstrap-actions", "exclude", "suppressions",
                           "sets"});
  for (const auto& section : sections) {
    if (section.key == "rules") read_rules(source, section, config);
    else if (section.key == "max-mfa-age") read_max_age(source, section, config);
    else if (section.key.ends_with("-actions")) read_action_edits(source, section, config);  // sensitive-, bootstrap-
    else if (section.key == "exclude") config.exclude = string_list(source, section, "exclude");
    else if (section.key == "sets") read_sets(source, section, config);
    else read_suppressions(source, section, config);
  }
  return config;
}

std::optional<int64_t> parse_seconds(std::string_view text) {
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return seconds;
}

Config load_config(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw ConfigError(fmt::format("{}: {}", path, fs::exists(path, ec) ? "not a file" : "no such file"));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw ConfigError(fmt::format("{}: cannot read the config file", path));
  Config config = parse_config(text.str(), path);
  config.cwd = fs::current_path();
  config.root = (config.cwd / path).lexically_normal().parent_path();
  return config;
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start).lexically_normal();; dir = dir.parent_path()) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) return std::nullopt;
  }
}

}  // namespace mfalint::pipeline
