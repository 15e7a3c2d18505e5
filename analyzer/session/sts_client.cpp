#include "session/sts_client.h"

#include "session/sigv4.h"
#include "session/sts_errors.h"

#include <fmt/core.h>

#include <random>
#include <thread>

namespace mfalint::session {
namespace {

std::chrono::sys_seconds now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::chrono::milliseconds backoff(const RetryPolicy& retry, int attempt) {
  auto delay = retry.first_delay * (1 << (attempt - 1));
  static std::minstd_rand random{std::random_device{}()};
  // Half fixed, half random, so two throttled clients do not retry in step.
  std::uniform_int_distribution<long> jitter(0, delay.count() / 2);
  return delay / 2 + std::chrono::milliseconds(jitter(random));
}

HttpRequest signed_request(const StsSettings& sts, const std::string& body) {
  const Header content_type{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"};
  SignableRequest signable{"POST", sts.endpoint.host, sts.endpoint.path, "", {content_type}, body};
  Signature signature = sign_v4(signable, sts.key, {sts.region, "sts"}, now());
  return {sts.endpoint.url,
          {{"Host", sts.endpoint.host},
           content_type,
           {"X-Amz-Date", signature.amz_date},
           {"Authorization", signature.authorization}},
          body};
}

std::string transport_failure(const StsSettings& sts, const TransportError& error) {
  const std::string detail = redact(error.what(), sts.key);
  if (error.timed_out) {
    return fmt::format("no answer from STS at {} in time ({}); check the network, a proxy, or the endpoint",
                       sts.endpoint.url, detail);
  }
  return fmt::format("could not talk to STS at {}: {}", sts.endpoint.url, detail);
}

XmlLeaves call(const StsSettings& sts, const std::string& action, const std::vector<Header>& parameters) {
  const std::string body = sts_form_body(action, parameters);
  for (int attempt = 1;; ++attempt) {
    HttpResponse response;
    try {
      response = sts.transport(signed_request(sts, body), sts.timeouts);
    } catch (const TransportError& error) {
      throw Error(transport_failure(sts, error));  // not retried: the MFA code may have been used
    }
    FaultContext context{sts.source_profile, sts.key, sts.endpoint.url, response.status, attempt, now(), response.date};
    std::optional<XmlLeaves> leaves;
    std::string xml_problem;
    try {
      leaves = parse_xml(response.body);
    } catch (const XmlError& error) {
      xml_problem = error.what();
    }
    if (response.status == 200) {
      if (!leaves) throw Error(fmt::format("STS at {} answered with {}", sts.endpoint.url, xml_problem));
      return *leaves;
    }
    std::optional<StsFault> fault = leaves ? fault_of(*leaves) : std::nullopt;
    bool retryable = response.status >= 500 || response.status == 429 || (fault && is_throttling(*fault));
    if (retryable && attempt < sts.retry.attempts) {
      std::this_thread::sleep_for(backoff(sts.retry, attempt));
      continue;
    }
    if (fault) throw Error(explain(*fault, context));
    throw Error(fmt::format("STS at {} answered HTTP {}{} without an STS error ({})", sts.endpoint.url,
                            response.status, attempt > 1 ? fmt::format(" {} times", attempt) : "",
                            xml_problem.empty() ? "not an ErrorResponse" : xml_problem));
  }
}

std::vector<Header> with_mfa(std::vector<Header> parameters, int duration_seconds, const MfaCode& mfa) {
  parameters.push_back({"DurationSeconds", std::to_string(duration_seconds)});
  parameters.push_back({"SerialNumber", mfa.serial_number});
  parameters.push_back({"TokenCode", mfa.token_code});
  return parameters;
}

// The answer is well-formed XML, but is it STS's? A proxy or a wrong endpoint may answer 200 too.
template <typename Read>
auto read_answer(const StsSettings& sts, Read read) {
  try {
    return read();
  } catch (const XmlError& error) {
    throw Error(fmt::format("STS at {} gave an answer that is not STS's: {}", sts.endpoint.url, error.what()));
  }
}

}  // namespace

std::string sts_form_body(const std::string& action, const std::vector<Header>& parameters) {
  std::string body = "Action=" + uri_encode(action) + "&Version=2011-06-15";
  for (const auto& parameter : parameters) body += "&" + uri_encode(parameter.name) + "=" + uri_encode(parameter.value);
  return body;
}

AssumedSession get_session_token(const StsSettings& sts, int duration_seconds, const MfaCode& mfa) {
  auto leaves = call(sts, "GetSessionToken", with_mfa({}, duration_seconds, mfa));
  return read_answer(sts, [&] { return session_of(leaves, "GetSessionToken"); });
}

AssumedSession assume_role(const StsSettings& sts, const RoleRequest& role, int duration_seconds, const MfaCode& mfa) {
  std::vector<Header> parameters = {{"RoleArn", role.role_arn}, {"RoleSessionName", role.session_name}};
  if (!role.external_id.empty()) parameters.push_back({"ExternalId", role.external_id});
  auto leaves = call(sts, "AssumeRole", with_mfa(parameters, duration_seconds, mfa));
  return read_answer(sts, [&] { return session_of(leaves, "AssumeRole"); });
}

CallerIdentity get_caller_identity(const StsSettings& sts) {
  auto leaves = call(sts, "GetCallerIdentity", {});
  return read_answer(sts, [&] { return identity_of(leaves); });
}

}  // namespace mfalint::session
