// RFC 4648 base32, RFC 4226 HOTP and RFC 6238 TOTP (SHA-1) against the RFCs' own test vectors.

#include "session/totp.h"

#include <gtest/gtest.h>

namespace mfalint::session {
namespace {

Bytes ascii(const std::string& text) { return Bytes(text.begin(), text.end()); }

TEST(SessionBase32, Rfc4648Vectors) {
  EXPECT_EQ(base32_decode("MY======"), ascii("f"));
  EXPECT_EQ(base32_decode("MZXQ===="), ascii("fo"));
  EXPECT_EQ(base32_decode("MZXW6==="), ascii("foo"));
  EXPECT_EQ(base32_decode("MZXW6YQ="), ascii("foob"));
  EXPECT_EQ(base32_decode("MZXW6YTB"), ascii("fooba"));
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), ascii("foobar"));
}

TEST(SessionBase32, SeedsAsAppsShowThem) {
  EXPECT_EQ(base32_decode("mzxw 6ytb oi"), ascii("foobar"));
  EXPECT_EQ(base32_decode("MZXW-6YTB-OI\n"), ascii("foobar"));
}

TEST(SessionBase32, RejectsWhatIsNotBase32) {
  EXPECT_FALSE(base32_decode("MZXW1"));  // 1 is not in the alphabet
  EXPECT_FALSE(base32_decode("MZ8W"));
  EXPECT_FALSE(base32_decode(""));
  EXPECT_FALSE(base32_decode("M"));  // not one whole byte
}

// RFC 4226 appendix D: secret "12345678901234567890", counters 0 to 9.
TEST(SessionHotp, Rfc4226Vectors) {
  const Bytes secret = ascii("12345678901234567890");
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(hotp(secret, counter, 6), expected[counter]) << "counter " << counter;
  }
}

// RFC 6238 appendix B, SHA-1 column, 8 digits.
TEST(SessionTotp, Rfc6238Sha1Vectors) {
  const Bytes secret = *base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");  // "12345678901234567890"
  ASSERT_EQ(secret, ascii("12345678901234567890"));
  EXPECT_EQ(totp(secret, 59, 8), "94287082");
  EXPECT_EQ(totp(secret, 1111111109, 8), "07081804");
  EXPECT_EQ(totp(secret, 1111111111, 8), "14050471");
  EXPECT_EQ(totp(secret, 1234567890, 8), "89005924");
  EXPECT_EQ(totp(secret, 2000000000, 8), "69279037");
  EXPECT_EQ(totp(secret, 20000000000, 8), "65353130");
}

TEST(SessionTotp, SixDigitsAreTheLastSixOfEight) {
  const Bytes secret = ascii("12345678901234567890");
  EXPECT_EQ(totp(secret, 59, 6), "287082");
  EXPECT_EQ(totp(secret, 1111111109, 6), "081804");  // the leading zero stays
}

TEST(SessionTotp, TheCodeChangesEveryThirtySeconds) {
  const Bytes secret = ascii("12345678901234567890");
  EXPECT_EQ(totp(secret, 60, 6), totp(secret, 89, 6));
  EXPECT_NE(totp(secret, 89, 6), totp(secret, 90, 6));
}

}  // namespace
}  // namespace mfalint::session
