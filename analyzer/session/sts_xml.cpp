#include "session/sts_xml.h"

#include "session/time_format.h"

#include <expat.h>
#include <fmt/core.h>

#include <memory>
#include <vector>

namespace mfalint::session {
namespace {

struct Walk {
  std::vector<std::string> path;
  std::string text;
  bool leaf = true;  // no child element seen since the current element opened
  XmlLeaves leaves;
};

std::string joined(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& part : path) out += (out.empty() ? "" : "/") + part;
  return out;
}

void on_start(void* user, const XML_Char* name, const XML_Char**) {
  auto* walk = static_cast<Walk*>(user);
  walk->path.emplace_back(name);
  walk->text.clear();
  walk->leaf = true;
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

void on_end(void* user, const XML_Char*) {
  auto* walk = static_cast<Walk*>(user);
  if (walk->leaf) walk->leaves[joined(walk->path)] = trimmed(walk->text);
  walk->path.pop_back();
  walk->text.clear();
  walk->leaf = false;
}

void on_text(void* user, const XML_Char* text, int length) {
  static_cast<Walk*>(user)->text.append(text, static_cast<std::size_t>(length));
}

const std::string& required(const XmlLeaves& leaves, const std::string& path) {
  auto found = leaves.find(path);
  if (found == leaves.end()) throw XmlError(fmt::format("the answer has no {}", path));
  return found->second;
}

}  // namespace

XmlLeaves parse_xml(std::string_view xml) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                                      XML_ParserFree);
  if (!parser) throw XmlError("expat could not start");
  Walk walk;
  XML_SetUserData(parser.get(), &walk);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) != XML_STATUS_OK) {
    throw XmlError(fmt::format("malformed XML at line {}, column {}: {}", XML_GetCurrentLineNumber(parser.get()),
                               XML_GetCurrentColumnNumber(parser.get()),
                               XML_ErrorString(XML_GetErrorCode(parser.get()))));
  }
  return walk.leaves;
}

std::optional<StsFault> fault_of(const XmlLeaves& leaves) {
  // STS writes ErrorResponse/Error; other services and emulators (moto) the EC2 form with <Errors>.
  for (const char* error : {"ErrorResponse/Error/", "ErrorResponse/Errors/Error/", "Response/Errors/Error/"}) {
    auto code = leaves.find(std::string(error) + "Code");
    if (code == leaves.end()) continue;
    auto message = leaves.find(std::string(error) + "Message");
    return StsFault{code->second, message == leaves.end() ? "" : message->second};
  }
  return std::nullopt;
}

AssumedSession session_of(const XmlLeaves& leaves, std::string_view action) {
  const std::string result = fmt::format("{0}Response/{0}Result/", action);
  AssumedSession session;
  session.credentials.access_key_id = required(leaves, result + "Credentials/AccessKeyId");
  session.credentials.secret_access_key = required(leaves, result + "Credentials/SecretAccessKey");
  session.credentials.session_token = required(leaves, result + "Credentials/SessionToken");
  const std::string& expiration = required(leaves, result + "Credentials/Expiration");
  auto parsed = parse_iso8601(expiration);
  if (!parsed) throw XmlError(fmt::format("the answer's Expiration {} is not an ISO 8601 time", expiration));
  session.credentials.expiration = *parsed;
  if (auto arn = leaves.find(result + "AssumedRoleUser/Arn"); arn != leaves.end()) session.assumed_role_arn = arn->second;
  return session;
}

CallerIdentity identity_of(const XmlLeaves& leaves) {
  const std::string result = "GetCallerIdentityResponse/GetCallerIdentityResult/";
  return {required(leaves, result + "Arn"), required(leaves, result + "Account")};
}

}  // namespace mfalint::session
