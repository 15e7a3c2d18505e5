#include "input/load.h"

#include "checks/check.h"
#include "input/adapters.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace mfalint::input {
namespace fs = std::filesystem;

namespace {

// Every JSON input adapter, most specific first.
const JsonAdapter* const kAdapters[] = {
    &kPolicyVersionAdapter,
    &kInlinePolicyAdapter,
    &kPolicyDocumentAdapter,  // last: accepts anything
};

bool wanted_file(const fs::path& path) { return path.extension() == ".json"; }

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<LoadedFile>& missing) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || fs::is_regular_file(path, ec)) {
      files.push_back(path);
      continue;
    }
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && wanted_file(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
      if (!ec) continue;
    }
    LoadedFile file;
    file.path = path;
    fail(file, ec && fs::exists(path) ? fmt::format("cannot read: {}", ec.message()) : "no such file or directory",
         std::nullopt);
    missing.push_back(std::move(file));
  }
  return files;
}

LoadedFile load_text(std::string path, std::string text) {
  LoadedFile file;
  file.path = path;
  file.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  const std::string& content = file.source->text();
  if (content.empty()) {
    fail(file, "empty file: expected a JSON policy", std::nullopt);
    return file;
  }
  if (auto nul = content.find('\0'); nul != std::string::npos) {
    fail(file, "binary file: expected a JSON policy", static_cast<uint32_t>(nul));
    return file;
  }
  auto parsed = parse_json(content);
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return file;
  }
  for (const JsonAdapter* adapter : kAdapters) {
    if (adapter->detect(*parsed.root)) {
      adapter->load(*parsed.root, file);
      break;
    }
  }
  for (const auto& policy : file.policies) checks::run_checks(policy, file.findings);
  return file;
}

LoadedFile load_file(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return load_text("<stdin>", std::move(text));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadedFile file;
    file.path = path;
    fail(file, "cannot open file", std::nullopt);
    return file;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_text(path, std::move(buffer).str());
}

}  // namespace mfalint::input
