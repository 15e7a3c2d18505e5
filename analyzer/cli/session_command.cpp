// `mfalint session`, `mfalint exec` and `mfalint totp`: MFA session credentials from STS, handed to
// the AWS CLI and SDKs as a profile, credential_process JSON, shell exports, or a command's environment.

#include "pipeline/check_files.h"
#include "analysis/mfa_reach.h"
#include "pipeline/session_windows.h"
#include "cli/command.h"
#include "session/aws_config.h"
#include "session/exec.h"
#include "session/mfa_code.h"
#include "session/output.h"
#include "session/session.h"
#include "session/time_format.h"
#include "session/totp.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

extern char** environ;

namespace mfalint::cli {
namespace {

namespace ss = mfalint::session;

struct SessionArgs {
  std::optional<std::string> profile;
  std::optional<std::string> serial_number;
  std::optional<std::string> token_code;
  std::optional<std::string> totp_secret_file;
  std::optional<int> duration;
  std::optional<std::string> target_profile;
  std::optional<std::string> region;
  std::optional<std::string> endpoint_url;
  double timeout_seconds = 15;
  std::optional<std::string> check;  // a policy file: what of it the session can use, and until when
  bool force = false;
  bool credential_process = false;  // session only
  bool env = false;                 // session only
  std::vector<std::string> command;  // exec only
};

std::chrono::sys_seconds now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

void add_session_options(CLI::App* app, SessionArgs& args) {
  app->add_option("--profile", args.profile, "Profile with the long-term key (default: AWS_PROFILE, else default)");
  app->add_option("--serial-number", args.serial_number, "ARN of the MFA device (default: mfa_serial of the profile)");
  auto* code = app->add_option("--token-code", args.token_code, "The 6-digit code the MFA device shows");
  auto* seed = app->add_option("--totp-secret-file", args.totp_secret_file,
                               "File with the base32 seed of a virtual MFA device, to compute the code");
  code->excludes(seed);
  app->add_option("--duration", args.duration, "Session length in seconds (default 43200; 3600 for a role)");
  app->add_option("--target-profile", args.target_profile, "Profile the session is written to (default: NAME-mfa)");
  app->add_option("--region", args.region, "Region of the STS endpoint");
  app->add_option("--endpoint-url", args.endpoint_url, "STS endpoint (default: https://sts.REGION.amazonaws.com)");
  app->add_option("--timeout", args.timeout_seconds, "Seconds to wait for STS on each attempt (default 15)")
      ->check(CLI::Range(0.1, 600.0));
  app->add_flag("--force", args.force, "Get a new session even if the stored one is valid for 5 more minutes");
  app->add_option("--check", args.check,
                  "Policy file or folder: say which of its sensitive actions the session can use, and until when");
}

ss::SessionFlags flags_of(const SessionArgs& args) {
  return {args.profile, args.serial_number, args.duration, args.target_profile, args.region, args.endpoint_url};
}

std::function<std::string()> code_source(const SessionArgs& args, const std::string& serial_number) {
  if (args.token_code) return [code = *args.token_code] { return ss::checked_token_code(code); };
  if (args.totp_secret_file) {
    return [file = *args.totp_secret_file] { return ss::token_code_from_seed_file(file, now()); };
  }
  return [serial_number] { return ss::token_code_from_terminal(serial_number); };
}

ss::ObtainOptions obtain_options(const SessionArgs& args, const ss::Plan& plan) {
  ss::ObtainOptions options;
  options.force = args.force;
  options.token_code = code_source(args, plan.serial_number);
  options.timeouts.total = std::chrono::milliseconds(static_cast<long>(args.timeout_seconds * 1000));
  options.timeouts.connect = std::min(options.timeouts.total, std::chrono::milliseconds(5000));
  return options;
}

// The MFA table of the --check policy, every file of it read and judged like `mfalint check` does.
std::vector<analysis::MfaRow> rows_to_check(const std::string& path) {
  const pipeline::CheckFilesOptions as_check_judges;
  report::Report report = pipeline::check_files({path}, as_check_judges);
  for (const auto& file : report.files) {
    if (!file.error) continue;
    throw std::runtime_error(file.error_loc.line ? fmt::format("--check {}:{}:{}: {}", file.path, file.error_loc.line,
                                                               file.error_loc.column, *file.error)
                                                 : fmt::format("--check {}: {}", file.path, *file.error));
  }
  return report.mfa_rows;
}

struct Obtained {
  std::vector<analysis::MfaRow> rows_to_check;  // empty without --check
  ss::Plan plan;
  ss::SessionStore store;
  ss::SessionOutcome outcome;
};

// Everything a bad flag or file can break is checked before the first network call: a typo in the
// --check policy costs no MFA code.
Obtained obtain(const SessionArgs& args, const ss::Environment& environment, bool in_cache) {
  if (args.token_code) ss::checked_token_code(*args.token_code);
  Obtained obtained;
  if (args.check) obtained.rows_to_check = rows_to_check(*args.check);
  obtained.plan = ss::resolve_plan(flags_of(args), environment, now());
  obtained.store = in_cache ? ss::cache_store(obtained.plan, environment) : ss::profile_store(obtained.plan);
  obtained.outcome = ss::obtain_session(obtained.plan, obtained.store, obtain_options(args, obtained.plan));
  return obtained;
}

std::string expiry_line(const ss::SessionCredentials& credentials) {
  return fmt::format("expires {}, in {}", ss::local_and_utc(credentials.expiration),
                     ss::span(credentials.expiration - now()));
}

void print_summary(std::FILE* out, const Obtained& obtained) {
  const auto& outcome = obtained.outcome;
  const auto& plan = obtained.plan;
  if (!outcome.note.empty()) fmt::print(out, "mfalint: note: {}\n", outcome.note);
  if (outcome.reused) {
    fmt::print(out, "[{}] of {} already holds an MFA session ({}); using it (--force gets a new one)\n  {}\n",
               obtained.store.section, obtained.store.file.string(), ss::mask(outcome.credentials.access_key_id),
               expiry_line(outcome.credentials));
    return;
  }
  fmt::print(out, "MFA session ({}) for profile {} (key {}) written to [{}] of {}\n",
             ss::mask(outcome.credentials.access_key_id), plan.profile, ss::mask(plan.key.id), obtained.store.section,
             obtained.store.file.string());
  if (!outcome.assumed_role_arn.empty()) fmt::print(out, "  acting as {}\n", outcome.assumed_role_arn);
  fmt::print(out, "  {}\n", expiry_line(outcome.credentials));
  if (outcome.authenticated_at && !outcome.assumed_role_arn.empty()) {
    fmt::print(out, "  MFA code accepted at {}: it let the AssumeRole call through (the role's trust policy)\n",
               ss::local_and_utc(*outcome.authenticated_at));
  } else if (outcome.authenticated_at) {
    fmt::print(out, "  MFA authenticated at {}: aws:MultiFactorAuthAge conditions count from then\n",
               ss::local_and_utc(*outcome.authenticated_at));
  }
}

// AWS, "Configuring MFA-protected API access": "The temporary credentials returned by AssumeRole do
// not include MFA information in the context". docs/evaluation.md ("Role sessions and MFA").
constexpr const char* kRoleSessionNote =
    "this is a role session: AWS documents that the credentials AssumeRole returns carry no MFA information, so the "
    "MFA code protected the AssumeRole call (what the role's trust policy requires) and the MFA conditions of the "
    "role's own policies do not see it; `mfalint audit` judges a role the same way. Practice is reported to differ "
    "(such sessions seen with aws:MultiFactorAuthPresent); the windows below hold only if AWS sets the MFA keys "
    "for this session";

std::string without_mfa_kinds(const analysis::MfaRow& row) {
  const bool keys = row.long_term_keys.allowed, sessions = row.session_without_mfa.allowed;
  return std::string(analysis::credentials_without_mfa(keys, sessions));
}

// The row's file is named only when --check named a folder.
std::string where(const analysis::MfaRow& row, const std::string& checked) {
  std::string place = row.subject == checked ? "" : row.subject;
  if (!row.context.empty()) place += (place.empty() ? "" : ", ") + row.context;
  return place.empty() ? "" : " (" + place + ")";
}

void print_row(const pipeline::RowInSession& in_session, std::chrono::sys_seconds authenticated_at,
               const std::string& checked) {
  const analysis::MfaRow& row = in_session.row;
  fmt::print(stderr, "  {} on {}{}\n", row.actions, row.resource, where(row, checked));
  for (const auto& period : in_session.periods) {
    fmt::print(stderr, "    from  {}\n", ss::local_and_utc(period.from));
    if (period.until_expiration) {
      fmt::print(stderr, "    until the session expires, {}\n", ss::local_and_utc(period.until));
    } else {
      fmt::print(stderr, "    until {}: {} after the code{}\n", ss::local_and_utc(period.until),
                 ss::span(period.until - authenticated_at), period.until <= now() ? " (over)" : "");
    }
  }
  if (in_session.periods.empty()) {
    fmt::print(stderr, "    not usable: {}\n",
               row.mfa_ages.empty() ? "no MFA session gets it"
                                    : fmt::format("its MFA window ({}) opens after the session expires", row.mfa_window));
  }
  if (in_session.without_mfa) {
    fmt::print(stderr, "    reachable without MFA: {} get it too, so this session is not what protects it\n",
               without_mfa_kinds(row));
  }
}

// --check, on stderr (stdout may be credential_process JSON or export lines): when each row of the
// policy's MFA table works with this session, and a warning when a shorter session would do.
void print_check(const SessionArgs& args, const Obtained& obtained) {
  if (!args.check) return;
  std::fflush(stdout);  // the summary, when it went to stdout, comes first
  const auto& outcome = obtained.outcome;
  if (!outcome.authenticated_at) {
    fmt::print(stderr,
               "mfalint: note: --check {}: the stored session does not say when its MFA code was accepted (another "
               "tool or an older mfalint stored it), so its MFA windows cannot be placed; --force gets a new one\n",
               *args.check);
    return;
  }
  const auto windows =
      pipeline::session_windows(obtained.rows_to_check, *outcome.authenticated_at, outcome.credentials.expiration);
  if (!outcome.assumed_role_arn.empty()) fmt::print(stderr, "mfalint: note: --check {}: {}\n", *args.check, kRoleSessionNote);
  fmt::print(stderr, "{}: what this session can use (MFA code accepted {}):\n", *args.check,
             ss::local_and_utc(*outcome.authenticated_at));
  if (windows.rows.empty()) fmt::print(stderr, "  no sensitive action\n");
  for (const auto& row : windows.rows) print_row(row, *outcome.authenticated_at, *args.check);
  if (windows.overlong) {
    const auto suggested = std::max<int64_t>(ss::kMinDuration, windows.overlong->last_window.count());
    fmt::print(stderr,
               "mfalint: warning: the session lasts {} but every MFA-protected action in {} stops working {} after "
               "the code: consider --duration {}{}\n",
               ss::span(windows.overlong->length), *args.check, ss::span(windows.overlong->last_window), suggested,
               suggested == ss::kMinDuration ? " (the shortest STS allows)" : "");
  }
}

int run_session(const SessionArgs& args) {
  const auto environment = ss::Environment::of_process();
  const Obtained obtained = obtain(args, environment, args.credential_process || args.env);
  if (args.credential_process) {
    fmt::print("{}", ss::credential_process_json(obtained.outcome.credentials));
  } else if (args.env) {
    print_summary(stderr, obtained);
    fmt::print("{}", ss::env_exports(obtained.outcome.credentials));
  } else {
    print_summary(stdout, obtained);
    fmt::print("  use it: aws --profile {} ...   or   export AWS_PROFILE={}\n", obtained.store.section,
               obtained.store.section);
  }
  print_check(args, obtained);
  return kExitClean;
}

int run_exec(const SessionArgs& args) {
  const auto environment = ss::Environment::of_process();
  const Obtained obtained = obtain(args, environment, false);
  if (!obtained.outcome.reused) print_summary(stderr, obtained);
  print_check(args, obtained);
  std::vector<std::string> base;
  for (char** entry = environ; *entry; ++entry) base.emplace_back(*entry);
  return ss::run_command(args.command,
                         ss::session_environment(base, obtained.outcome.credentials, obtained.plan.region));
}

struct TotpArgs {
  std::string secret;
  std::optional<long long> time;
  int digits = 6;
};

int run_totp(const TotpArgs& args) {
  auto key = ss::base32_decode(args.secret);
  if (!key) {
    fmt::print(stderr, "mfalint: error: --secret is not base32 (letters A-Z and digits 2-7)\n");
    return kExitError;
  }
  fmt::print("{}\n", ss::totp(*key, args.time.value_or(now().time_since_epoch().count()), args.digits));
  return kExitClean;
}

}  // namespace

Command add_session_command(CLI::App& root) {
  auto args = std::make_shared<SessionArgs>();
  CLI::App* app = root.add_subcommand("session", "Get an MFA session from AWS STS and store it in a profile");
  add_session_options(app, *args);
  auto* process = app->add_flag("--credential-process", args->credential_process,
                                "Print credential_process JSON (session cached in ~/.aws/mfalint)");
  auto* env = app->add_flag("--env", args->env, "Print export lines for a shell (session cached in ~/.aws/mfalint)");
  process->excludes(env);
  return {app, [args] { return run_session(*args); }};
}

Command add_exec_command(CLI::App& root) {
  auto args = std::make_shared<SessionArgs>();
  CLI::App* app = root.add_subcommand("exec", "Run a command with an MFA session in its environment");
  add_session_options(app, *args);
  app->add_option("command", args->command, "The command and its arguments, after --")->required();
  app->footer("Example: mfalint exec --profile work -- aws s3 ls");
  return {app, [args] { return run_exec(*args); }};
}

Command add_totp_command(CLI::App& root) {
  auto args = std::make_shared<TotpArgs>();
  CLI::App* app = root.add_subcommand("totp", "Print the RFC 6238 code of a base32 TOTP seed");
  app->add_option("--secret", args->secret, "Base32 seed of the virtual MFA device")->required();
  app->add_option("--time", args->time, "Unix time to compute the code for (default: now)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--digits", args->digits, "Code length")->check(CLI::IsMember({6, 8}));
  return {app, [args] { return run_totp(*args); }};
}

}  // namespace mfalint::cli
