#include "analysis/mfa_matrix.h"
#include "analysis/mfa_reach.h"
#include "cli/command.h"
#include "core/json_writer.h"
#include "eval/decision.h"
#include "pipeline/checked_load.h"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::cli {
namespace {

struct SimulateOptions {
  std::vector<std::string> policies;
  std::string resource_policy;
  std::string boundary;
  std::vector<std::string> scps;
  std::string action;
  std::string resource;
  std::string principal;
  std::vector<std::string> context;
  std::string format = "text";
  bool mfa_matrix = false;
};

// Every file the request is evaluated against; LoadedFile owns the policies the set points into.
struct Inputs {
  std::vector<input::LoadedFile> files;
  eval::PolicySet set;
};

std::string where(const input::LoadedFile& file, const Location& loc) {
  if (loc.line == 0) return file.path;
  return fmt::format("{}:{}:{}", file.path, loc.line, loc.column);
}

// Loads `path`, or says why not: the request cannot be evaluated against a file that did not parse.
std::optional<eval::PolicyList> load(Inputs& inputs, const std::string& path) {
  input::LoadedFile file = pipeline::load_checked(path);
  if (file.error) {
    fmt::print(stderr, "mfalint: error: {}: {}\n", where(file, file.error_loc), *file.error);
    return std::nullopt;
  }
  for (const auto& finding : file.findings) {
    // Grammar errors do not stop the evaluation, but the user should know what was read.
    if (finding.severity == Severity::Error && finding.rule.starts_with("IAM")) {
      fmt::print(stderr, "mfalint: warning: {}: {} [{}]\n", where(file, finding.loc), finding.message, finding.rule);
    }
  }
  // A file that holds no policy (an array, a number, a template without policies) would make the
  // request look as if nothing were given, and the explanations that name a policy point at none.
  if (file.policies.empty()) {
    fmt::print(stderr, "mfalint: error: {}: no policy in this file\n", path);
    return std::nullopt;
  }
  inputs.files.push_back(std::move(file));
  eval::PolicyList list;
  for (const auto& policy : inputs.files.back().policies) list.push_back(&policy);
  return list;
}

std::optional<eval::Request> build_request(const SimulateOptions& options) {
  eval::Request request{options.action, options.resource, options.principal, {}};
  for (const auto& pair : options.context) {
    size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "mfalint: error: --context {}: expected KEY=VALUE\n", pair);
      return std::nullopt;
    }
    request.context.add(std::string_view(pair).substr(0, eq), pair.substr(eq + 1));
  }
  return request;
}

std::string file_of(const model::Policy& policy) { return policy.source ? policy.source->path() : std::string(); }

// The explanation of a role or key request made without the resource's policy.
std::string own_policy_absent(eval::OwnPolicy own) {
  return fmt::format("no {} given: AWS requires the {} itself to allow this request, even within one account; "
                     "pass it with --resource-policy FILE",
                     eval::own_policy_name(own), own == eval::OwnPolicy::RoleTrust ? "role's trust policy" : "key policy");
}

std::string guard_decided(eval::Guard guard) { return fmt::format("decided by AWS's guard: {}", eval::guard_reason(guard)); }

std::string reason(const eval::Result& result, const eval::PolicySet& set, const eval::Request& request) {
  switch (result.missing) {
    case eval::Missing::Nothing:
      return result.guard == eval::Guard::None ? "" : guard_decided(result.guard);
    case eval::Missing::Allow:
      return fmt::format("no Allow statement applies to {} on {}", request.action, request.resource);
    case eval::Missing::CrossAccountAllow:
      return "cross-account request: both an identity policy and the resource policy must allow it";
    case eval::Missing::BoundaryAllow:
      return fmt::format("the permissions boundary {} does not allow it", file_of(*set.boundaries[result.group].front()));
    case eval::Missing::ScpAllow:
      return fmt::format("the SCP {} does not allow it", file_of(*set.scps[result.group].front()));
    case eval::Missing::OwnPolicyAbsent: return own_policy_absent(result.own_policy);
    case eval::Missing::OwnPolicyAllow:
      return fmt::format("the {} {} allows this caller nothing here: it must allow the request itself (naming the "
                         "account only delegates to the identity policies, and its conditions must still hold)",
                         eval::own_policy_name(result.own_policy), file_of(*set.resource.front()));
    case eval::Missing::Guarded: return guard_decided(result.guard);
  }
  return "";
}

void write_text(const eval::Result& result, const std::string& why) {
  fmt::print("{}", eval::decision_name(result.decision));
  if (!why.empty()) fmt::print(": {}", why);
  fmt::print("\n");
  for (const auto& decisive : result.statements) {
    const model::Statement& st = *decisive.statement;
    std::string sid = st.sid ? fmt::format(" (Sid \"{}\")", st.sid->value) : "";
    fmt::print("  {}:{}:{}  {} statement {}{}: {}\n", file_of(*decisive.policy), st.loc.line, st.loc.column,
               eval::policy_type_name(decisive.type), st.index, sid,
               *st.effect == model::Effect::Allow ? "Allow" : "Deny");
  }
}

