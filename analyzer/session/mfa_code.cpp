#include "session/mfa_code.h"

#include "session/error.h"
#include "session/locked_file.h"
#include "session/totp.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

namespace mfalint::session {

std::string checked_token_code(const std::string& code) {
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c); })) {
    throw Error("the MFA code must be the 6 digits your MFA device shows");
  }
  return code;
}

std::string token_code_from_seed_file(const std::filesystem::path& file, std::chrono::sys_seconds now) {
  auto text = read_file(file);
  if (!text) throw Error(fmt::format("no TOTP seed file at {}", file.string()));
  auto key = base32_decode(*text);
  if (!key) throw Error(fmt::format("{} does not hold a base32 TOTP seed (a virtual MFA device's secret)", file.string()));
  return totp(*key, now.time_since_epoch().count(), 6);
}

std::string token_code_from_terminal(const std::string& serial_number) {
  std::unique_ptr<FILE, decltype(&std::fclose)> tty(std::fopen("/dev/tty", "r+"), std::fclose);
  if (!tty) {
    throw Error("no terminal to ask for the MFA code: pass --token-code CODE or --totp-secret-file FILE");
  }
  std::fprintf(tty.get(), "MFA code for %s: ", serial_number.c_str());
  std::fflush(tty.get());
  char line[64];
  if (!std::fgets(line, sizeof line, tty.get())) throw Error("no MFA code was entered");
  std::string code(line);
  while (!code.empty() && std::isspace(static_cast<unsigned char>(code.back()))) code.pop_back();
  return checked_token_code(code);
}

}  // namespace mfalint::session
