#include "catalog/catalog.h"
#include "model/policy.h"

namespace mfalint::model {

std::optional<uint32_t> named_action(const TextList& list, size_t i) {
  if (list.action_ids.empty()) return catalog::find_action(list.items[i].value);
  if (list.action_ids[i] == kNotAnAction) return std::nullopt;
  return list.action_ids[i];
}

}  // namespace mfalint::model
