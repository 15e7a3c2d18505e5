#include "session/sigv4.h"

#include "session/crypto.h"

#include "catalog/text.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <utility>

namespace mfalint::session {
namespace {

// Header values are signed trimmed, with runs of spaces inside collapsed to one.
std::string canonical_value(const std::string& value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// The query is signed as sent, pairs sorted by key then value, as botocore does.
std::string canonical_query(const std::string& query) {
  if (query.empty()) return "";
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t start = 0;
  while (start <= query.size()) {
    auto end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    auto item = query.substr(start, end - start);
    auto equals = item.find('=');
    if (equals == std::string::npos) {
      pairs.emplace_back(item, "");
    } else {
      pairs.emplace_back(item.substr(0, equals), item.substr(equals + 1));
    }
    start = end + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out += '&';
    out += key + "=" + value;
  }
  return out;
}

std::string amz_date(std::chrono::sys_seconds when) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

Bytes to_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

}  // namespace

std::string uri_encode(std::string_view text, bool keep_slash) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

Signature sign_v4(const SignableRequest& request, const AccessKey& key, const SigningScope& scope,
                  std::chrono::sys_seconds when) {
  Signature result;
  result.amz_date = amz_date(when);
  const std::string date = result.amz_date.substr(0, 8);

  std::map<std::string, std::string> headers;  // sorted by lower-case name, as SigV4 wants
  auto add = [&](const std::string& name, const std::string& value) {
    auto& slot = headers[catalog::to_lower(name)];
    slot += (slot.empty() ? "" : ",") + canonical_value(value);
  };
  add("host", request.host);
  add("x-amz-date", result.amz_date);
  for (const auto& header : request.headers) add(header.name, header.value);

  std::string canonical_headers;
  std::string signed_headers;
  for (const auto& [name, value] : headers) {
    canonical_headers += name + ":" + value + "\n";
    signed_headers += (signed_headers.empty() ? "" : ";") + name;
  }

  // Every service but S3 signs the path encoded once more than it is sent.
  const std::string path = request.path.empty() ? "/" : request.path;
  result.canonical_request = fmt::format("{}\n{}\n{}\n{}\n{}\n{}", request.method, uri_encode(path, true),
                                         canonical_query(request.query), canonical_headers, signed_headers,
                                         sha256_hex(request.body));

  const std::string credential_scope = fmt::format("{}/{}/{}/aws4_request", date, scope.region, scope.service);
  result.string_to_sign = fmt::format("AWS4-HMAC-SHA256\n{}\n{}\n{}", result.amz_date, credential_scope,
                                      sha256_hex(result.canonical_request));

  Bytes signing_key = hmac_sha256(to_bytes("AWS4" + key.secret), date);
  signing_key = hmac_sha256(signing_key, scope.region);
  signing_key = hmac_sha256(signing_key, scope.service);
  signing_key = hmac_sha256(signing_key, "aws4_request");
  result.signature = hex(hmac_sha256(signing_key, result.string_to_sign));

  result.authorization = fmt::format("AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={}, Signature={}", key.id,
                                     credential_scope, signed_headers, result.signature);
  return result;
}

}  // namespace mfalint::session
