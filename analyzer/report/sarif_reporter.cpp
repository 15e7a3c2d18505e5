// SARIF 2.1.0 as GitHub code scanning reads it. GitHub asks for more than the schema: every rule
// with its descriptions, help and security-severity; results with a repo-relative URI, a full
// region and partialFingerprints. Suppressed findings are left out: code scanning ignores a
// result's `suppressions` and would open an alert for each. docs/reports.md explains the rest.
#include "core/rule_docs.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/report.h"
#include "core/json_writer.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace mfalint::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// A placeholder until the project has a public home; viewers only show it as a link.
constexpr std::string_view kInformationUri = "https://github.com/mfalint/mfalint";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// Versioned, so a change to what the key hashes can start a new series instead of colliding.
constexpr std::string_view kFingerprintName = "mfalintFindingKey/v1";

void text(JsonWriter& w, std::string_view value) {
  std::string clean = valid_utf8(value);
  w.string(clean);
}

void field(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  text(w, value);
}

void message(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.StartObject();
  field(w, "text", value);
  w.EndObject();
}

// Rules that IAM accepts but that make a policy mean something other than what a reviewer reads,
// so an MFA condition may not be enforced as written. The other grammar rules make IAM refuse the
// policy: nothing is granted, the deployment fails.
constexpr std::string_view kMeaningChanging[] = {"IAM003", "IAM005", "IAM012", "IAM015"};

// On GitHub's scale (low < 4, medium < 7, high < 9, critical): how directly a finding lets a
// request reach a sensitive action without MFA.
std::string_view security_severity(const rules::RuleDoc& rule) {
  if (rule.id.starts_with("MFA")) {
    switch (rule.severity) {
      case Severity::Error: return "8.0";  // a proven path to a sensitive action without MFA
      case Severity::Warning: return "5.0";
      case Severity::Note: return "2.0";
    }
  }
  bool changes_meaning =
      std::find(std::begin(kMeaningChanging), std::end(kMeaningChanging), rule.id) != std::end(kMeaningChanging);
  return changes_meaning ? "5.5" : "3.0";
}

