#include "input/load.h"

#include "input/adapters.h"
#include "input/cloudformation.h"
#include "input/terraform_source.h"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace mfalint::input {
namespace fs = std::filesystem;

namespace {

// Every JSON input adapter, most specific first.
const JsonAdapter* const kAdapters[] = {
    &kCloudFormationAdapter,
    &kTerraformPlanAdapter,
    &kAccountDumpAdapter,
    &kPolicyVersionAdapter,
    &kInlinePolicyAdapter,
    &kOrganizationPolicyAdapter,
    &kPolicyDocumentAdapter,  // last: accepts anything
};

bool yaml_extension(const fs::path& path) {
  auto extension = path.extension();
  return extension == ".yaml" || extension == ".yml" || extension == ".template";
}

char first_visible(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto at = text.find_first_not_of(" \t\r\n");
  return at == std::string_view::npos ? '\0' : text[at];
}

// A YAML name, unless the content is JSON (a JSON template saved as .template); and text without
// a name (stdin) that cannot be JSON but reads like a template.
bool reads_as_yaml(const fs::path& path, const std::string& text) {
  char first = first_visible(text);
  if (yaml_extension(path)) return first != '{' || !parse_json(text).root;
  return path.extension() != ".json" && first != '{' && first != '[' && first != '"' &&
         looks_like_cloudformation(text);
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// In a directory, YAML is taken only when it looks like a template: a repository's workflows and
// compose files are none of mfalint's business and must not fail the run. Terraform's own
// `.terraform/` holds downloaded modules, which are not the repository's to fix.
bool wanted_file(const fs::path& path) {
  if (is_terraform_source(path.string())) return path.string().find("/.terraform/") == std::string::npos;
  if (path.extension() == ".json") return true;
  return yaml_extension(path) && looks_like_cloudformation(read_bytes(path));
}

// The JSON path: parse, then the first adapter that recognises the document. False when the file
// failed to parse.
bool load_json(LoadedFile& file) {
  auto parsed = parse_json(file.source->text());
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return false;
  }
  for (const JsonAdapter* adapter : kAdapters) {
    if (adapter->detect(*parsed.root)) {
      adapter->load(*parsed.root, file);
      break;
    }
  }
  return true;
}

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
    std::error_code ignored;  // a symlink loop exists, and cannot be followed: say why
    bool present = fs::exists(fs::symlink_status(path, ignored));
    fail(file, ec && present ? fmt::format("cannot read: {}", ec.message()) : "no such file or directory", std::nullopt);
    missing.push_back(std::move(file));
  }
  return files;
}

LoadedFile load_text(std::string path, std::string text, const PolicyType& given) {
  LoadedFile file;
  file.path = path;
  file.given_type = given;
  file.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  const std::string& content = file.source->text();
  if (is_terraform_source(file.path)) {
    load_terraform_source(file, read_module_siblings(file.path));
    return file;
  }
  bool yaml = reads_as_yaml(file.path, content);
  if (yaml && !looks_like_cloudformation(content)) return file;  // YAML that is no template holds no policy
  if (content.empty()) {
    fail(file, "empty file: expected a JSON policy", std::nullopt);
    return file;
  }
  if (auto nul = content.find('\0'); nul != std::string::npos) {
    fail(file, "binary file: expected a JSON policy", static_cast<uint32_t>(nul));
    return file;
  }
  if (yaml) {
    load_cloudformation_yaml(file);
  } else if (!load_json(file)) {
    return file;
  }
  return file;
}

FileText read_file_text(const std::string& path, uint64_t max_bytes) {
  FileText read{path == "-" ? "<stdin>" : path, {}, std::nullopt};
  auto failed = [&](std::string message) {
    LoadedFile file;
    file.path = read.name;
    fail(file, std::move(message), std::nullopt);
    read.failure = std::move(file);
    read.text.clear();
    return std::move(read);
  };
  // open and read into a buffer the thread keeps: std::ifstream allocated a FILE and a buffer for
  // every file and copied each byte through a chunk, a sixth of a large run's samples. (No fstat
  // for the size: a system call per file costs more than copying a typical policy once.)
  const bool from_stdin = path == "-";
  const int fd = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return failed("cannot open file");
  thread_local std::string buffer;
  const uint64_t most = max_bytes + 1;  // one byte over the limit tells a file over it
  size_t used = 0;
  int error = 0;
  while (used < most) {
    if (used == buffer.size()) buffer.resize(std::min<uint64_t>(std::max<size_t>(buffer.size() * 2, 1 << 12), most));
    ssize_t count = ::read(fd, buffer.data() + used, buffer.size() - used);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) error = errno;
    if (count <= 0) break;
    used += static_cast<size_t>(count);
  }
  if (!from_stdin) ::close(fd);
  if (used <= max_bytes) read.text.assign(buffer.data(), used);
  if (buffer.size() > (1 << 20)) {  // a large file's room is not kept
    buffer.clear();
    buffer.shrink_to_fit();
  }
  if (error) return failed(fmt::format("cannot read: {}", std::generic_category().message(error)));
  if (used > max_bytes) {
    return failed(fmt::format("larger than {} bytes, the limit (--max-file-size): not read", max_bytes));
  }
  return read;
}

LoadedFile load_file(const std::string& path, uint64_t max_bytes, const PolicyType& given) {
  FileText read = read_file_text(path, max_bytes);
  if (read.failure) return std::move(*read.failure);
  return load_text(std::move(read.name), std::move(read.text), given);
}

}  // namespace mfalint::input
