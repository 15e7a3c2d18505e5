#pragma once
// Loading only reads a file into policies (and its own grammar findings); judging each policy on its
// own, with every registered check, is the pipeline's. Whatever reports a file's findings loads it
// through here.

#include "input/load.h"

#include <cstdint>
#include <string>

namespace mfalint::pipeline {

// Runs every check on each policy of `file`, appending to its findings.
void run_checks(input::LoadedFile& file);

input::LoadedFile load_checked(const std::string& path, uint64_t max_bytes = input::kDefaultMaxFileBytes,
                               const input::PolicyType& given = {});
input::LoadedFile load_text_checked(std::string path, std::string text, const input::PolicyType& given = {});

}  // namespace mfalint::pipeline
