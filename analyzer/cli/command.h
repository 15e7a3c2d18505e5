#pragma once
// How a subcommand plugs into the `mfalint` executable: it declares its options on a CLI11
// subcommand and returns the function that runs it. Every command is listed in commands.cpp.

#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>
#include <vector>

namespace mfalint::cli {

enum ExitCode : int {
  kExitClean = 0,     // nothing at or above the failure threshold
  kExitFindings = 1,  // findings at or above the threshold
  kExitError = 2,     // usage error, or an input that could not be read or parsed
};

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the process exit status
};

// Each add_*_command declares a subcommand of `root`; the options it binds live as long as the process.
Command add_check_command(CLI::App& root);
Command add_audit_command(CLI::App& root);
Command add_rules_command(CLI::App& root);
Command add_actions_command(CLI::App& root);
Command add_simulate_command(CLI::App& root);
Command add_session_command(CLI::App& root);
Command add_exec_command(CLI::App& root);
Command add_totp_command(CLI::App& root);

// Every subcommand, or only the one `first_argument` names (argv[1]), which is all a run needs.
std::vector<Command> add_commands(CLI::App& root, std::string_view first_argument);

}  // namespace mfalint::cli