void write_rule(JsonWriter& w, const rules::RuleDoc& rule) {
  w.StartObject();
  field(w, "id", rule.id);
  field(w, "name", rule.name);
  message(w, "shortDescription", rule.title);
  std::string what = rule.section("What it does");
  message(w, "fullDescription", what.empty() ? rule.title : what);
  w.Key("help");
  w.StartObject();
  field(w, "text", rule.body);  // the Markdown source reads well as plain text
  field(w, "markdown", rule.body);
  w.EndObject();
  w.Key("defaultConfiguration");
  w.StartObject();
  field(w, "level", severity_name(rule.severity));
  w.EndObject();
  w.Key("properties");
  w.StartObject();
  field(w, "security-severity", security_severity(rule));
  if (!rule.aws_issue_codes.empty()) {
    w.Key("aws_issue_codes");
    w.StartArray();
    for (const auto& code : rule.aws_issue_codes) text(w, code);
    w.EndArray();
  }
  w.Key("tags");
  w.StartArray();
  text(w, "security");  // GitHub shows security-severity only on rules tagged "security"
  if (rule.id.starts_with("MFA")) {
    text(w, "mfa");
    text(w, "external/cwe/cwe-308");  // Use of Single-factor Authentication
  } else {
    text(w, "policy-grammar");
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

// RFC 3986 path characters pass; everything else is %-encoded, ':' too, so a relative path like
// "a:b.json" is not read as a URI with scheme "a".
std::string percent_encode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~!$&'()*+,;=@/").find(static_cast<char>(c)) != std::string_view::npos;
    out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

struct ArtifactUri {
  std::string uri;
  bool relative = false;  // relative to %SRCROOT%, the working directory
};

// Code scanning wants paths relative to the repository root, and CI runs mfalint there; a path
// outside the working directory can only be an absolute file URI.
ArtifactUri artifact_uri(const std::string& path, const fs::path& cwd) {
  fs::path given(path);
  fs::path absolute = (given.is_absolute() || cwd.empty() ? given : cwd / given).lexically_normal();
  if (cwd.empty() && !given.is_absolute()) return {percent_encode(absolute.generic_string()), true};
  fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return {percent_encode(relative.generic_string()), true};
  return {"file://" + percent_encode(absolute.generic_string()), false};
}

// SARIF regions are 1-based with an exclusive end column, as Location is. A whole-file finding
// (line 0) points at the start of the file; a point location covers one character.
void write_region(JsonWriter& w, const Location& loc) {
  uint32_t start_line = std::max(loc.line, 1u);
  uint32_t start_column = loc.line ? std::max(loc.column, 1u) : 1;
  uint32_t end_line = std::max(loc.end_line, start_line);
  uint32_t end_column = loc.line ? std::max(loc.end_column, 1u) : 1;
  if (loc.line && end_line == start_line && end_column <= start_column) end_column = start_column + 1;
  w.Key("region");
  w.StartObject();
  w.Key("startLine");
  w.Uint(start_line);
  w.Key("startColumn");
  w.Uint(start_column);
  w.Key("endLine");
  w.Uint(end_line);
  w.Key("endColumn");
  w.Uint(end_column);
  w.EndObject();
}

void write_location(JsonWriter& w, const std::string& path, const Location& loc, const fs::path& cwd) {
  ArtifactUri uri = artifact_uri(path, cwd);
  w.StartObject();
  w.Key("physicalLocation");
  w.StartObject();
  w.Key("artifactLocation");
  w.StartObject();
  field(w, "uri", uri.uri);
  if (uri.relative) field(w, "uriBaseId", kSourceRoot);
  w.EndObject();
  write_region(w, loc);
  w.EndObject();
  w.EndObject();
}

void write_result(JsonWriter& w, const Finding& finding, std::string_view fingerprint, const fs::path& cwd) {
  w.StartObject();
  field(w, "ruleId", finding.rule);
  if (const rules::RuleDoc* rule = rules::find_rule(finding.rule)) {
    w.Key("ruleIndex");
    w.Uint(static_cast<unsigned>(rule - rules::all_rules().data()));
  }
  field(w, "level", severity_name(finding.severity));
  // Code scanning shows only the message, so the fix goes with it.
  message(w, "message",
          finding.fix.empty() ? finding.message : fmt::format("{}\nFix: {}", finding.message, finding.fix));
  w.Key("locations");
  w.StartArray();
  write_location(w, finding.file(), finding.loc, cwd);
  w.EndArray();
  w.Key("partialFingerprints");
  w.StartObject();
  field(w, kFingerprintName.data(), fingerprint);
  w.EndObject();
  if (!finding.sid.empty() || !finding.context.empty() || !finding.actions.empty() || !finding.resources.empty() ||
      !finding.not_resources.empty() || !finding.policy_type.empty() || !finding.aws_issue_code.empty()) {
    w.Key("properties");
    w.StartObject();
    if (!finding.sid.empty()) field(w, "sid", finding.sid);
    if (!finding.context.empty()) field(w, "context", finding.context);
    if (!finding.policy_type.empty()) field(w, "policyType", finding.policy_type);
    // Named as Access Analyzer's own output and mfalint's JSON name it, for tools that match on it.
    if (!finding.aws_issue_code.empty()) field(w, "aws_issue_code", finding.aws_issue_code);
    if (!finding.actions.empty()) {
      w.Key("actions");
      w.StartArray();
      finding.actions.for_each_name([&](std::string_view name) { text(w, name); });
      w.EndArray();
    }
    for (auto [key, list] : {std::pair{"resources", &finding.resources}, std::pair{"notResources", &finding.not_resources}}) {
      if (list->empty()) continue;
      w.Key(key);
      w.StartArray();
      for (const auto& resource : *list) text(w, resource);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndObject();
}

// Files that could not be read were not analyzed: SARIF's place for that is a tool execution
// notification, and the run is not successful, as mfalint exits 2.
void write_invocation(JsonWriter& w, const Report& report, const fs::path& cwd) {
  bool all_read =
      std::none_of(report.files.begin(), report.files.end(), [](const FileStatus& f) { return f.error.has_value(); });
  w.StartObject();
  w.Key("executionSuccessful");
  w.Bool(all_read);
  if (!all_read) {
    w.Key("toolExecutionNotifications");
    w.StartArray();
    for (const auto& file : report.files) {
      if (!file.error) continue;
      w.StartObject();
      field(w, "level", "error");
      message(w, "message", fmt::format("{}: {}", file.path, *file.error));
      w.Key("locations");
      w.StartArray();
      write_location(w, file.path, file.error_loc, cwd);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void write_sarif(const Report& report, const ReportOptions& options, std::ostream& out) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  JsonOutputStream stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  field(w, "$schema", kSchema);
  field(w, "version", "2.1.0");
  w.Key("runs");
  w.StartArray();
  w.StartObject();

  w.Key("tool");
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  field(w, "name", "mfalint");
  field(w, "version", MFALINT_VERSION);
  field(w, "semanticVersion", MFALINT_VERSION);
  field(w, "informationUri", kInformationUri);
  w.Key("rules");
  w.StartArray();
  for (const auto& rule : rules::all_rules()) write_rule(w, rule);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  w.Key("invocations");
  w.StartArray();
  write_invocation(w, report, cwd);
  w.EndArray();

  if (!cwd.empty()) {
    w.Key("originalUriBaseIds");
    w.StartObject();
    w.Key(kSourceRoot.data());
    w.StartObject();
    field(w, "uri", "file://" + percent_encode((cwd / "").generic_string()));
    w.EndObject();
    w.EndObject();
  }
  field(w, "columnKind", "unicodeCodePoints");

  w.Key("results");
  w.StartArray();
  auto prints = fingerprints(report.findings);
  w.elements(report.findings.size(), options.jobs,
             [&](JsonWriter& element, size_t i) { write_result(element, report.findings[i], prints[i], cwd); });
  w.EndArray();

  w.EndObject();
  w.EndArray();
  w.EndObject();
  out << "\n";
}

}  // namespace

extern const Reporter kSarifReporter{"sarif", write_sarif, false};

}  // namespace mfalint::report
