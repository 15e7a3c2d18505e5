#include "pipeline/checked_load.h"

#include "checks/check.h"

namespace mfalint::pipeline {

void run_checks(input::LoadedFile& file) {
  for (const auto& policy : file.policies) checks::run_checks(policy, file.findings);
}

input::LoadedFile load_checked(const std::string& path, uint64_t max_bytes, const input::PolicyType& given) {
  input::LoadedFile file = input::load_file(path, max_bytes, given);
  run_checks(file);
  return file;
}

input::LoadedFile load_text_checked(std::string path, std::string text, const input::PolicyType& given) {
  input::LoadedFile file = input::load_text(std::move(path), std::move(text), given);
  run_checks(file);
  return file;
}

}  // namespace mfalint::pipeline
