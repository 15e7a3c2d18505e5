#pragma once
// Every AWS service, action, resource type and condition key, from the AWS Service
// Authorization Reference, compiled into the binary (catalog_data.cpp, written by
// tools/update-catalog). Lookups are case-insensitive, as IAM's are; names come back in AWS's
// casing. Nothing here runs at start-up: the tables are constant data.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::catalog {

enum class AccessLevel : uint8_t { List, Read, Write, PermissionsManagement, Tagging };
std::string_view access_level_name(AccessLevel level);  // "List", ..., "Permissions management", "Tagging"

// As the reference types condition keys.
enum class KeyType : uint8_t {
  String, ArrayOfString, Numeric, ArrayOfNumeric, Bool, ArrayOfBool, Date, ArrayOfDate,
  Arn, ArrayOfArn, IpAddress, ArrayOfIpAddress, Binary, ArrayOfBinary,
};
std::string_view key_type_name(KeyType type);  // AWS's spelling: "ArrayOfString", "ARN", "IPAddress"

using ServiceId = uint16_t;
// Dense, 0 .. action_count() - 1, ordered by service prefix then lower-case action name, so an
// analysis can keep a bitset over all actions. Ids change when the catalog is regenerated.
using ActionId = uint32_t;

struct ActionRange {
  ActionId first = 0, last = 0;  // [first, last)
};

std::string_view catalog_source();  // the package and version the tables were generated from

size_t service_count();
std::string_view service_prefix(ServiceId service);
std::optional<ServiceId> find_service(std::string_view prefix);
bool service_known(std::string_view prefix);
ActionRange service_actions(ServiceId service);

size_t action_count();
ServiceId action_service_id(ActionId action);
std::string_view action_service(ActionId action);  // "s3"
std::string_view action_name(ActionId action);     // "GetObject"
std::string action_full_name(ActionId action);     // "s3:GetObject"
AccessLevel action_access_level(ActionId action);
std::optional<ActionId> find_action(std::string_view full_name);  // "S3:getobject" finds s3:GetObject

struct ActionResourceType {
  std::string_view name;        // "object"
  std::string_view arn_format;  // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
  bool required = false;
};
std::vector<ActionResourceType> action_resource_types(ActionId action);
std::vector<std::string_view> action_condition_keys(ActionId action);  // the keys the reference lists for it
// Every resource type the reference lists for `service` (`required` is false), also those no action names.
std::vector<ActionResourceType> service_resource_types(ServiceId service);

// IAM's wildcard matching of an action pattern against "service:Action": `*` matches any run of
// characters, `?` exactly one, letters match regardless of case. Allocates nothing.
bool action_pattern_matches(std::string_view pattern, std::string_view action);
// The sorted ids of the actions `pattern` matches. A name without wildcards is found with
// find_action; a pattern whose service prefix has no wildcard only looks at that service. The
// list belongs to this thread (a wildcard pattern's is its memo) and is valid until the thread's
// next call: "*" alone matches every action, and most callers only walk the list.
const std::vector<ActionId>& match_actions(std::string_view pattern);

// The type of a global (`aws:...`) or service condition key; a key written with a tag key or
// another name in place of a `${...}` segment (`aws:PrincipalTag/team`) has the template's type.
std::optional<KeyType> condition_key_type(std::string_view key);
// Whether the key's prefix (before the first ':') names a namespace whose keys the catalog
// lists: "aws", a service prefix, or a federated-provider prefix such as "saml".
bool condition_key_prefix_known(std::string_view key);

// The closest known name, for "did you mean" suggestions; empty when nothing is close enough.
// A condition key is compared with the keys of its own namespace and the global aws: keys, and
// letters missing from it cost little, so abbreviations find the full name
// (aws:MFAPresent -> aws:MultiFactorAuthPresent, s3:MultiFactorAuthAge -> aws:MultiFactorAuthAge).
std::string nearest_service(std::string_view prefix);
std::string nearest_action(std::string_view full_name);  // searches the named service
std::string nearest_condition_key(std::string_view key);

}  // namespace mfalint::catalog
