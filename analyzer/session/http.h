#pragma once
// HTTPS POST through libcurl, with the timeouts a command someone is waiting on needs.

#include "session/error.h"
#include "session/header.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::session {

struct HttpRequest {
  std::string url;
  std::vector<Header> headers;
  std::string body;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::optional<std::chrono::sys_seconds> date;  // the server's clock, from its Date header
};

struct Timeouts {
  std::chrono::milliseconds connect{5000};
  std::chrono::milliseconds total{15000};
};

// No HTTP response came back: the server could not be reached, reset the connection, or was too slow.
struct TransportError : Error {
  TransportError(const std::string& what, bool timed_out_) : Error(what), timed_out(timed_out_) {}
  bool timed_out;
};

HttpResponse http_post(const HttpRequest& request, const Timeouts& timeouts);

// The parts of an endpoint URL that SigV4 signs.
struct Endpoint {
  std::string url;
  std::string host;  // as the Host header carries it: with the port only when it is not the default
  std::string path;
};

// Only http:// and https:// URLs; anything else is a usage error.
Endpoint parse_endpoint(const std::string& url);

}  // namespace mfalint::session
