#include "cli/command.h"

namespace mfalint::cli {
namespace {

struct Entry {
  std::string_view name;  // as its add_*_command names the subcommand
  Command (*add)(CLI::App& root);
};

// The one place that lists every subcommand, in the order `mfalint --help` shows them.
constexpr Entry kCommands[] = {
    {"check", add_check_command},       {"audit", add_audit_command},     {"rules", add_rules_command},
    {"actions", add_actions_command},   {"simulate", add_simulate_command}, {"session", add_session_command},
    {"exec", add_exec_command},         {"totp", add_totp_command},
};

}  // namespace

std::vector<Command> add_commands(CLI::App& root, std::string_view first_argument) {
  // Declaring every subcommand's options costs more than the rest of a `check` of one small
  // policy (the pre-commit case, bench/README.md): when the first argument names a subcommand,
  // only that one is declared.
  for (const auto& entry : kCommands) {
    if (entry.name == first_argument) return {entry.add(root)};
  }
  std::vector<Command> all;
  for (const auto& entry : kCommands) all.push_back(entry.add(root));
  return all;
}

}  // namespace mfalint::cli
