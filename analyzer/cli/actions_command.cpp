#include "catalog/catalog.h"
#include "catalog/sensitivity.h"
#include "catalog/text.h"
#include "cli/command.h"
#include "core/json_writer.h"

#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace mfalint::cli {
namespace {

struct ActionsOptions {
  std::vector<std::string> patterns;
  std::string format = "text";
};

// Why a pattern matched nothing, with a suggestion when one is close.
std::string explain_no_match(const std::string& pattern) {
  size_t colon = pattern.find(':');
  if (colon == std::string::npos) {
    return fmt::format("\"{}\" is not an action pattern: write service:Action, e.g. \"{}:*\"", pattern, pattern);
  }
  std::string prefix = pattern.substr(0, colon);
  if (!catalog::has_wildcard(prefix) && !catalog::service_known(prefix)) {
    std::string nearest = catalog::nearest_service(prefix);
    return fmt::format("no service has the prefix \"{}\"{}", prefix,
                       nearest.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", nearest));
  }
  std::string nearest = catalog::nearest_action(pattern);
  return fmt::format("no action matches \"{}\"{}", pattern,
                     nearest.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", nearest));
}

void write_text(const std::vector<catalog::ActionId>& ids) {
  std::string out;
  for (auto id : ids) {
    out += catalog::action_full_name(id);
    out += '\t';
    out += catalog::access_level_name(catalog::action_access_level(id));
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void write_json(const std::vector<catalog::ActionId>& ids) {
  JsonOutputStream stream(std::cout);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartArray();
  for (auto id : ids) {
    w.StartObject();
    write_field(w, "action", catalog::action_full_name(id));
    write_field(w, "service", catalog::action_service(id));
    write_field(w, "name", catalog::action_name(id));
    write_field(w, "access_level", catalog::access_level_name(catalog::action_access_level(id)));
    w.Key("sensitive");
    w.Bool(catalog::is_sensitive(id));
    w.Key("mfa_bootstrap");
    w.Bool(catalog::is_mfa_bootstrap(id));
    w.EndObject();
  }
  w.EndArray();
  std::cout << '\n';
  std::cout.flush();
}

// Prints the union of what the patterns match, in catalog order (service, then action name).
// A pattern that matches nothing is a mistake worth a non-zero status, as grep's: it is named on
// standard error and the status is 1, after whatever the other patterns matched is printed.
int run_actions(const ActionsOptions& options) {
  std::vector<bool> selected(catalog::action_count(), false);
  int status = kExitClean;
  for (const auto& pattern : options.patterns) {
    const auto& matched = catalog::match_actions(pattern);
    if (matched.empty()) {
      fmt::print(stderr, "mfalint: {}\n", explain_no_match(pattern));
      status = kExitFindings;
    }
    for (auto id : matched) selected[id] = true;
  }
  std::vector<catalog::ActionId> ids;
  for (catalog::ActionId id = 0; id < selected.size(); ++id) {
    if (selected[id]) ids.push_back(id);
  }
  if (options.format == "json") {
    write_json(ids);
  } else {
    write_text(ids);
  }
  return status;
}

}  // namespace

Command add_actions_command(CLI::App& root) {
  auto options = std::make_shared<ActionsOptions>();
  CLI::App* app = root.add_subcommand(
      "actions", "List the AWS actions that IAM action patterns match, with their access levels");
  app->add_option("patterns", options->patterns, "Action patterns such as 's3:Get*' (`*` and `?`, any case)")
      ->required();
  app->add_option("--format", options->format, "text: ACTION<TAB>ACCESS LEVEL per line; json: a list of objects")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(fmt::format("Catalog: the AWS Service Authorization Reference, from {}.\n", catalog::catalog_source()));
  return {app, [options] { return run_actions(*options); }};
}

}  // namespace mfalint::cli
