#pragma once
// AWS Signature Version 4 (header form), as a pure function of the request, the key, the scope and
// the time, so the published test vectors and botocore can check it byte for byte.

#include "session/credentials.h"
#include "session/header.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::session {

struct SignableRequest {
  std::string method;
  std::string host;   // the Host header as sent: with the port when it is not the scheme's default
  std::string path;   // as sent on the wire (already percent-encoded); empty means "/"
  std::string query;  // as sent on the wire, without the '?'
  std::vector<Header> headers;  // headers to sign besides Host and X-Amz-Date, which are added
  std::string body;
};

struct SigningScope {
  std::string region;
  std::string service;
};

struct Signature {
  std::string amz_date;  // the X-Amz-Date header the request must carry
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
  std::string authorization;  // the Authorization header
};

Signature sign_v4(const SignableRequest& request, const AccessKey& key, const SigningScope& scope,
                  std::chrono::sys_seconds when);

// RFC 3986 percent-encoding of everything but the unreserved characters (and '/' when asked):
// the encoding SigV4 and AWS's query protocol both use.
std::string uri_encode(std::string_view text, bool keep_slash = false);

}  // namespace mfalint::session
