#include "catalog/catalog.h"
#include "catalog/catalog_data.h"
#include "catalog/remembered.h"
#include "catalog/text.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace mfalint::catalog {
namespace {

// The largest distance still worth computing exactly: within `limit`, and better than `best`.
size_t search_bound(size_t best, size_t limit) { return std::min(limit, best - 1); }

// The first candidate (in catalog order) at the smallest distance, if that is within `limit`.
template <typename Candidates>
std::string nearest(std::string_view query, const Candidates& candidates, size_t insert_cost, size_t limit) {
  std::string_view best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  candidates([&](std::string_view candidate) {
    if (best_distance == 0) return;
    size_t distance = edit_distance(query, candidate, insert_cost, search_bound(best_distance, limit));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  });
  if (best_distance > limit) return {};
  return std::string(best);
}

// A few typos for a name: one per four letters, at least one.
size_t typo_limit(std::string_view name) { return kEditCost * std::max<size_t>(1, name.size() / 4); }

std::string suggest_service(std::string_view prefix) {
  return nearest(
      prefix,
      [](auto&& visit) {
        for (ServiceId s = 0; s < data::kServiceCount; ++s) visit(service_prefix(s));
      },
      kEditCost, typo_limit(prefix));
}

std::string suggest_action(std::string_view full_name) {
  size_t colon = full_name.find(':');
  if (colon == std::string_view::npos) return {};
  auto service = find_service(full_name.substr(0, colon));
  if (!service) return {};
  std::string_view name = full_name.substr(colon + 1);
  ActionRange range = service_actions(*service);
  std::string found = nearest(
      name,
      [&](auto&& visit) {
        for (ActionId id = range.first; id < range.last; ++id) visit(action_name(id));
      },
      kEditCost, typo_limit(name));
  if (found.empty()) return {};
  return std::string(service_prefix(*service)) + ":" + found;
}

std::string suggest_condition_key(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos || !condition_key_prefix_known(key)) {
    // No namespace to search in: only a plain typo of a whole key is worth suggesting.
    return nearest(
        key,
        [](auto&& visit) {
          for (size_t i = 0; i < data::kConditionKeyCount; ++i) visit(data::text(data::kConditionKeys[i].name));
        },
        kEditCost, typo_limit(key));
  }
  // The key's own namespace, and the global keys (for s3:MultiFactorAuthAge), compared by the
  // part after the prefix. Up to half of it may be rewritten; missing letters (an abbreviation,
  // aws:MFAPresent) cost a quarter of a rewritten one.
  std::string_view prefix = key.substr(0, colon + 1), name = key.substr(colon + 1);
  std::string_view best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  const size_t limit = kEditCost * std::max<size_t>(1, name.size()) / 2;
  for (size_t i = 0; i < data::kConditionKeyCount && best_distance > 0; ++i) {
    std::string_view candidate = data::text(data::kConditionKeys[i].name);
    size_t candidate_colon = candidate.find(':');
    std::string_view candidate_prefix = candidate.substr(0, candidate_colon + 1);
    size_t penalty = 0;
    if (compare_lower(candidate_prefix, prefix) != 0) {
      if (compare_lower(candidate_prefix, "aws:") != 0) continue;
      penalty = kEditCost;
    }
    size_t bound = search_bound(best_distance, limit);
    if (penalty > bound) continue;
    size_t distance = penalty + edit_distance(name, candidate.substr(candidate_colon + 1), 1, bound - penalty);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (best_distance > limit) return {};
  return std::string(best);
}

// Each suggestion scans a part of the catalog: remembered, one memo for each kind of name.
struct ServiceSuggestions;
struct ActionSuggestions;
struct ConditionKeySuggestions;

}  // namespace

std::string nearest_service(std::string_view prefix) { return remembered<ServiceSuggestions>(prefix, suggest_service); }

std::string nearest_action(std::string_view full_name) { return remembered<ActionSuggestions>(full_name, suggest_action); }

std::string nearest_condition_key(std::string_view key) {
  return remembered<ConditionKeySuggestions>(key, suggest_condition_key);
}

}  // namespace mfalint::catalog
