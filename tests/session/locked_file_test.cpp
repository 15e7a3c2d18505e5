// The credentials file is replaced atomically, 0600, under a lock: concurrent writers of different
// profiles all land, and a failed edit leaves the file exactly as it was.

#include "session/credentials_file.h"
#include "session/error.h"
#include "session/ini.h"
#include "session/locked_file.h"
#include "session_test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace mfalint::session {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::ScratchDir;
using testing::write_text;

void set_profile(const fs::path& file, const std::string& profile, const std::string& value) {
  edit_locked(file, [&](const std::string& current) {
    return with_profile_values(parse_ini(current, file.string()), profile, {{"aws_session_token", value}});
  });
}

unsigned mode_of(const fs::path& file) {
  struct stat info {};
  ::stat(file.c_str(), &info);
  return info.st_mode & 0777;
}

std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

TEST(SessionLockedFile, ReplacesTheFileWithMode0600AndNoLeftovers) {
  ScratchDir dir;
  write_text(dir / "credentials", "[base]\nk = v\n");
  ::chmod((dir / "credentials").c_str(), 0644);
  struct stat before {};
  ::stat((dir / "credentials").c_str(), &before);
  set_profile(dir / "credentials", "base-mfa", "t1");
  EXPECT_EQ(read_text(dir / "credentials"), "[base]\nk = v\n\n[base-mfa]\naws_session_token = t1\n");
  EXPECT_EQ(mode_of(dir / "credentials"), 0600u);
  struct stat after {};
  ::stat((dir / "credentials").c_str(), &after);
  EXPECT_NE(before.st_ino, after.st_ino) << "replaced by rename, not rewritten in place";
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(SessionLockedFile, AFailedEditLeavesTheFileAsItWas) {
  ScratchDir dir;
  const std::string text = "[base]\nk = v\nbroken line\n";
  write_text(dir / "credentials", text);
  ::chmod((dir / "credentials").c_str(), 0640);
  EXPECT_THROW(set_profile(dir / "credentials", "base-mfa", "t1"), Error);
  EXPECT_EQ(read_text(dir / "credentials"), text);
  EXPECT_EQ(mode_of(dir / "credentials"), 0640u);
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(SessionLockedFile, CreatesAMissingFileAndRemovesItWhenTheFirstEditFails) {
  ScratchDir dir;
  set_profile(dir / "new", "a", "1");
  EXPECT_EQ(read_text(dir / "new"), "[a]\naws_session_token = 1\n");
  EXPECT_THROW(edit_locked(dir / "other", [](const std::string&) -> std::string { throw Error("no"); }), Error);
  EXPECT_FALSE(fs::exists(dir / "other"));
}

TEST(SessionLockedFile, FollowsASymbolicLink) {
  ScratchDir dir;
  fs::create_directory(dir / "dotfiles");
  write_text(dir / "dotfiles" / "credentials", "[base]\nk = v\n");
  fs::create_symlink(dir / "dotfiles" / "credentials", dir / "credentials");
  set_profile(dir / "credentials", "x", "1");
  EXPECT_TRUE(fs::is_symlink(dir / "credentials"));
  EXPECT_EQ(read_text(dir / "dotfiles" / "credentials"), "[base]\nk = v\n\n[x]\naws_session_token = 1\n");
}

TEST(SessionLockedFile, ConcurrentThreadsWritingDifferentProfilesAllLand) {
  ScratchDir dir;
  write_text(dir / "credentials", "[base]\nk = v\n");
  constexpr int kWriters = 8;
  constexpr int kRounds = 15;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int r = 0; r < kRounds; ++r) set_profile(dir / "credentials", "p" + std::to_string(w), std::to_string(r));
    });
  }
  for (auto& writer : writers) writer.join();
  IniDocument doc = parse_ini(read_text(dir / "credentials"), "credentials");
  EXPECT_EQ(find_value(doc, "base", "k"), "v");
  for (int w = 0; w < kWriters; ++w) {
    EXPECT_EQ(find_value(doc, "p" + std::to_string(w), "aws_session_token"), std::to_string(kRounds - 1));
  }
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

TEST(SessionLockedFile, ConcurrentProcessesWritingDifferentProfilesAllLand) {
  ScratchDir dir;
  write_text(dir / "credentials", "[base]\nk = v\n");
  constexpr int kProcesses = 6;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      int status = 0;
      try {
        for (int r = 0; r < 20; ++r) set_profile(dir / "credentials", "proc" + std::to_string(p), std::to_string(r));
      } catch (...) {
        status = 1;
      }
      ::_exit(status);
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  IniDocument doc = parse_ini(read_text(dir / "credentials"), "credentials");
  for (int p = 0; p < kProcesses; ++p) {
    EXPECT_EQ(find_value(doc, "proc" + std::to_string(p), "aws_session_token"), "19");
  }
}

TEST(SessionLockedFile, ReadFileTellsAMissingFileFromAnUnreadableOne) {
  ScratchDir dir;
  EXPECT_FALSE(read_file(dir / "absent"));
  write_text(dir / "present", "x");
  EXPECT_EQ(read_file(dir / "present"), "x");
  EXPECT_THROW(read_file(dir / "present" / "inside"), Error);  // "present" is not a folder
}

}  // namespace
}  // namespace mfalint::session
