#pragma once
// Where the six-digit code comes from: the command line, a virtual MFA device's seed in a file (for
// machines with nobody at the keyboard), or the person at the terminal.

#include <chrono>
#include <filesystem>
#include <string>

namespace mfalint::session {

// The code itself, or a usage error when it is not exactly six digits.
std::string checked_token_code(const std::string& code);

// The TOTP code of the base32 seed in `file` at `now`.
std::string token_code_from_seed_file(const std::filesystem::path& file, std::chrono::sys_seconds now);

// Asks on the controlling terminal (not standard input, which may be a pipe); with no terminal, an
// error that says how to pass the code instead.
std::string token_code_from_terminal(const std::string& serial_number);

}  // namespace mfalint::session
