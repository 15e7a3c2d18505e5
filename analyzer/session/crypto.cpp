#include "session/crypto.h"

#include "session/error.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace mfalint::session {
namespace {

Bytes hmac(const EVP_MD* md, const Bytes& key, const unsigned char* data, std::size_t size) {
  Bytes out(EVP_MAX_MD_SIZE);
  unsigned int length = 0;
  if (!HMAC(md, key.data(), static_cast<int>(key.size()), data, size, out.data(), &length)) {
    throw Error("OpenSSL HMAC failed");
  }
  out.resize(length);
  return out;
}

}  // namespace

std::string hex(const Bytes& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Bytes digest(EVP_MAX_MD_SIZE);
  unsigned int length = 0;
  if (!EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr)) {
    throw Error("OpenSSL SHA-256 failed");
  }
  digest.resize(length);
  return hex(digest);
}

Bytes hmac_sha256(const Bytes& key, std::string_view data) {
  return hmac(EVP_sha256(), key, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

Bytes hmac_sha1(const Bytes& key, const Bytes& data) { return hmac(EVP_sha1(), key, data.data(), data.size()); }

}  // namespace mfalint::session
