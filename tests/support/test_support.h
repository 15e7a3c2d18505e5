#pragma once
// Helpers shared by the test binaries: load a policy from text, pick findings, run the binary.

#include "pipeline/checked_load.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace mfalint::testing {

inline input::LoadedFile load(const std::string& json) { return pipeline::load_text_checked("policy.json", json); }

// `json` judged as a policy of `kind` (as `check --policy-type`), attached to `resource_type`.
inline input::LoadedFile load_as(model::PolicyKind kind, const std::string& json, const std::string& resource_type = "") {
  return pipeline::load_text_checked("policy.json", json, input::PolicyType{kind, resource_type});
}

// The Access Analyzer issue codes of the findings of `rule`, in order.
inline std::vector<std::string> codes_of(const Findings& findings, const std::string& rule) {
  std::vector<std::string> codes;
  for (const auto& finding : findings) {
    if (finding.rule == rule) codes.emplace_back(finding.aws_issue_code);
  }
  return codes;
}

// The rule ids of the findings, in order.
inline std::vector<std::string> rules_of(const Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& finding : findings) ids.push_back(finding.rule);
  return ids;
}

inline std::vector<Finding> with_rule(const Findings& findings, const std::string& rule) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& finding) { return finding.rule == rule; });
  return out;
}

// "line:column fix" of each finding of `rule`: where it points and the change it proposes.
inline std::vector<std::string> placed_fixes(const input::LoadedFile& file, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& finding : with_rule(file.findings, rule)) {
    out.push_back(std::to_string(finding.loc.line) + ":" + std::to_string(finding.loc.column) + " " +
                  (finding.fix.empty() ? "(no fix)" : finding.fix));
  }
  return out;
}

// A policy with one statement, for checks that only care about the statement.
inline std::string policy_with(const std::string& statement) {
  return R"({"Version": "2012-10-17", "Statement": [)" + statement + "]}";
}

// A policy with one Allow of `action` on every resource under `condition`, a Condition object's
// JSON, for checks that only care about the condition.
inline std::string policy_with_condition(const std::string& condition, const std::string& action = "s3:GetObject") {
  return policy_with(R"({"Effect": "Allow", "Action": ")" + action + R"(", "Resource": "*", "Condition": )" + condition +
                     "}");
}

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs a shell command from the source tree and captures what it prints.
inline RunResult run_shell(const std::string& command, const std::string& dir = MFALINT_SOURCE_DIR) {
  auto temp = std::filesystem::temp_directory_path() / ("mfalint-run-" + std::to_string(getpid()));
  std::filesystem::create_directories(temp);
  std::string full = "cd '" + dir + "' && { " + command + " ; } >'" + (temp / "out").string() + "' 2>'" +
                     (temp / "err").string() + "'";
  int raw = std::system(full.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_all(temp / "out");
  result.err = read_all(temp / "err");
  std::filesystem::remove_all(temp);
  return result;
}

// `text` as one shell word.
inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// tests/support/missing_tool.sh's verdict on a test tool that cannot be had: exit 1 under CI=true,
// 77 elsewhere, with the banner it printed in `err`.
inline RunResult missing_tool(const std::string& what) {
  return run_shell("bash tests/support/missing_tool.sh " + shell_quote(what));
}

// Ends the current test (or the helper it is called from) because a tool it needs is missing:
// a failure under CI=true, a loud skip elsewhere (tests/support/missing_tool.sh decides).
#define MFALINT_MISSING_TOOL(what)                                          \
  do {                                                                      \
    auto verdict_ = ::mfalint::testing::missing_tool(what);                 \
    if (verdict_.status == 77) GTEST_SKIP() << "\n" << verdict_.err;        \
    FAIL() << "\n" << verdict_.err;                                         \
  } while (0)

// Runs the built mfalint with `args` (shell syntax: quoting and redirections work).
inline RunResult run_mfalint(const std::string& args, const std::string& dir = MFALINT_SOURCE_DIR) {
  return run_shell(std::string("'") + MFALINT_BINARY + "' " + args, dir);
}

// A scratch directory named after the running test, removed at its end.
struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("mfalint-" + std::to_string(getpid()) + "-" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    auto file = path / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
};

}  // namespace mfalint::testing
