#include "catalog/catalog.h"
#include "cli/command.h"

#include <fmt/core.h>

#include <exception>
#include <string>

int main(int argc, char** argv) {
  using namespace mfalint::cli;
  CLI::App app{"mfalint: proves which sensitive AWS actions a request can reach without MFA", "mfalint"};
  // MFALINT_VERSION comes from project(VERSION) in CMakeLists.txt, the one place it is written.
  app.set_version_flag("--version", fmt::format("mfalint {} (catalog: {})", MFALINT_VERSION, mfalint::catalog::catalog_source()));
  app.require_subcommand(1);
  auto commands = add_commands(app, argc > 1 ? argv[1] : "");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) {
      try {
        return command.run();
      } catch (const std::exception& e) {
        fmt::print(stderr, "mfalint: error: {}\n", e.what());
        return kExitError;
      }
    }
  }
  return kExitError;
}
