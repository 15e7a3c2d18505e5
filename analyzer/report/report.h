#pragma once
// What a run found, for every reporter: the files it read (and which it could not), or in an account
// audit the principals it judged, and the findings.
// A new output format is one new file with a `Reporter` and one line in reporters.cpp.

#include "analysis/mfa_row.h"
#include "core/finding.h"

#include <cstdint>
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

// A finding the project's config accepts, kept so reports can say so and why.
struct Suppressed {
  Finding finding;
  std::string reason;
};

// What a report is about, one section each: the files checked, or the principals of an account audit.
enum class SubjectKind : uint8_t { File, Principal };

// Who can use a principal's permissions. MFA concerns people only: a role that only AWS services
// assume is listed apart, and one that only identity providers assume leaves MFA to the provider.
enum class ReachedBy : uint8_t { People, Services, IdentityProviders };
std::string_view reached_by_name(ReachedBy reached_by);  // "people", "AWS services", "identity providers"

// A principal judged in an account audit (`mfalint audit`): one policy set.
struct PrincipalStatus {
  // "user/alice": how its findings' context (summary.h: principal_context) and its MFA rows' subject name it.
  std::string subject;
  std::string type;  // "user", "group", "role"
  std::string name;
  std::string arn;
  size_t policies = 0;  // identity policies judged together (a user's groups' included)
  std::string permissions_boundary;  // the boundary's ARN; empty when it has none
  // Distinct sensitive actions reachable without MFA, and reachable only with MFA.
  size_t unprotected_sensitive_actions = 0;
  size_t protected_sensitive_actions = 0;
  ReachedBy reached_by = ReachedBy::People;

  bool used_by_people() const { return reached_by == ReachedBy::People; }
  // What the audit counts against the account: used by people, and reaching a sensitive action without MFA.
  bool exposed() const { return used_by_people() && unprotected_sensitive_actions != 0; }
};

// An account of an audit of several (`mfalint audit DUMP...`, `--org`): its principals' subjects
// start with its id ("111122223333/user/alice"), so each account is one run of sections.
struct AccountStatus {
  std::string id;    // from the dump's ARNs; empty when none names an account
  std::string dump;  // the dump's path
  std::vector<std::string> levels;  // the organization's levels that govern it, root first
  size_t principals = 0;
  size_t people_principals = 0;   // those people use (roles only services or identity providers assume aside)
  size_t exposed_principals = 0;  // of those, the ones reaching a sensitive action without MFA
};

struct Report {
  SubjectKind subject_kind = SubjectKind::File;
  std::vector<FileStatus> files;  // files read; in an account audit, the dump
  std::vector<PrincipalStatus> principals;  // in an account audit, every principal judged, in dump order
  std::vector<AccountStatus> accounts;  // in an audit of several accounts, one per dump, in the order given
  Findings findings;
  std::vector<analysis::MfaRow> mfa_rows;
  std::vector<Suppressed> suppressed;  // not in `findings`, and not counted for the exit status
  // In an account audit: the sensitive actions some principal that people use reaches without
  // MFA, ascending and distinct, across every account of the report.
  std::vector<catalog::ActionId> people_unprotected_actions;
};

struct ReportOptions {
  bool color = false;
  bool explain = false;  // text: each file's MFA table after its findings (the audit formats always have it)
  unsigned jobs = 1;     // threads a reporter may render with; the text is the same for any number
};

struct Reporter {
  std::string_view format;  // the --format name
  void (*write)(const Report& report, const ReportOptions& options, std::ostream& out);
  // Whether it shows the MFA table, or counts its rows, even without `explain`. When it does not,
  // `check` skips building the table: a row for every Allow of every file is much of the memory
  // of a large run.
  bool uses_mfa_rows;
};

std::span<const Reporter> all_reporters();
const Reporter* find_reporter(std::string_view format);

// Counts by severity, for summaries.
struct Tally {
  size_t notes = 0, warnings = 0, errors = 0;
};
Tally tally(const Findings& findings);

}  // namespace mfalint::report
