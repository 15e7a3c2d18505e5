#include "session/locked_file.h"

#include "session/error.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace mfalint::session {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw Error(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string read_all(int fd, const fs::path& path) {
  std::string text;
  char buffer[8192];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read", path);
    if (n == 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

void write_all(int fd, const std::string& text, const fs::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write", path);
    done += static_cast<std::size_t>(n);
  }
}

// Opens and locks the file that `path` names now. A writer that held the lock before us has renamed a
// new file over the one we locked, so the lock is only good when it is still the file at `path`.
Fd lock(const fs::path& path) {
  for (;;) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0) fail("cannot open", path);
    while (::flock(fd.get(), LOCK_EX) != 0) {
      if (errno != EINTR) fail("cannot lock", path);
    }
    struct stat locked {};
    struct stat current {};
    if (::fstat(fd.get(), &locked) != 0) fail("cannot stat", path);
    if (::stat(path.c_str(), &current) == 0 && current.st_ino == locked.st_ino && current.st_dev == locked.st_dev) {
      return Fd(fd.release());
    }
  }
}

void replace(const fs::path& path, const std::string& text) {
  std::string pattern = (path.parent_path() / ("." + path.filename().string() + ".mfalint-XXXXXX")).string();
  Fd temp(::mkstemp(pattern.data()));
  if (temp.get() < 0) fail("cannot create a temporary file beside", path);
  const fs::path temp_path = pattern;
  try {
    if (::fchmod(temp.get(), 0600) != 0) fail("cannot set mode 0600 on", temp_path);
    write_all(temp.get(), text, temp_path);
    if (::fsync(temp.get()) != 0) fail("cannot flush", temp_path);
    if (::close(temp.release()) != 0) fail("cannot close", temp_path);
    if (::rename(temp_path.c_str(), path.c_str()) != 0) fail("cannot replace", path);
  } catch (...) {
    ::unlink(temp_path.c_str());
    throw;
  }
  // The rename is only durable once the folder that holds the new name is on disk.
  Fd folder(::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() >= 0) ::fsync(folder.get());
}

fs::path resolved(const fs::path& path) {
  std::error_code error;
  fs::path target = fs::canonical(path, error);
  return error ? fs::absolute(path) : target;
}

}  // namespace

void edit_locked(const fs::path& path, const std::function<std::string(const std::string& current)>& edit) {
  const fs::path target = resolved(path);
  const bool existed = fs::exists(target);
  Fd held = lock(target);
  try {
    replace(target, edit(read_all(held.get(), target)));
  } catch (...) {
    // Locking created an empty file; a failed first write must not leave it behind.
    struct stat now {};
    if (!existed && ::fstat(held.get(), &now) == 0 && now.st_size == 0) ::unlink(target.c_str());
    throw;
  }
}

std::optional<std::string> read_file(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail("cannot open", path);
  }
  return read_all(fd.get(), path);
}

}  // namespace mfalint::session
