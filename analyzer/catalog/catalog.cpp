#include "catalog/catalog.h"

#include "catalog/catalog_data.h"
#include "catalog/remembered.h"
#include "catalog/text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace mfalint::catalog {

using data::kActions;
using data::kServices;
using data::text;

std::string_view access_level_name(AccessLevel level) {
  static constexpr std::array<std::string_view, 5> kNames = {"List", "Read", "Write", "Permissions management",
                                                               "Tagging"};
  return kNames[static_cast<size_t>(level)];
}

std::string_view catalog_source() { return text(data::kSource); }

size_t service_count() { return data::kServiceCount; }

std::string_view service_prefix(ServiceId service) { return text(kServices[service].prefix); }

std::optional<ServiceId> find_service(std::string_view prefix) {
  // Every action of every policy looks its service up, some several times: one hash of the
  // lower-cased prefix beats a binary search of case-folding comparisons. The catalog's prefixes
  // are lower case (a catalog test checks it).
  static const auto by_prefix = [] {
    std::unordered_map<std::string_view, ServiceId> map;
    for (ServiceId service = 0; service < data::kServiceCount; ++service) map.emplace(service_prefix(service), service);
    return map;
  }();
  char lowered[64];
  if (prefix.size() > sizeof lowered) return std::nullopt;  // longer than any prefix
  std::transform(prefix.begin(), prefix.end(), lowered, lower_ascii);
  auto it = by_prefix.find(std::string_view(lowered, prefix.size()));
  if (it == by_prefix.end()) return std::nullopt;
  return it->second;
}

bool service_known(std::string_view prefix) { return find_service(prefix).has_value(); }

ActionRange service_actions(ServiceId service) {
  return {kServices[service].first_action, kServices[service + 1].first_action};
}

size_t action_count() { return data::kActionCount; }

ServiceId action_service_id(ActionId action) { return data::kActionServices[action]; }

std::string_view action_service(ActionId action) { return service_prefix(action_service_id(action)); }

std::string_view action_name(ActionId action) { return text(kActions[action].name); }

std::string action_full_name(ActionId action) {
  std::string name(action_service(action));
  name += ':';
  name += action_name(action);
  return name;
}

AccessLevel action_access_level(ActionId action) { return static_cast<AccessLevel>(data::kAccessLevels[action] - '0'); }

namespace {

// The same name but for ASCII case. The sizes first, which the rows hold: a slot of another action
// is passed over without reading its text. Policies mostly spell names as the catalog does, so the
// bytes are compared as they are before case is folded.
bool same_name(data::StringRef ref, std::string_view name) {
  if (ref.size != name.size()) return false;
  std::string_view known = text(ref);
  return std::memcmp(known.data(), name.data(), name.size()) == 0 || compare_lower(known, name) == 0;
}

}  // namespace

std::optional<ActionId> find_action(std::string_view full_name) {
  // Every action of every policy is looked up, most of them by name: one hash and (the table being
  // two thirds empty) one or two probes, where a binary search made a dozen case-folding comparisons.
  size_t colon = full_name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  uint32_t hash = data::kFnvBasis;
  for (char c : full_name) hash = (hash ^ static_cast<unsigned char>(lower_ascii(c))) * data::kFnvPrime;
  std::string_view prefix = full_name.substr(0, colon), name = full_name.substr(colon + 1);
  const size_t mask = data::kActionSlotCount - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    uint16_t id = data::kActionSlots[slot];
    if (id == data::kNoAction) return std::nullopt;
    if (same_name(kActions[id].name, name) && same_name(kServices[data::kActionServices[id]].prefix, prefix)) return id;
  }
}

std::vector<ActionResourceType> action_resource_types(ActionId action) {
  const data::ActionRow& row = kActions[action];
  std::vector<ActionResourceType> types;
  types.reserve(row.resource_count);
  for (uint32_t i = 0; i < row.resource_count; ++i) {
    uint16_t packed = data::kActionRefs[row.first_ref + i];
    const data::ResourceTypeRow& type = data::kResourceTypes[packed / 2];
    types.push_back({text(type.name), text(type.arn_format), (packed & 1) != 0});
  }
  return types;
}

