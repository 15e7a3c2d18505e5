#pragma once
// The hashes SigV4 and TOTP are built on, from OpenSSL.

#include <string>
#include <string_view>
#include <vector>

namespace mfalint::session {

using Bytes = std::vector<unsigned char>;

std::string hex(const Bytes& bytes);
std::string sha256_hex(std::string_view data);
Bytes hmac_sha256(const Bytes& key, std::string_view data);
Bytes hmac_sha1(const Bytes& key, const Bytes& data);

}  // namespace mfalint::session
