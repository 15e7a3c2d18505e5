#include "report/fingerprint.h"

#include <fmt/core.h>

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <unordered_map>

namespace mfalint::report {
namespace {

// FNV-1a, 64 bits: stable across runs and platforms, which std::hash is not.
uint64_t fnv1a(std::string_view text, uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// "(first at line 12)" -> "(first at line #)": positions move, the finding does not.
std::string without_line_numbers(std::string_view message) {
  std::string out;
  for (size_t i = 0; i < message.size(); ++i) {
    out.push_back(message[i]);
    if (message.substr(i).starts_with("line ")) {
      out.append("ine ");
      i += 5;
      while (i < message.size() && std::isdigit(static_cast<unsigned char>(message[i]))) ++i;
      out.push_back('#');
      --i;
    }
  }
  return out;
}

}  // namespace

std::string finding_key(const Finding& finding) {
  uint64_t hash = fnv1a(finding.rule);
  // `./a.json` and `a.json` are one file: a baseline written one way must hold when run the other.
  const std::string file = std::filesystem::path(finding.file()).lexically_normal().generic_string();
  for (std::string_view part : {std::string_view(file), std::string_view(finding.context),
                                std::string_view(finding.sid)}) {
    hash = fnv1a("\x1f", fnv1a(part, hash));
  }
  finding.actions.for_each_name([&](std::string_view action) { hash = fnv1a("\x1e", fnv1a(action, hash)); });
  for (const auto& resource : finding.resources) hash = fnv1a("\x1d", fnv1a(resource, hash));
  for (const auto& resource : finding.not_resources) hash = fnv1a("\x1c", fnv1a(resource, hash));
  hash = fnv1a(without_line_numbers(finding.message), hash);
  return fmt::format("{:016x}", hash);
}

std::vector<std::string> fingerprints(const Findings& findings) {
  std::vector<std::string> out;
  std::unordered_map<std::string, int> seen;
  out.reserve(findings.size());
  for (const auto& finding : findings) {
    std::string key = finding_key(finding);
    out.push_back(fmt::format("{}:{}", key, ++seen[key]));
  }
  return out;
}

}  // namespace mfalint::report
