#include "session/curl_library.h"

#include "session/error.h"

#include <fmt/core.h>

#include <dlfcn.h>

namespace mfalint::session {
namespace {

constexpr const char* kSoname = "libcurl.so.4";  // Debian package libcurl4

CurlLibrary load() {
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) throw Error(fmt::format("cannot load {} (install the Debian package libcurl4): {}", kSoname, dlerror()));
  CurlLibrary curl{};
  auto bind = [&](auto& function, const char* name) {
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
    if (!function) throw Error(fmt::format("{} has no {}: it is not the libcurl mfalint was built for", kSoname, name));
  };
  bind(curl.easy_init, "curl_easy_init");
  bind(curl.easy_cleanup, "curl_easy_cleanup");
  bind(curl.easy_setopt, "curl_easy_setopt");
  bind(curl.easy_perform, "curl_easy_perform");
  bind(curl.easy_getinfo, "curl_easy_getinfo");
  bind(curl.easy_strerror, "curl_easy_strerror");
  bind(curl.slist_append, "curl_slist_append");
  bind(curl.slist_free_all, "curl_slist_free_all");
  bind(curl.getdate, "curl_getdate");
  bind(curl.url, "curl_url");
  bind(curl.url_cleanup, "curl_url_cleanup");
  bind(curl.url_set, "curl_url_set");
  bind(curl.url_get, "curl_url_get");
  bind(curl.free, "curl_free");
  decltype(&curl_global_init) global_init = nullptr;
  bind(global_init, "curl_global_init");
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Error("libcurl could not start");
  return curl;
}

}  // namespace

const CurlLibrary& curl_library() {
  static const CurlLibrary library = load();  // a failed load throws, and the next call tries again
  return library;
}

}  // namespace mfalint::session