std::vector<ActionResourceType> service_resource_types(ServiceId service) {
  std::vector<ActionResourceType> types;
  for (uint32_t id = kServices[service].first_resource_type; id < kServices[service + 1].first_resource_type; ++id) {
    const data::ResourceTypeRow& type = data::kResourceTypes[id];
    types.push_back({text(type.name), text(type.arn_format), false});
  }
  return types;
}

std::vector<std::string_view> action_condition_keys(ActionId action) {
  const data::ActionRow& row = kActions[action];
  std::vector<std::string_view> keys;
  for (uint32_t i = row.first_ref + row.resource_count; i < kActions[action + 1].first_ref; ++i) {
    keys.push_back(text(data::kConditionKeys[data::kActionRefs[i]].name));
  }
  return keys;
}

namespace {

void scan_actions(std::string_view pattern, std::vector<ActionId>& out) {
  if (pattern == "*") {
    for (ActionId id = 0; id < data::kActionCount; ++id) out.push_back(id);
    return;
  }
  size_t colon = pattern.find(':');
  std::string_view prefix = pattern.substr(0, colon);
  if (colon != std::string_view::npos && !has_wildcard(prefix)) {
    // The prefix is literal: only its service's actions can match the rest of the pattern, and
    // (names being sorted) only those that start with the rest's literal beginning.
    auto service = find_service(prefix);
    if (!service) return;
    std::string_view rest = pattern.substr(colon + 1);
    ActionRange range = service_actions(*service);
    if (rest == "*") {
      for (ActionId id = range.first; id < range.last; ++id) out.push_back(id);
      return;
    }
    std::string_view literal = rest.substr(0, rest.find_first_of("*?"));
    const auto* first = std::lower_bound(kActions + range.first, kActions + range.last, literal,
                                         [](const data::ActionRow& row, std::string_view key) {
                                           return compare_lower(text(row.name), key) < 0;
                                         });
    for (auto id = static_cast<ActionId>(first - kActions); id < range.last; ++id) {
      std::string_view name = action_name(id);
      if (compare_lower(name.substr(0, literal.size()), literal) != 0) break;
      if (glob_matches(rest, name, true)) out.push_back(id);
    }
    return;
  }
  std::string full_name;
  for (ServiceId service = 0; service < data::kServiceCount; ++service) {
    full_name.assign(service_prefix(service));
    full_name += ':';
    const size_t prefix_size = full_name.size();
    ActionRange range = service_actions(service);
    for (ActionId id = range.first; id < range.last; ++id) {
      full_name.resize(prefix_size);
      full_name += action_name(id);
      if (glob_matches(pattern, full_name, true)) out.push_back(id);
    }
  }
}

}  // namespace

const std::vector<ActionId>& match_actions(std::string_view pattern) {
  // Most entries name one action: found, no action name having a wildcard, they are not scanned
  // for one.
  thread_local std::vector<ActionId> named;  // a name without wildcards: its action, if any
  named.clear();
  if (auto id = find_action(pattern)) {
    named.push_back(*id);
    return named;
  }
  if (!has_wildcard(pattern)) return named;
  // Policies repeat a few patterns ("*", "s3:Get*") across statements and files, and "*" alone
  // scans every action: each thread keeps what it matched, up to a million ids (4 MB).
  thread_local std::unordered_map<std::string, std::vector<ActionId>, TransparentHash, std::equal_to<>> matched;
  thread_local size_t kept_ids = 0;
  auto it = matched.find(pattern);
  if (it == matched.end()) {
    std::vector<ActionId> ids;
    scan_actions(pattern, ids);
    if (kept_ids + ids.size() > (size_t{1} << 20)) {
      matched.clear();
      kept_ids = 0;
    }
    kept_ids += ids.size();
    it = matched.emplace(std::string(pattern), std::move(ids)).first;
  }
  return it->second;
}

bool action_pattern_matches(std::string_view pattern, std::string_view action) { return glob_matches(pattern, action, true); }

}  // namespace mfalint::catalog
