#pragma once
// What a run found, for every reporter: the files it read (and which it could not) and the findings.
// A new output format is one new file with a `Reporter` and one line in reporters.cpp.

#include "core/finding.h"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mfalint::report {

struct FileStatus {
  std::string path;
  std::optional<std::string> error;  // set when the file could not be read or parsed
  Location error_loc;
};

// One line of the MFA table: which credential kinds reach an action pattern on a resource.
struct MfaRow {
  std::string subject;  // the file, or the principal in an account audit
  std::string context;  // where in the subject: a policy name, a logical resource
  std::string actions;  // the action pattern as written, with how many sensitive actions it covers
  std::string resource;
  std::string long_term_keys;       // "Allowed", "ExplicitDeny", "ImplicitDeny"
  std::string session_without_mfa;  // same
  std::string mfa_window;           // "[0, 599]" seconds, "always", "never", ...
  bool is_protected = false;        // neither non-MFA kind is allowed, and an MFA session is
  // The same window as numbers: closed intervals of MFA ages in seconds, `to` INT64_MAX when unbounded.
  std::vector<std::pair<int64_t, int64_t>> mfa_ages;
};

// A finding the project's config accepts, kept so reports can say so and why.
struct Suppressed {
  Finding finding;
  std::string reason;
};

struct Report {
  std::vector<FileStatus> files;  // files read; in an account audit, the principals judged
  Findings findings;
  std::vector<MfaRow> mfa_rows;
  std::vector<Suppressed> suppressed;  // not in `findings`, and not counted for the exit status
};

struct ReportOptions {
  bool color = false;
};

struct Reporter {
  std::string_view format;  // the --format name
  void (*write)(const Report& report, const ReportOptions& options, std::ostream& out);
};

std::span<const Reporter> all_reporters();
const Reporter* find_reporter(std::string_view format);

// Counts by severity, for summaries.
struct Tally {
  size_t notes = 0, warnings = 0, errors = 0;
};
Tally tally(const Findings& findings);

}  // namespace mfalint::report
