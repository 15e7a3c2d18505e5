#include "analysis/mfa_setup.h"

#include "analysis/glob.h"
#include "catalog/text.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>
#include <vector>

namespace mfalint::analysis {
namespace {

std::string_view all_of(SetupTarget target) {
  return target == SetupTarget::User ? "arn:aws:iam::*:user/*" : "arn:aws:iam::*:mfa/*";
}

std::string_view every(SetupTarget target) {
  return target == SetupTarget::User ? "every IAM user" : "every virtual MFA device";
}

// `user/${aws:username}` (or a path ending in it) under the target's resource type: a user name
// is unique in an account, so it names the caller's own user or device and no other.
bool callers_own(std::string_view pattern, SetupTarget target) {
  size_t at = 0;
  for (int colon = 0; colon < 5; ++colon) {
    at = pattern.find(':', at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  std::string_view resource = pattern.substr(at);
  constexpr std::string_view kOwnName = "/${aws:username}";
  std::string_view type = target == SetupTarget::User ? "user/" : "mfa/";
  return resource.starts_with(type) && resource.size() >= kOwnName.size() &&
         catalog::compare_lower(resource.substr(resource.size() - kOwnName.size()), kOwnName) == 0;
}

struct SetupAction {
  catalog::ActionId id;
  SetupTarget target;
};

const std::vector<SetupAction>& setup_actions() {
  static const std::vector<SetupAction> kActions = [] {
    std::vector<SetupAction> actions;
    for (auto [name, target] : {std::pair{"iam:CreateVirtualMFADevice", SetupTarget::VirtualDevice},
                                std::pair{"iam:DeleteVirtualMFADevice", SetupTarget::VirtualDevice},
                                std::pair{"iam:EnableMFADevice", SetupTarget::User},
                                std::pair{"iam:ResyncMFADevice", SetupTarget::User},
                                std::pair{"iam:ListMFADevices", SetupTarget::User},
                                std::pair{"iam:DeactivateMFADevice", SetupTarget::User}}) {
      if (auto id = catalog::find_action(name)) actions.push_back(SetupAction{*id, target});
    }
    return actions;
  }();
  return kActions;
}

}  // namespace

const catalog::ActionBits& mfa_setup_actions() {
  static const catalog::ActionBits kBits = [] {
    catalog::ActionBits bits;
    for (const auto& setup : setup_actions()) bits.insert(setup.id);
    return bits;
  }();
  return kBits;
}

std::optional<SetupTarget> mfa_setup_target(catalog::ActionId action) {
  for (const auto& setup : setup_actions()) {
    if (setup.id == action) return setup.target;
  }
  return std::nullopt;
}

std::string others_opened(const model::Statement& allow, SetupTarget target) {
  std::string_view everyone = all_of(target);
  std::string listed;
  auto list = [&](const std::string& pattern) { listed += (listed.empty() ? "" : ", ") + pattern; };
  if (allow.not_resource) {
    for (const auto& item : allow.not_resource->items) {
      if (resource_covers(item.value, everyone)) return {};
      if (resources_intersect(item.value, everyone)) list(item.value);
    }
    return listed.empty() ? std::string(every(target)) : fmt::format("{} except {}", every(target), listed);
  }
  if (!allow.resource) return {};
  for (const auto& item : allow.resource->items) {
    if (callers_own(item.value, target) || !resources_intersect(item.value, everyone)) continue;
    if (resource_covers(item.value, everyone)) return std::string(every(target));
    list(item.value);
  }
  if (listed.empty()) return {};
  return fmt::format("the {} matching {}", target == SetupTarget::User ? "IAM users" : "virtual MFA devices", listed);
}

}  // namespace mfalint::analysis
