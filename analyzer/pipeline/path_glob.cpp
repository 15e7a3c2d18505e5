#include "pipeline/path_glob.h"

#include "catalog/text.h"

#include <vector>

namespace mfalint::pipeline {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    auto slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && segment != ".") out.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// Wildcard matching one level up: `**` is the star over whole segments, and a segment of the
// glob matches one of the path with IAM's `*`/`?` (which never meet a `/` inside a segment).
bool match_segments(const std::vector<std::string_view>& glob, const std::vector<std::string_view>& path) {
  size_t g = 0, p = 0, star = glob.size(), mark = 0;
  while (p < path.size()) {
    if (g < glob.size() && glob[g] == "**") {
      star = g++;
      mark = p;
    } else if (g < glob.size() && catalog::glob_matches(glob[g], path[p], false)) {
      ++g;
      ++p;
    } else if (star != glob.size()) {
      g = star + 1;
      p = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == "**") ++g;
  return g == glob.size();
}

}  // namespace

bool path_glob_matches(std::string_view glob, std::string_view path) {
  return match_segments(segments(glob), segments(path));
}

bool path_glob_covers(std::string_view glob, std::string_view path) {
  auto pattern = segments(glob);
  auto parts = segments(path);
  for (size_t n = 1; n <= parts.size(); ++n) {
    if (match_segments(pattern, {parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n)})) return true;
  }
  return false;
}

}  // namespace mfalint::pipeline
