// The code is six digits, from the flag, a seed file, or the terminal, and nowhere else.

#include "session/error.h"
#include "session/mfa_code.h"
#include "session_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

namespace mfalint::session {
namespace {

using testing::ScratchDir;
using testing::write_text;

TEST(SessionMfaCode, SixDigitsExactly) {
  EXPECT_EQ(checked_token_code("012345"), "012345");
  for (const char* bad : {"", "12345", "1234567", "12345a", " 12345", "１２３４５６"}) {
    EXPECT_THROW(checked_token_code(bad), Error) << bad;
  }
}

TEST(SessionMfaCode, FromASeedFile) {
  ScratchDir dir;
  write_text(dir / "seed", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n");
  EXPECT_EQ(token_code_from_seed_file(dir / "seed", std::chrono::sys_seconds{std::chrono::seconds{59}}), "287082");
  write_text(dir / "bad", "not base32!\n");
  EXPECT_THROW(token_code_from_seed_file(dir / "bad", {}), Error);
  EXPECT_THROW(token_code_from_seed_file(dir / "absent", {}), Error);
}

TEST(SessionMfaCode, WithoutATerminalTheErrorSaysWhatToPass) {
  // In a new session there is no controlling terminal, whatever ran the tests.
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setsid();
    std::string message = "(no error)";
    try {
      token_code_from_terminal("arn:aws:iam::1:mfa/alice");
    } catch (const Error& error) {
      message = error.what();
    }
    auto written = ::write(pipe_fds[1], message.data(), message.size());
    ::_exit(written < 0 ? 1 : 0);
  }
  ::close(pipe_fds[1]);
  char buffer[512];
  auto length = ::read(pipe_fds[0], buffer, sizeof buffer);
  ::close(pipe_fds[0]);
  ::waitpid(child, nullptr, 0);
  ASSERT_GT(length, 0);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(length)),
            "no terminal to ask for the MFA code: pass --token-code CODE or --totp-secret-file FILE");
}

}  // namespace
}  // namespace mfalint::session
