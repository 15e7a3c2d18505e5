#include "catalog/catalog.h"
#include "catalog/remembered.h"
#include "catalog/catalog_data.h"
#include "catalog/text.h"

#include <algorithm>
#include <array>
#include <vector>

namespace mfalint::catalog {

using data::kConditionKeys;
using data::text;

std::string_view key_type_name(KeyType type) {
  static constexpr std::array<std::string_view, 14> kNames = {
      "String", "ArrayOfString", "Numeric", "ArrayOfNumeric", "Bool", "ArrayOfBool", "Date",
      "ArrayOfDate", "ARN", "ArrayOfARN", "IPAddress", "ArrayOfIPAddress", "Binary", "ArrayOfBinary"};
  return kNames[static_cast<size_t>(type)];
}

namespace {

std::optional<KeyType> look_up_key_type(std::string_view key) {
  const auto* end = kConditionKeys + data::kConditionKeyCount;
  const auto* it = std::lower_bound(kConditionKeys, end, key, [](const data::ConditionKeyRow& row, std::string_view k) {
    return compare_lower(text(row.name), k) < 0;
  });
  if (it != end && compare_lower(text(it->name), key) == 0) return static_cast<KeyType>(it->type);
  // Keys with a tag key or a name in them (aws:PrincipalTag/team) are common, and templates are a
  // few of thousands of keys: they are found once.
  static const std::vector<const data::ConditionKeyRow*> templates = [end] {
    std::vector<const data::ConditionKeyRow*> rows;
    for (const auto* row = kConditionKeys; row != end; ++row) {
      if (text(row->name).find("${") != std::string_view::npos) rows.push_back(row);
    }
    return rows;
  }();
  for (const auto* row : templates) {
    if (template_matches(text(row->name), key)) return static_cast<KeyType>(row->type);
  }
  return std::nullopt;
}

struct KeyTypes;

}  // namespace

// Every check that reads conditions asks for each key's type, and a key written with a tag key
// is matched against every template: the answer is remembered.
std::optional<KeyType> condition_key_type(std::string_view key) { return remembered<KeyTypes>(key, look_up_key_type); }

bool condition_key_prefix_known(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view prefix = key.substr(0, colon);
  if (compare_lower(prefix, "aws") == 0 || service_known(prefix)) return true;
  for (size_t i = 0; i < data::kFederatedPrefixCount; ++i) {
    std::string_view federated = text(data::kFederatedPrefixes[i]);
    if (compare_lower(federated, prefix) == 0 || template_matches(federated, prefix)) return true;
  }
  return false;
}

}  // namespace mfalint::catalog
