#include "model/policy.h"

#include <array>
#include <utility>

namespace mfalint::model {
namespace {

constexpr std::array<std::pair<PolicyKind, std::string_view>, 6> kNames = {{
    {PolicyKind::Identity, "identity"},
    {PolicyKind::Resource, "resource"},
    {PolicyKind::Trust, "trust"},
    {PolicyKind::Boundary, "boundary"},
    {PolicyKind::ServiceControl, "scp"},
    {PolicyKind::ResourceControl, "rcp"},
}};

}  // namespace

std::string_view policy_type_name(PolicyKind kind) {
  for (const auto& [known, name] : kNames) {
    if (known == kind) return name;
  }
  return {};
}

std::optional<PolicyKind> parse_policy_type(std::string_view name) {
  for (const auto& [kind, known] : kNames) {
    if (known == name) return kind;
  }
  return std::nullopt;
}

}  // namespace mfalint::model
