#pragma once
// STS's XML answers (query protocol), read with expat: the credentials of GetSessionToken and
// AssumeRole, the identity of GetCallerIdentity, and the ErrorResponse of a refusal.

#include "session/credentials.h"
#include "session/error.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mfalint::session {

// Every leaf element's text by its path from the root, e.g. "ErrorResponse/Error/Code".
using XmlLeaves = std::map<std::string, std::string>;

// Throws XmlError on a document expat cannot read, saying where and why.
struct XmlError : Error {
  using Error::Error;
};
XmlLeaves parse_xml(std::string_view xml);

struct StsFault {
  std::string code;  // "AccessDenied", "Throttling", ...
  std::string message;
};

struct AssumedSession {
  SessionCredentials credentials;
  std::string assumed_role_arn;  // empty for GetSessionToken
};

struct CallerIdentity {
  std::string arn;
  std::string account;
};

// The error's code and message, or nothing when the document is not an error response.
std::optional<StsFault> fault_of(const XmlLeaves& leaves);

// `action` is "GetSessionToken" or "AssumeRole"; a missing field throws XmlError.
AssumedSession session_of(const XmlLeaves& leaves, std::string_view action);
CallerIdentity identity_of(const XmlLeaves& leaves);

}  // namespace mfalint::session
