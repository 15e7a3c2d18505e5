#include "cli/command.h"

namespace mfalint::cli {

// The one place that lists every subcommand, in the order `mfalint --help` shows them.
std::vector<Command> add_all_commands(CLI::App& root) {
  return {
      add_check_command(root),
      add_audit_command(root),
      add_rules_command(root),
      add_actions_command(root),
      add_simulate_command(root),
      add_session_command(root),
      add_exec_command(root),
      add_totp_command(root),
  };
}

}  // namespace mfalint::cli