void write_request(JsonWriter& w, const eval::Request& request) {
  w.Key("request");
  w.StartObject();
  w.Key("action");
  w.string(request.action);
  w.Key("resource");
  w.string(request.resource);
  if (!request.principal.empty()) {
    w.Key("principal");
    w.string(request.principal);
  }
  w.Key("context");
  w.StartObject();
  for (const auto& entry : request.context.entries()) {
    w.Key(entry.key.data(), static_cast<rapidjson::SizeType>(entry.key.size()));
    w.StartArray();
    for (const auto& value : entry.values) w.string(value);
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
}

void write_json(const eval::Result& result, const std::string& why, const eval::Request& request) {
  JsonOutputStream stream(std::cout);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("decision");
  w.string(eval::decision_name(result.decision));
  w.Key("statements");
  w.StartArray();
  for (const auto& decisive : result.statements) {
    const model::Statement& st = *decisive.statement;
    w.StartObject();
    w.Key("file");
    w.string(file_of(*decisive.policy));
    w.Key("policy_type");
    w.string(eval::policy_type_name(decisive.type));
    w.Key("statement");
    w.Uint(st.index);
    w.Key("sid");
    if (st.sid) w.string(st.sid->value); else w.Null();
    w.Key("effect");
    w.string(*st.effect == model::Effect::Allow ? "Allow" : "Deny");
    w.Key("line");
    w.Uint(st.loc.line);
    w.EndObject();
  }
  w.EndArray();
  if (!why.empty()) {
    w.Key("reason");
    w.string(why);
  }
  write_request(w, request);
  w.EndObject();
  stream.Flush();
  std::cout << '\n';
}

// "0-599 s", "600 s", "300 s or older": one interval of MFA ages.
std::string ages_text(const analysis::AgeSet::Interval& ages) {
  if (ages.to == analysis::AgeSet::kUnbounded) return fmt::format("{} s or older", ages.from);
  if (ages.from == ages.to) return fmt::format("{} s", ages.from);
  return fmt::format("{}-{} s", ages.from, ages.to);
}

// "10 minutes", "hour", "2 hours", "90 s": what follows "the first".
std::string duration_text(int64_t seconds) {
  auto unit = [](int64_t n, const char* name) { return n == 1 ? std::string(name) : fmt::format("{} {}s", n, name); };
  if (seconds % 3600 == 0) return unit(seconds / 3600, "hour");
  if (seconds % 60 == 0) return unit(seconds / 60, "minute");
  return fmt::format("{} s", seconds);
}

std::string mfa_session_text(const analysis::AgeSet& ages) {
  if (ages.empty()) return "not allowed at any MFA age";
  if (ages.is_all()) return "Allowed at any MFA age";
  std::string out = "Allowed for MFA ages ";
  for (size_t i = 0; i < ages.intervals().size(); ++i) out += (i ? ", " : "") + ages_text(ages.intervals()[i]);
  const auto& first = ages.intervals().front();
  if (ages.intervals().size() == 1 && first.from == 0) {
    out += fmt::format(" (the first {} after sign-in)", duration_text(first.to + 1));
  }
  return out;
}

std::string protected_text(const analysis::MfaMatrix& matrix) {
  if (matrix.is_protected) return "yes";
  bool long_term = matrix.long_term_keys == eval::Decision::Allowed;
  bool no_mfa = matrix.session_without_mfa == eval::Decision::Allowed;
  if (long_term || no_mfa) {
    return fmt::format("no: allowed without MFA to {}", analysis::credentials_without_mfa(long_term, no_mfa));
  }
  return "no: not allowed even with MFA";
}

void write_matrix_text(const analysis::MfaMatrix& matrix, const eval::Request& request) {
  fmt::print("{} on {}{}\n", request.action, request.resource,
             request.principal.empty() ? "" : fmt::format(" by {}", request.principal));
  fmt::print("  {:<24}{}\n", "long-term access keys", eval::decision_name(matrix.long_term_keys));
  fmt::print("  {:<24}{}\n", "session without MFA", eval::decision_name(matrix.session_without_mfa));
  fmt::print("  {:<24}{}\n", "MFA session", mfa_session_text(matrix.allowed_mfa_ages));
  if (matrix.exact_through) {
    fmt::print("  (a condition on the MFA age has no interval form: ages computed one by one up to {} s, older ones not shown)\n",
               *matrix.exact_through);
  }
  fmt::print("protected: {}\n", protected_text(matrix));
}

void write_matrix_json(const analysis::MfaMatrix& matrix, const eval::Request& request) {
  JsonOutputStream stream(std::cout);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  // Intervals print on one line each, as [from, to]; that is what readers of the matrix scan for.
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  w.Key("mfa_matrix");
  w.StartObject();
  w.Key("long_term_keys");
  w.string(eval::decision_name(matrix.long_term_keys));
  w.Key("session_without_mfa");
  w.string(eval::decision_name(matrix.session_without_mfa));
  w.Key("allowed_mfa_ages");
  w.StartArray();
  for (const auto& ages : matrix.allowed_mfa_ages.intervals()) {
    w.StartArray();
    w.Int64(ages.from);
    if (ages.to == analysis::AgeSet::kUnbounded) w.Null(); else w.Int64(ages.to);
    w.EndArray();
  }
  w.EndArray();
  w.Key("protected");
  w.Bool(matrix.is_protected);
  if (matrix.exact_through) {
    w.Key("exact_through");
    w.Int64(*matrix.exact_through);
  }
  w.EndObject();
  write_request(w, request);
  w.EndObject();
  stream.Flush();
  std::cout << '\n';
}

// The matrix sets the MFA keys itself, per kind of credentials; the user's values for them go.
void drop_mfa_keys(eval::Request& request) {
  std::vector<std::string> dropped;
  for (const auto& entry : request.context.entries()) {
    if (analysis::is_mfa_present_key(entry.key) || analysis::is_mfa_age_key(entry.key)) dropped.push_back(entry.key);
  }
  for (const auto& key : dropped) {
    fmt::print(stderr, "mfalint: warning: --context {}: ignored with --mfa-matrix, which sets the MFA keys for each kind of credentials\n", key);
    request.context.erase(key);
  }
}

int run_simulate(const SimulateOptions& options) {
  if (options.policies.empty() && options.resource_policy.empty()) {
    fmt::print(stderr, "mfalint: error: simulate needs --policy FILE or --resource-policy FILE\n");
    return kExitError;
  }
  if (!options.resource_policy.empty() && options.principal.empty()) {
    fmt::print(stderr, "mfalint: error: --resource-policy needs --principal: a resource policy names who it lets in\n");
    return kExitError;
  }
  auto request = build_request(options);
  if (!request) return kExitError;
  Inputs inputs;
  // Policies point into `inputs.files`: reserve so that adding a file moves none of them.
  inputs.files.reserve(options.policies.size() + options.scps.size() + 2);
  for (const auto& path : options.policies) {
    auto list = load(inputs, path);
    if (!list) return kExitError;
    inputs.set.identity.insert(inputs.set.identity.end(), list->begin(), list->end());
  }
  if (!options.resource_policy.empty()) {
    auto list = load(inputs, options.resource_policy);
    if (!list) return kExitError;
    inputs.set.resource = *list;
  }
  if (!options.boundary.empty()) {
    auto list = load(inputs, options.boundary);
    if (!list) return kExitError;
    inputs.set.boundaries.push_back(*list);
  }
  for (const auto& path : options.scps) {
    auto list = load(inputs, path);
    if (!list) return kExitError;
    inputs.set.scps.push_back(*list);
  }
  if (options.mfa_matrix) {
    drop_mfa_keys(*request);
    eval::OwnPolicy own = eval::own_policy_required(*request);
    if (own != eval::OwnPolicy::None && inputs.set.resource.empty()) {
      fmt::print(stderr, "mfalint: note: {}\n", own_policy_absent(own));
    }
    if (eval::Guard guard = eval::guard_for(*request); guard != eval::Guard::None) {
      fmt::print(stderr, "mfalint: note: {}\n", guard_decided(guard));
    }
    analysis::MfaMatrix matrix = analysis::mfa_matrix(inputs.set, *request);
    if (options.format == "json") {
      write_matrix_json(matrix, *request);
    } else {
      write_matrix_text(matrix, *request);
    }
    return kExitClean;
  }
  eval::Result result = eval::evaluate(inputs.set, *request);
  std::string why = reason(result, inputs.set, *request);
  if (options.format == "json") {
    write_json(result, why, *request);
  } else {
    write_text(result, why);
  }
  return kExitClean;
}

}  // namespace

Command add_simulate_command(CLI::App& root) {
  auto options = std::make_shared<SimulateOptions>();
  CLI::App* app = root.add_subcommand("simulate", "Evaluate one request against policies, as AWS would, offline");
  app->add_option("--policy", options->policies, "Identity policy file (repeatable)");
  app->add_option("--resource-policy", options->resource_policy, "The resource's policy file");
  app->add_option("--boundary", options->boundary, "Permissions boundary policy file");
  app->add_option("--scp", options->scps, "Service control policy file, one per organization level (repeatable)");
  app->add_option("--action", options->action, "The action, e.g. s3:GetObject")->required();
  app->add_option("--resource", options->resource, "The resource ARN, or *")->required();
  app->add_option("--principal", options->principal, "The caller's ARN (needed with --resource-policy)");
  app->add_option("--context", options->context, "Request context KEY=VALUE; a key given several times is multivalued");
  app->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  app->add_flag("--mfa-matrix", options->mfa_matrix,
                "Decide the request for long-term access keys, a session without MFA and an MFA session at every MFA age");
  return {app, [options] { return run_simulate(*options); }};
}

}  // namespace mfalint::cli
