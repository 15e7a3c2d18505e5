#pragma once
// MFA016: the MFA set-up actions stay reachable without MFA so that a user can enable a device, but
// they act on the user or device a request names. Scoped to the caller's own user and device
// (`arn:aws:iam::*:user/${aws:username}`, `arn:aws:iam::*:mfa/${aws:username}`) they are routine;
// on any other user they let whoever holds a password or an access key without MFA enable,
// resynchronise, list, deactivate or delete that user's MFA devices.

#include "catalog/action_bits.h"
#include "catalog/catalog.h"
#include "model/policy.h"

#include <optional>
#include <string>

namespace mfalint::analysis {

// What a set-up action acts on: an IAM user, or a virtual MFA device.
enum class SetupTarget : uint8_t { User, VirtualDevice };

// iam:CreateVirtualMFADevice, iam:EnableMFADevice, ...: the actions mfa_setup_target knows.
const catalog::ActionBits& mfa_setup_actions();

// The target of an MFA set-up action that names a user or a device in its request: none for every
// other action. iam:ChangePassword is not one: it changes only the caller's own password.
std::optional<SetupTarget> mfa_setup_target(catalog::ActionId action);

// Which users (or virtual devices) other than the caller's own an Allow's Resource or NotResource
// opens to actions on `target`: "every IAM user", "the IAM users matching X, Y", "every IAM user
// except X"; empty when it names only the caller's own, or none.
std::string others_opened(const model::Statement& allow, SetupTarget target);

}  // namespace mfalint::analysis
