#include "core/json_writer.h"
#include "report/report.h"
#include "report/summary.h"

#include <cstdint>
#include <limits>
#include <ostream>

namespace mfalint::report {
namespace {

void string_list(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const auto& value : values) w.string(value);
  w.EndArray();
}

void write_finding_fields(JsonWriter& w, const Finding& f) {
  write_field(w, "rule", f.rule);
  write_field(w, "severity", severity_name(f.severity));
  write_field(w, "file", f.file());
  w.Key("line");
  w.Uint(f.loc.line);
  w.Key("column");
  w.Uint(f.loc.column);
  w.Key("end_line");
  w.Uint(f.loc.end_line);
  w.Key("end_column");
  w.Uint(f.loc.end_column);
  write_field(w, "message", f.message);
  if (f.statement) {
    w.Key("statement");
    w.Uint(*f.statement);
  }
  if (!f.sid.empty()) write_field(w, "sid", f.sid);
  if (!f.actions.empty()) {
    w.Key("actions");
    w.StartArray();
    f.actions.for_each_name([&](std::string_view name) { w.string(name); });
    w.EndArray();
  }
  if (!f.resources.empty()) string_list(w, "resources", f.resources);
  if (!f.not_resources.empty()) string_list(w, "not_resources", f.not_resources);
  if (!f.fix.empty()) write_field(w, "fix", f.fix);
  if (!f.context.empty()) write_field(w, "context", f.context);
  if (!f.policy_type.empty()) write_field(w, "policy_type", f.policy_type);
  if (!f.aws_issue_code.empty()) write_field(w, "aws_issue_code", f.aws_issue_code);
}

void write_finding(JsonWriter& w, const Finding& f) {
  w.StartObject();
  write_finding_fields(w, f);
  w.EndObject();
}

void write_suppressed(JsonWriter& w, const Suppressed& suppressed) {
  w.StartObject();
  write_finding_fields(w, suppressed.finding);
  write_field(w, "reason", suppressed.reason);
  w.EndObject();
}

void write_row(JsonWriter& w, const analysis::MfaRow& row) {
  w.StartObject();
  write_field(w, "where", row.context);
  write_field(w, "actions", row.actions);
  write_field(w, "resource", row.resource);
  write_field(w, "long_term_keys", row.long_term_keys.describe());
  write_field(w, "session_without_mfa", row.session_without_mfa.describe());
  write_field(w, "mfa_window", row.mfa_window);
  w.Key("mfa_ages");
  w.StartArray();
  for (const auto& [from, to] : row.mfa_ages) {
    w.StartArray();
    w.Int64(from);
    if (to == std::numeric_limits<int64_t>::max()) {
      w.Null();  // unbounded
    } else {
      w.Int64(to);
    }
    w.EndArray();
  }
  w.EndArray();
  w.Key("protected");
  w.Bool(row.is_protected);
  w.EndObject();
}

void write_principal(JsonWriter& w, const Subject& subject) {
  const PrincipalStatus& principal = *subject.principal;
  w.StartObject();
  write_field(w, "type", principal.type);
  write_field(w, "name", principal.name);
  write_field(w, "arn", principal.arn);
  w.Key("policies");
  w.Uint64(principal.policies);
  if (!principal.permissions_boundary.empty()) write_field(w, "permissions_boundary", principal.permissions_boundary);
  w.Key("unprotected_sensitive_actions");
  w.Uint64(principal.unprotected_sensitive_actions);
  w.Key("protected_sensitive_actions");
  w.Uint64(principal.protected_sensitive_actions);
  write_field(w, "reached_by", reached_by_name(principal.reached_by));
  w.Key("findings");
  w.StartArray();
  for (const Finding* finding : subject.findings) write_finding(w, *finding);
  w.EndArray();
  w.Key("suppressed");
  w.StartArray();
  for (const Suppressed* suppressed : subject.suppressed) write_suppressed(w, *suppressed);
  w.EndArray();
  w.Key("mfa_table");
  w.StartArray();
  for (const analysis::MfaRow* row : subject.rows) write_row(w, *row);
  w.EndArray();
  w.EndObject();
}

// Principals judged, those people use, and those of them reaching a sensitive action without MFA:
// the same keys for an account and for the whole audit.
void write_principal_counts(JsonWriter& w, size_t principals, size_t people, size_t exposed) {
  w.Key("principals");
  w.Uint64(principals);
  w.Key("people_reachable_principals");
  w.Uint64(people);
  w.Key("principals_with_unprotected_sensitive_actions");
  w.Uint64(exposed);
}

// An audit of several accounts: each account's counts and levels.
void write_accounts(JsonWriter& w, const std::vector<AccountStatus>& accounts) {
  w.Key("accounts");
  w.StartArray();
  for (const auto& account : accounts) {
    w.StartObject();
    write_field(w, "id", account.id);
    write_field(w, "dump", account.dump);
    w.Key("levels");
    w.StartArray();
    for (const auto& level : account.levels) w.string(level);
    w.EndArray();
    write_principal_counts(w, account.principals, account.people_principals, account.exposed_principals);
    w.EndObject();
  }
  w.EndArray();
}

// An account audit: the findings go with their principals; the top-level lists keep only what
// belongs to none (why the dump could not be read).
void write_principals(JsonWriter& w, const Summary& summary) {
  w.Key("principals");
  w.StartArray();
  for (const auto& subject : summary.subjects) {
    if (subject.principal) write_principal(w, subject);
  }
  w.EndArray();
  w.Key("findings");
  w.StartArray();
  for (const auto& subject : summary.subjects) {
    if (subject.principal) continue;
    for (const Finding* finding : subject.findings) write_finding(w, *finding);
  }
  w.EndArray();
  w.Key("suppressed");
  w.StartArray();
  for (const auto& subject : summary.subjects) {
    if (subject.principal) continue;
    for (const Suppressed* suppressed : subject.suppressed) write_suppressed(w, *suppressed);
  }
  w.EndArray();
}

void write_json(const Report& report, const ReportOptions& options, std::ostream& out) {
  JsonOutputStream stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("version");
  w.Uint(1);
  w.Key("tool");
  w.StartObject();
  write_field(w, "name", "mfalint");
  write_field(w, "version", MFALINT_VERSION);
  w.EndObject();
  w.Key("files");
  w.StartArray();
  for (const auto& file : report.files) {
    w.StartObject();
    write_field(w, "path", file.path);
    write_field(w, "status", file.error ? "error" : "analyzed");
    if (file.error) {
      write_field(w, "error", *file.error);
      if (file.error_loc.line) {
        w.Key("line");
        w.Uint(file.error_loc.line);
        w.Key("column");
        w.Uint(file.error_loc.column);
      }
    }
    w.EndObject();
  }
  w.EndArray();
  bool audit = report.subject_kind == SubjectKind::Principal;
  Summary summary = audit ? summarize(report) : Summary{};
  if (audit) {
    write_principals(w, summary);
    if (!report.accounts.empty()) write_accounts(w, report.accounts);
  } else {
    w.Key("findings");
    w.StartArray();
    w.elements(report.findings.size(), options.jobs,
               [&](JsonWriter& element, size_t i) { write_finding(element, report.findings[i]); });
    w.EndArray();
    w.Key("suppressed");
    w.StartArray();
    for (const auto& suppressed : report.suppressed) write_suppressed(w, suppressed);
    w.EndArray();
  }
  Tally counts = tally(report.findings);
  w.Key("summary");
  w.StartObject();
  w.Key("errors");
  w.Uint64(counts.errors);
  w.Key("warnings");
  w.Uint64(counts.warnings);
  w.Key("notes");
  w.Uint64(counts.notes);
  if (audit) {
    write_principal_counts(w, report.principals.size(), summary.people_principals, summary.exposed_principals);
    w.Key("distinct_unprotected_sensitive_actions");
    w.Uint64(summary.distinct_unprotected_actions);
    w.Key("service_only_roles");
    w.Uint64(summary.service_roles.size());
    w.Key("federated_only_roles");
    w.Uint64(summary.federated_roles.size());
  }
  w.EndObject();
  w.EndObject();
  out << "\n";
}

}  // namespace

extern const Reporter kJsonReporter{"json", write_json, false};

}  // namespace mfalint::report
