#pragma once
// Turns paths the user gives into policies: reads files (a directory recursively, `-` for stdin),
// detects each file's format from its content, and hands it to the matching input adapter.

#include "core/finding.h"
#include "core/location.h"
#include "model/policy.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::input {

// What the user says about policies whose input does not say it (`--policy-type`, `--resource-type`).
struct PolicyType {
  std::optional<model::PolicyKind> kind;
  std::string resource_type;  // "AWS::S3::Bucket": applies to resource policies
};

struct LoadedFile {
  std::shared_ptr<const SourceFile> source;  // null when the file could not be read at all
  std::string path;
  PolicyType given_type;
  std::vector<model::Policy> policies;
  Findings findings;  // grammar findings found while building the model
  // Set when the file could not be read or parsed (empty, not JSON, not UTF-8, binary):
  // the file is then reported with status "error" and the run exits 2.
  std::optional<std::string> error;
  Location error_loc;  // line 0 when the error has no position
};

// Expands directories (recursively, sorted: `.json` files, Terraform's `.tf` and `.tf.json`, and
// `.yaml`, `.yml`, `.template` files that look like CloudFormation templates), keeps files and `-`
// as given.
// A path that does not exist becomes a LoadedFile with an error.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<LoadedFile>& missing);

// Larger inputs are reported and not read: no policy set is that big, and a stray log, a dump of
// /dev/urandom or a file still being written must not stall the run or exhaust memory.
inline constexpr uint64_t kDefaultMaxFileBytes = 16 * 1024 * 1024;

// An account dump is one file for a whole account: a large account's runs to tens of MiB.
inline constexpr uint64_t kDefaultMaxDumpBytes = 256 * 1024 * 1024;

// The bytes of `path` (`-`: standard input, named "<stdin>"), read up to `max_bytes` so an endless
// or growing input stops there. A file that cannot be opened or is larger comes back as `failure`.
struct FileText {
  std::string name;
  std::string text;
  std::optional<LoadedFile> failure;
};
FileText read_file_text(const std::string& path, uint64_t max_bytes);

// Reads `path` and hands its text to `read(name, text)`; a file that cannot be read gives a
// `Loaded` whose `file` says why. For inputs that are more than a LoadedFile (an account dump,
// an organization).
template <class Loaded, class Read>
Loaded read_file_with(const std::string& path, uint64_t max_bytes, Read read) {
  FileText text = read_file_text(path, max_bytes);
  if (text.failure) {
    Loaded loaded;
    loaded.file = std::move(*text.failure);
    return loaded;
  }
  return read(std::move(text.name), std::move(text.text));
}

LoadedFile load_file(const std::string& path, uint64_t max_bytes = kDefaultMaxFileBytes, const PolicyType& given = {});
LoadedFile load_text(std::string path, std::string text, const PolicyType& given = {});

}  // namespace mfalint::input
