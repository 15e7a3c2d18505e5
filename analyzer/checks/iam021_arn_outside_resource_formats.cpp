#include "catalog/remembered.h"
#include "checks/arn_format.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <string>
#include <unordered_map>

namespace mfalint::checks {
namespace {

using arn::overlap;

struct Verdict {
  std::string_view code;  // empty: the ARN fits a format, or nothing sure can be said
  std::string message;
  bool known_type = true;  // for INVALID_ARN_RESOURCE: the service has a resource type of its leading word
};

// The resource type word a resource part starts with: "stack" of "stack/name/id", "log-group" of
// "log-group:name"; as a pattern, up to the first '/', ':' or wildcard. `complete` is false when a
// wildcard ends it ("Canvas*": the word is not known).
std::string_view type_word(std::string_view resource, bool& complete) {
  size_t end = 0;
  while (end < resource.size() && resource[end] != '/' && resource[end] != ':' && resource[end] != arn::kStar &&
         resource[end] != arn::kOne)
    ++end;
  complete = end == resource.size() || resource[end] == '/' || resource[end] == ':';
  return resource.substr(0, end);
}

// Whether a format of the service starts with the ARN's resource type word, or with a placeholder
// (S3's ${BucketName}), so that the resource type is known and only its shape is wrong.
bool known_type(std::string_view resource, const std::vector<uint32_t>& ids) {
  bool complete = false;
  std::string_view word = type_word(resource, complete);
  if (!complete) return false;
  for (uint32_t id : ids) {
    std::string_view format = arn::formats().formats[id].resource;
    if (!format.empty() && format[0] == arn::kOne) return true;
    bool format_complete = false;
    if (type_word(format, format_complete) == word && format_complete) return true;
  }
  return false;
}

// Which of the service's formats the ARN's resource part fits, then whether one of those takes its
// Region and account. A Region or account is "not allowed" / "missing" only when every format
// that fits the resource agrees; a mix says nothing sure, and nothing is reported.
Verdict judge(const arn::Pattern& arn, std::string_view service, std::string_view region, std::string_view account,
              const std::vector<uint32_t>& ids) {
  const auto& formats = arn::formats().formats;
  bool any_resource = false, any_region = false, all_region_empty = true, all_region_set = true;
  bool all_account_empty = true;
  for (uint32_t id : ids) {
    const arn::Format& format = formats[id];
    if (!overlap(arn.resource, format.resource)) continue;
    any_resource = true;
    all_region_empty &= format.region_empty;
    all_region_set &= !format.region_empty;
    if (!overlap(arn.region, format.region)) continue;
    any_region = true;
    if (overlap(arn.account, format.account)) return {};
    all_account_empty &= format.account_empty;
  }
  if (!any_resource) {
    return {"INVALID_ARN_RESOURCE",
            fmt::format("the resource part matches no ARN format of {} in the Service Authorization Reference", service),
            known_type(arn.resource, ids)};
  }
  if (!any_region) {
    if (region.empty() && all_region_set) {
      return {"MISSING_ARN_REGION", fmt::format("{} resource ARNs of this form need a Region", service)};
    }
    if (!region.empty() && all_region_empty) {
      return {"ARN_REGION_NOT_ALLOWED",
              fmt::format("{} resource ARNs of this form have no Region: remove \"{}\"", service, region)};
    }
    return {};
  }
  // An empty account where the reference's format has ${Account} is not reported (MISSING_ARN_ACCOUNT):
  // AWS-owned resources have none (arn:aws:ssm:*::document/AWS-RunShellScript, public parameters,
  // Resource Explorer's service views), and the reference cannot tell them apart.
  if (!account.empty() && all_account_empty) {
    return {"ARN_ACCOUNT_NOT_ALLOWED",
            fmt::format("{} resource ARNs of this form have no account ID: remove \"{}\"", service, account)};
  }
  return {};
}

// What IAM021 concludes for one Resource entry: nothing (an empty code) for what IAM020 reports,
// what cannot be judged, a service without resource types, or an ARN that fits.
Verdict verdict_of(std::string_view value) {
  if (arn::unjudgeable(value) || !value.starts_with("arn:")) return {};
  auto fields = arn::split(value);
  if (!fields || !arn::field_problem(*fields).empty() || arn::is_pattern((*fields)[2])) return {};  // IAM020's
  const auto& by_service = arn::formats().by_service;
  auto found = by_service.find((*fields)[2]);
  if (found == by_service.end()) return {};  // a service without resource types, or unknown
  return judge(arn::Pattern(*fields), (*fields)[2], (*fields)[3], (*fields)[4], found->second);
}

// verdict_of(value), remembered per thread: AWS managed policies repeat the same ARNs in many
// policies, and judging one takes a pass over its service's formats.
const Verdict& remembered_verdict(std::string_view value) {
  constexpr size_t kLimit = 4096;
  thread_local std::unordered_map<std::string, Verdict, catalog::TransparentHash, std::equal_to<>> verdicts(kLimit);
  if (auto it = verdicts.find(value); it != verdicts.end()) return it->second;
  if (verdicts.size() >= kLimit) verdicts.clear();
  return verdicts.emplace(std::string(value), verdict_of(value)).first->second;
}

}  // namespace

// IAM021: an ARN of a service the catalog knows that fits none of that service's ARN formats names
// no resource, so the statement does not apply where it was meant to.
void check_arn_outside_resource_formats(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto* list : {&st.resource, &st.not_resource}) {
      if (!*list) continue;
      for (const auto& item : (*list)->items) {
        std::string_view value = item.value;
        if (arn::unjudgeable(value)) continue;  // "*", most often: cheaper to see than to look up
        const Verdict& verdict = remembered_verdict(value);
        if (verdict.code.empty()) continue;
        Finding finding = with_code(
            make_finding("IAM021", policy, st, item.loc, fmt::format("\"{}\": {}", value, verdict.message)),
            verdict.code);
        // A resource type word the reference does not list may be a misspelling, or a resource
        // type newer than the embedded reference (or one it omits): a warning, not an error.
        if (!verdict.known_type) finding.severity = Severity::Warning;
        finding.resources.push_back(item.value);
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
