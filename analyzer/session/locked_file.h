#pragma once
// Read-modify-write of a small file that other processes (another `mfalint session`, the AWS CLI)
// read and write too: under an exclusive flock, replaced atomically, so a reader sees the old file or
// the new one and a concurrent writer's change is never lost.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace mfalint::session {

// Runs `edit` on the current text (empty when the file does not exist yet) while holding the lock,
// then puts its result in place: temporary file in the same folder, mode 0600, fsync, rename, fsync
// of the folder. When `edit` throws, or anything fails, the file is left exactly as it was. A symbolic
// link is followed, so the file it points to is replaced and the link kept.
void edit_locked(const std::filesystem::path& path,
                 const std::function<std::string(const std::string& current)>& edit);

// The whole file, or nothing when it does not exist; other failures throw.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace mfalint::session
