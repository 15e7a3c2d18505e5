#pragma once
// File globs, as `.mfalint.yaml` writes them for excludes and suppressions: `*` and `?` stay
// within one path segment, a `**` segment spans any number of segments (none included).

#include <string_view>

namespace mfalint::pipeline {

// Whether `glob` matches all of `path` ("policies/**/*.json" matches "policies/a/b.json").
// Both use `/` between segments; a leading "./" or "/" and a trailing "/" on the glob are ignored.
bool path_glob_matches(std::string_view glob, std::string_view path);

// Whether `glob` matches `path` or one of the directories it is in, so "vendor" or
// "**/cdk.out" also covers the files below them.
bool path_glob_covers(std::string_view glob, std::string_view path);

}  // namespace mfalint::pipeline
