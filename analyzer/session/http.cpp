#include "session/http.h"

#include "session/curl_library.h"

#include <fmt/core.h>

#include <memory>
#include <strings.h>
#include <string_view>

namespace mfalint::session {
namespace {

constexpr std::size_t kMaxBody = 1 << 20;  // STS answers in a few KiB; more is not STS

struct Received {
  std::string body;
  std::optional<std::chrono::sys_seconds> date;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* received = static_cast<Received*>(user);
  if (received->body.size() + size * count > kMaxBody) return 0;  // makes curl fail the transfer
  received->body.append(data, size * count);
  return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* received = static_cast<Received*>(user);
  const CurlLibrary& curl = curl_library();
  std::string line(data, size * count);
  constexpr std::string_view kDate = "date:";
  if (line.size() > kDate.size() && strncasecmp(line.c_str(), kDate.data(), kDate.size()) == 0) {
    std::time_t seconds = curl.getdate(line.substr(kDate.size()).c_str(), nullptr);
    if (seconds > 0) received->date = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
  }
  return size * count;
}

}  // namespace

HttpResponse http_post(const HttpRequest& request, const Timeouts& timeouts) {
  const CurlLibrary& curl = curl_library();
  std::unique_ptr<CURL, decltype(curl.easy_cleanup)> easy(curl.easy_init(), curl.easy_cleanup);
  if (!easy) throw Error("libcurl could not start");
  std::unique_ptr<curl_slist, decltype(curl.slist_free_all)> headers(nullptr, curl.slist_free_all);
  for (const auto& header : request.headers) {
    headers.reset(curl.slist_append(headers.release(), (header.name + ": " + header.value).c_str()));
  }
  headers.reset(curl.slist_append(headers.release(), "Expect:"));  // no 100-continue round trip

  Received received;
  char error[CURL_ERROR_SIZE] = "";
  CURL* handle = easy.get();
  curl.easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl.easy_setopt(handle, CURLOPT_POST, 1L);
  curl.easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
  curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  curl.easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect must not carry a signed request elsewhere
  curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
  curl.easy_setopt(handle, CURLOPT_WRITEDATA, &received);
  curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
  curl.easy_setopt(handle, CURLOPT_HEADERDATA, &received);
  curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl.easy_setopt(handle, CURLOPT_USERAGENT, "mfalint/" MFALINT_VERSION);

  CURLcode code = curl.easy_perform(handle);
  if (code != CURLE_OK) {
    std::string detail = error[0] ? error : curl.easy_strerror(code);
    if (code == CURLE_WRITE_ERROR) detail = fmt::format("the answer was larger than {} bytes", kMaxBody);
    throw TransportError(detail, code == CURLE_OPERATION_TIMEDOUT);
  }
  HttpResponse response;
  curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(received.body);
  response.date = received.date;
  return response;
}

Endpoint parse_endpoint(const std::string& url) {
  const CurlLibrary& curl = curl_library();
  std::unique_ptr<CURLU, decltype(curl.url_cleanup)> parsed(curl.url(), curl.url_cleanup);
  if (!parsed || curl.url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    throw Error(fmt::format("endpoint URL {} is not a URL", url));
  }
  auto part = [&](CURLUPart which) -> std::optional<std::string> {
    char* value = nullptr;
    if (curl.url_get(parsed.get(), which, &value, 0) != CURLUE_OK) return std::nullopt;
    std::string copy = value;
    curl.free(value);
    return copy;
  };
  auto scheme = part(CURLUPART_SCHEME);
  if (scheme != "https" && scheme != "http") {
    throw Error(fmt::format("endpoint URL {} must start with https:// (or http:// for a local test server)", url));
  }
  Endpoint endpoint;
  endpoint.url = url;
  endpoint.host = part(CURLUPART_HOST).value_or("");
  auto port = part(CURLUPART_PORT);  // set only when the URL names one
  if (port && *port != (scheme == "https" ? "443" : "80")) endpoint.host += ":" + *port;
  endpoint.path = part(CURLUPART_PATH).value_or("/");
  if (part(CURLUPART_QUERY)) throw Error(fmt::format("endpoint URL {} must not have a query", url));
  return endpoint;
}

}  // namespace mfalint::session
