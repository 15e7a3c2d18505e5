#pragma once
// Helpers for the reporter tests: build a Report from texts, render it through the registry, parse
// XML with expat, and find the tools a test checks output with.

#include "pipeline/checked_load.h"
#include "report/report.h"
#include "support/test_support.h"

#include <expat.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace mfalint::testing {

// A Report of (path, text) pairs, as `mfalint check` builds it from files, without the files.
inline report::Report report_of(const std::vector<std::pair<std::string, std::string>>& files) {
  report::Report report;
  for (const auto& [path, text] : files) {
    auto loaded = pipeline::load_text_checked(path, text);
    report.files.push_back(report::FileStatus{loaded.path, loaded.error, loaded.error_loc});
    for (auto& finding : loaded.findings) report.findings.push_back(std::move(finding));
  }
  return report;
}

// `report` in `format`, through the registry as `mfalint check --format` renders it.
inline std::string render(const report::Report& report, std::string_view format) {
  const report::Reporter* reporter = report::find_reporter(format);
  if (!reporter) {
    ADD_FAILURE() << "no reporter " << format;
    return {};
  }
  std::ostringstream out;
  reporter->write(report, {}, out);
  return out.str();
}

// A finding made by hand, for what no check produces yet (odd characters, any rule).
inline Finding finding_in(std::shared_ptr<const SourceFile> source, std::string rule, std::string message,
                          uint32_t line = 1, uint32_t column = 1) {
  Finding finding;
  finding.rule = std::move(rule);
  finding.severity = Severity::Error;
  finding.source = std::move(source);
  finding.loc = Location{0, 0, line, column, line, column + 1};
  finding.message = std::move(message);
  return finding;
}

// The files `mfalint check samples/` reads: policies (.json) and Terraform source (.tf), at any depth.
inline std::vector<std::filesystem::path> sample_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(MFALINT_SOURCE_DIR "/samples")) {
    if (entry.path().extension() == ".json" || entry.path().extension() == ".tf") files.push_back(entry.path());
  }
  return files;
}

// What samples/README.md promises `mfalint check samples/` reports: samples/expected-findings.txt.
struct SampleFindings {
  size_t findings = 0;
  std::set<std::string> rules;
  std::map<std::string, size_t> per_file;  // the files with findings, and how many
};
inline SampleFindings expected_sample_findings() {
  SampleFindings expected;
  std::istringstream lines(read_all(MFALINT_SOURCE_DIR "/samples/expected-findings.txt"));
  for (std::string line; std::getline(lines, line);) {  // "samples/x.json:4:67: IAM001"
    if (line.empty()) continue;
    ++expected.findings;
    ++expected.per_file[line.substr(0, line.find(':'))];
    expected.rules.insert(line.substr(line.rfind(' ') + 1));
  }
  return expected;
}

// A report with what no check produces yet: MFA rows, a suppressed finding, and text full of
// Markdown and HTML syntax.
inline report::Report audit_report() {
  auto report = report_of(
      {{"policies/a_b.json", policy_with(R"({"Sid": "Ops*", "Effect": "allow", "Action": "s3:*", "Resource": "*"})")},
       {"policies/clean.json", policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})")},
       {"policies/empty.json", ""}});
  // The Sid holds Markdown syntax on purpose; that IAM refuses such a Sid (IAM039) is not this report's point.
  std::erase_if(report.findings, [](const Finding& finding) { return finding.rule == "IAM039"; });
  auto source = report.findings.front().source;
  report.findings.push_back(
      finding_in(source, "IAM009", "odd *text* with _under_ | pipe, `tick` and <script>alert(1)</script>", 2, 3));
  report.findings.back().fix = "remove **it** & retry";
  report.mfa_rows.push_back({"policies/a_b.json", "Ops*", "s3:Get*|List* (12 sensitive)", "arn:aws:s3:::b`k/*",
                             {true, {}}, {true, {}}, "never", false, {}});
  report.mfa_rows.push_back(
      {"policies/a_b.json", "Ops*", "iam:*", "*", {false, {}}, {false, {.scp = true}}, "[0, 3599]", true, {{0, 3599}}});
  report.suppressed.push_back(
      {finding_in(source, "IAM010", "accepted finding", 1, 2), "legacy <policy> & kept until \"Q3\""});
  return report;
}

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;        // character data directly inside, all pieces joined
  std::string inner_text;  // all character data inside, children's too, in document order
  std::vector<XmlElement> children;

  // Every element called `wanted` in this subtree, in document order.
  std::vector<const XmlElement*> all(const std::string& wanted) const {
    std::vector<const XmlElement*> found;
    if (name == wanted) found.push_back(this);
    for (const auto& child : children) {
      auto below = child.all(wanted);
      found.insert(found.end(), below.begin(), below.end());
    }
    return found;
  }
};

// Parses `xml` with expat, the strict XML parser CI systems' JUnit readers are built on; on a
// well-formedness error, returns nullopt and says where in `error`.
inline std::optional<XmlElement> parse_xml(const std::string& xml, std::string& error) {
  struct State {
    XmlElement root;
    std::vector<XmlElement*> open;
  } state;
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                                       XML_ParserFree);
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& s = *static_cast<State*>(data);
        XmlElement element{name, {}, {}, {}, {}};
        for (size_t i = 0; attributes[i]; i += 2) element.attributes[attributes[i]] = attributes[i + 1];
        if (s.open.empty()) {
          s.root = std::move(element);
          s.open.push_back(&s.root);
        } else {
          s.open.back()->children.push_back(std::move(element));
          s.open.push_back(&s.open.back()->children.back());
        }
      },
      [](void* data, const XML_Char*) { static_cast<State*>(data)->open.pop_back(); });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
    auto& s = *static_cast<State*>(data);
    if (s.open.empty()) return;
    s.open.back()->text.append(text, static_cast<size_t>(length));
    for (XmlElement* element : s.open) element->inner_text.append(text, static_cast<size_t>(length));
  });
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) {
    error = std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " at line " +
            std::to_string(XML_GetCurrentLineNumber(parser.get())) + ", column " +
            std::to_string(XML_GetCurrentColumnNumber(parser.get()));
    return std::nullopt;
  }
  return std::move(state.root);
}


}  // namespace mfalint::testing
