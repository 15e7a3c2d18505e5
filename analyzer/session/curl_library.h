#pragma once
// libcurl, loaded when `session` or `exec` first needs it rather than when mfalint starts: libcurl
// and the thirty libraries it links take most of the start-up time, which every `check` in a
// pre-commit hook would pay for nothing (bench/README.md).

#include <curl/curl.h>

namespace mfalint::session {

struct CurlLibrary {
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
  decltype(&curl_getdate) getdate;
  decltype(&curl_url) url;
  decltype(&curl_url_cleanup) url_cleanup;
  decltype(&curl_url_set) url_set;
  decltype(&curl_url_get) url_get;
  decltype(&curl_free) free;
};

// Loads and initialises libcurl once; throws Error when it is not installed.
const CurlLibrary& curl_library();

}  // namespace mfalint::session
