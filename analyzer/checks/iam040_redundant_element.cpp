#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mfalint::checks {
namespace {

// What covers() needs to know of a text, found in one pass: a pattern is compared with many
// entries of its list, and each comparison would otherwise scan it again.
struct Shape {
  std::string_view text;
  bool wildcard = false;  // a `*` or `?`
  bool question = false;  // a `?`
  bool variable = false;  // a `${`, a policy variable
  size_t prefix = 0;      // characters before the first wildcard
  size_t suffix = 0;      // characters after the last wildcard
};

// The bit of a character in a text's set of characters (chars_of()). ARNs are mostly lower-case
// letters, digits and a little punctuation, which get a bit each; upper-case letters share thirteen
// bits and the other bytes four. `*`, `?` and `$` have their own, so that one test finds them.
constexpr uint8_t kStarBit = 61, kQuestionBit = 62, kDollarBit = 63;
inline constexpr auto kCharBit = [] {
  std::array<uint8_t, 256> bits{};
  for (int c = 0; c < 256; ++c) bits[c] = static_cast<uint8_t>(57 + c % 4);
  for (int c = 'a'; c <= 'z'; ++c) bits[c] = static_cast<uint8_t>(c - 'a');
  for (int c = 'A'; c <= 'Z'; ++c) bits[c] = static_cast<uint8_t>(26 + (c - 'A') % 13);
  for (int c = '0'; c <= '9'; ++c) bits[c] = static_cast<uint8_t>(39 + c - '0');
  uint8_t next = 49;
  for (char c : {'-', ':', '/', '_', '.', '=', '+', '@'}) bits[static_cast<unsigned char>(c)] = next++;
  bits['*'] = kStarBit;
  bits['?'] = kQuestionBit;
  bits['$'] = kDollarBit;
  return bits;
}();

// The bits (kCharBit) of the characters of a text.
uint64_t chars_of(std::string_view text) {
  uint64_t chars = 0;
  for (char c : text) chars |= uint64_t{1} << kCharBit[static_cast<unsigned char>(c)];
  return chars;
}

constexpr bool has_bit(uint64_t chars, uint8_t bit) { return (chars >> bit & 1) != 0; }

// The shape of `text`, which holds the characters `chars` (chars_of(text)): those tell whether it
// has a `*`, `?` or `$`, so that most texts need no search for them.
Shape shape_of(std::string_view text, uint64_t chars) {
  Shape shape{text};
  shape.question = has_bit(chars, kQuestionBit);
  shape.wildcard = shape.question || has_bit(chars, kStarBit);
  shape.variable = has_bit(chars, kDollarBit) && text.find("${") != std::string_view::npos;
  if (!shape.wildcard) {
    shape.prefix = text.size();
    return shape;
  }
  shape.prefix = shape.question ? text.find_first_of("*?") : text.find('*');
  shape.suffix = text.size() - (shape.question ? text.find_last_of("*?") : text.rfind('*')) - 1;
  return shape;
}

// Whether the pattern of characters `wide` may cover the text of characters `narrow` (chars_of()
// both), ARNs compared case-sensitively: a first test, cheaper than covers() and failed by most
// pairs. Each character of the pattern but its wildcards is in the text when it does: a glob
// match puts it there, and so does being the same text.
bool may_cover(uint64_t wide, uint64_t narrow) {
  constexpr uint64_t wildcards = uint64_t{1} << kStarBit | uint64_t{1} << kQuestionBit;
  return (wide & ~wildcards & ~narrow) == 0;
}

bool same_text(std::string_view a, std::string_view b, bool ignore_case) {
  return ignore_case ? catalog::equals_lower(a, b) : a == b;
}

// Where `part` first occurs in `text` at or after `from`, ASCII case folded with `ignore_case`.
size_t find_part(std::string_view text, std::string_view part, size_t from, bool ignore_case) {
  if (!ignore_case) return text.find(part, from);
  const char first = catalog::lower_ascii(part[0]);
  for (size_t at = from; at + part.size() <= text.size(); ++at) {
    if (catalog::lower_ascii(text[at]) == first && catalog::equals_lower(text.substr(at, part.size()), part)) return at;
  }
  return std::string_view::npos;
}

// The first wildcard of `text` at or after `from` (its size if none); a search for `*` alone, which
// memchr does fast, when the text has no `?`.
size_t next_wildcard(std::string_view text, size_t from, bool question) {
  if (!question) return std::min(text.find('*', from), text.size());
  while (from < text.size() && text[from] != '*' && text[from] != '?') ++from;
  return from;
}

// Whether `narrow` holds `wide`'s wildcard-free parts in their order: starting with the part before
// the first wildcard, ending with the one after the last, the others in between, none overlapping.
// Each wildcard takes zero characters or more, so a glob match needs this; and finding each part at
// its first place after the one before is enough to tell. Most pairs fail here, cheaply, before
// the glob match's backtracking.
bool parts_in_order(const Shape& wide, std::string_view narrow, bool ignore_case) {
  if (narrow.size() < wide.prefix + wide.suffix) return false;
  if (!same_text(wide.text.substr(0, wide.prefix), narrow.substr(0, wide.prefix), ignore_case) ||
      !same_text(wide.text.substr(wide.text.size() - wide.suffix), narrow.substr(narrow.size() - wide.suffix),
                 ignore_case)) {
    return false;
  }
  // Between the first wildcard and the last: wildcards and the parts they separate.
  std::string_view middle = wide.text.substr(wide.prefix, wide.text.size() - wide.prefix - wide.suffix);
  std::string_view rest = narrow.substr(wide.prefix, narrow.size() - wide.prefix - wide.suffix);
  size_t at = 0;
  for (size_t start = 0; start < middle.size();) {
    size_t stop = next_wildcard(middle, start, wide.question);
    if (stop > start) {
      std::string_view part = middle.substr(start, stop - start);
      size_t found = find_part(rest, part, at, ignore_case);
      if (found == std::string_view::npos) return false;
      at = found + part.size();
    }
    start = stop + 1;
  }
  return true;
}

// Whether the pattern `wide` matches everything `narrow` can: `narrow` itself (no wildcard), or
// every string its wildcards allow. Glob-matching `narrow`'s text, its `*` and `?` taken as plain
// characters, proves that when `wide` has no `?`: each of `narrow`'s wildcards then falls inside
// one of `wide`'s `*`, which takes any replacement as well. A policy variable could become
// anything, so a text that holds one is covered only by "*", or by itself.
bool covers(const Shape& wide, const Shape& narrow, bool ignore_case) {
  if (wide.text == "*") return true;
  if (!wide.wildcard || wide.variable || narrow.variable) return same_text(wide.text, narrow.text, ignore_case);
  if (narrow.wildcard && wide.question) return false;
  return parts_in_order(wide, narrow.text, ignore_case) &&
         catalog::glob_matches(wide.text, narrow.text, ignore_case);
}

// `by` (entry `by_index`) makes `entry` (entry `index`) redundant: it covers it, and when each
// covers the other (the same text twice) only the later one goes.
bool redundant(const Shape& by, size_t by_index, const Shape& entry, size_t index, bool ignore_case) {
  return covers(by, entry, ignore_case) && (by_index < index || !covers(entry, by, ignore_case));
}

// A pattern of a list and its position there.
struct Pattern {
  uint32_t index;
  Shape shape;
};

void report(const model::Policy& policy, const model::Statement& st, const model::Text& entry, const model::Text& by,
            std::string_view element, std::string_view code, Findings& out) {
  std::string message = !catalog::has_wildcard(by.value) || by.value == entry.value
                            ? fmt::format("\"{}\" in {} repeats \"{}\" (line {}): remove one", entry.value, element,
                                          by.value, by.loc.line)
                            : fmt::format("\"{}\" in {} is redundant: \"{}\" (line {}) already covers it; remove it",
                                          entry.value, element, by.value, by.loc.line);
  Finding finding = with_code(make_finding("IAM040", policy, st, entry.loc, std::move(message)), code);
  finding.severity = Severity::Note;
  out.push_back(std::move(finding));
}

std::string_view service_part(std::string_view action) { return action.substr(0, action.find(':')); }

// The catalog action each entry of an Action or NotAction list names (model::kNotAnAction for
// none): the builder's table, read directly rather than with a call for each entry of a long list,
// or, for a list built without one, looked up here.
const std::vector<uint16_t>& action_ids_of(const model::TextList& list) {
  if (!list.action_ids.empty()) return list.action_ids;
  thread_local std::vector<uint16_t> ids;
  ids.clear();
  for (size_t i = 0; i < list.items.size(); ++i) {
    auto id = model::named_action(list, i);
    ids.push_back(id ? static_cast<uint16_t>(*id) : model::kNotAnAction);
  }
  return ids;
}

// The shape of a catalog action's name: no wildcard, no policy variable.
Shape plain_shape(std::string_view text) {
  Shape shape{text};
  shape.prefix = text.size();
  return shape;
}

// A table over ids (catalog actions, services) whose slots hold a value for the current list
// only. Each slot is stamped with the list it was set for, so a new list starts empty without
// clearing the table.
template <class Value>
class PerList {
 public:
  explicit PerList(size_t ids) : slots_(ids) {}  // ids: all are below it

  void start_list() {
    if (++list_ == 0) {  // the stamps wrapped around: clear them once
      std::fill(slots_.begin(), slots_.end(), Slot{});
      list_ = 1;
    }
  }

  // The value set for `id` in this list, or null.
  const Value* find(size_t id) const {
    return id < slots_.size() && slots_[id].list == list_ ? &slots_[id].value : nullptr;
  }

  // The value for `id` in this list: `value`, unless one was set before.
  const Value& set_once(size_t id, const Value& value) {
    Slot& slot = slots_[id];
    if (slot.list != list_) slot = {list_, value};
    return slot.value;
  }

 private:
  struct Slot {
    uint32_t list = 0;  // 0: never set
    Value value{};
  };
  std::vector<Slot> slots_;
  uint32_t list_ = 0;
};

// Whether the pattern may cover an entry of its own service, ignoring case: a first test, inline,
// that most such pairs fail. covers() needs the pattern's text before its first wildcard to begin
// the entry too; compared from its end, as the service they share comes first.
bool may_cover_action(const Shape& pattern, std::string_view entry) {
  if (entry.size() < pattern.prefix) return false;
  for (size_t at = pattern.prefix; at-- > 0;) {
    if (catalog::lower_ascii(pattern.text[at]) != catalog::lower_ascii(entry[at])) return false;
  }
  return true;
}

// A pattern of an Action list, and which patterns it is compared with: those of its own service,
// known to the catalog or not, or all when its service has a wildcard.
struct ActionPattern {
  Pattern pattern;
  std::string_view service;
  enum class Service : uint8_t { Wildcard, Known, Unknown } kind;
  catalog::ServiceId id = 0;  // Known
};

// Positions in the list's patterns: [begin, end) of the ones of a service.
struct Range {
  uint32_t begin = 0, end = 0;
};

// An Action or NotAction list's patterns, grouped by what they are compared with. The tables are
// the thread's, reused list after list.
class ActionPatterns {
 public:
  void start_list() {
    all_.clear();
    wildcard_service_.clear();
    unknown_service_.clear();
    by_service_.clear();
    service_ranges_.start_list();
  }

  // Adds entry `index` if it is a pattern: an entry that names no catalog action, with a wildcard.
  void add_if_pattern(uint32_t index, std::string_view text) {
    ActionPattern pattern{{index, shape_of(text, chars_of(text))}, service_part(text), ActionPattern::Service::Wildcard};
    if (!pattern.pattern.shape.wildcard) return;  // an unknown action: IAM100/IAM101's
    if (!all_.empty() && all_.back().kind != ActionPattern::Service::Wildcard &&
        catalog::equals_lower(all_.back().service, pattern.service)) {
      // Lists mostly keep a service's patterns together: the service is the one just looked up.
      pattern.kind = all_.back().kind;
      pattern.id = all_.back().id;
    } else if (!catalog::has_wildcard(pattern.service)) {
      if (auto id = catalog::find_service(pattern.service)) {
        pattern.kind = ActionPattern::Service::Known;
        pattern.id = *id;
      } else {
        pattern.kind = ActionPattern::Service::Unknown;
      }
    }
    all_.push_back(pattern);
  }

  bool empty() const { return all_.empty(); }

  // Once every pattern is added: group them by service.
  void group() {
    for (uint32_t k = 0; k < all_.size(); ++k) {
      switch (all_[k].kind) {
        case ActionPattern::Service::Wildcard: wildcard_service_.push_back(k); break;
        case ActionPattern::Service::Unknown: unknown_service_.push_back(k); break;
        case ActionPattern::Service::Known: by_service_.push_back(k); break;
      }
    }
    // By service, each service's patterns in list order (the order of all_).
    std::sort(by_service_.begin(), by_service_.end(), [&](uint32_t a, uint32_t b) {
      return std::pair(all_[a].id, a) < std::pair(all_[b].id, b);
    });
    for (uint32_t k = 0; k < by_service_.size();) {
      uint32_t begin = k;
      catalog::ServiceId id = all_[by_service_[k]].id;
      while (k < by_service_.size() && all_[by_service_[k]].id == id) ++k;
      service_ranges_.set_once(id, {begin, k});
    }
  }

  // The first pattern that makes the entry naming catalog action `action` redundant: one with a
  // wildcard service, else one of its service, in list order. A name has no wildcard, so no
  // pattern is the same text, and covering it is enough.
  std::optional<uint32_t> covering_action(std::string_view name, uint32_t action) const {
    const Range* range = service_ranges_.find(catalog::action_service_id(action));
    if (!range && wildcard_service_.empty()) return std::nullopt;  // most names of a long list
    const Shape entry = plain_shape(name);
    for (uint32_t k : wildcard_service_) {
      if (covers(all_[k].pattern.shape, entry, true)) return all_[k].pattern.index;
    }
    if (!range) return std::nullopt;
    for (uint32_t at = range->begin; at < range->end; ++at) {
      const Pattern& pattern = all_[by_service_[at]].pattern;
      if (may_cover_action(pattern.shape, name) && covers(pattern.shape, entry, true)) return pattern.index;
    }
    return std::nullopt;
  }

  // The first pattern that makes pattern `k` (the k-th of the list) redundant, in the same order.
  std::optional<uint32_t> covering_pattern(uint32_t k) const {
    const ActionPattern& entry = all_[k];
    auto makes_redundant = [&](uint32_t by) {
      const Pattern& pattern = all_[by].pattern;
      return by != k && may_cover_action(pattern.shape, entry.pattern.shape.text) &&
             redundant(pattern.shape, pattern.index, entry.pattern.shape, entry.pattern.index, true);
    };
    for (uint32_t by : wildcard_service_) {
      if (makes_redundant(by)) return all_[by].pattern.index;
    }
    if (entry.kind == ActionPattern::Service::Known) {
      if (const Range* range = service_ranges_.find(entry.id)) {
        for (uint32_t at = range->begin; at < range->end; ++at) {
          if (makes_redundant(by_service_[at])) return all_[by_service_[at]].pattern.index;
        }
      }
    } else if (entry.kind == ActionPattern::Service::Unknown) {
      for (uint32_t by : unknown_service_) {
        if (catalog::equals_lower(all_[by].service, entry.service) && makes_redundant(by)) {
          return all_[by].pattern.index;
        }
      }
    }
    return std::nullopt;
  }

  // Whether entry `index` is the pattern at `cursor`, for entries asked about in list order:
  // `cursor` starts at 0 for each list and moves past each pattern found.
  bool is_pattern(uint32_t index, uint32_t& cursor) const {
    if (cursor == all_.size() || all_[cursor].pattern.index != index) return false;
    ++cursor;
    return true;
  }

 private:
  std::vector<ActionPattern> all_;  // in list order
  std::vector<uint32_t> wildcard_service_, unknown_service_;  // positions in all_, in list order
  std::vector<uint32_t> by_service_;  // positions in all_, by service then list order
  PerList<Range> service_ranges_{catalog::service_count()};  // by service: its patterns in by_service_
};

// REDUNDANT_ACTION in one Action or NotAction list. Only a pattern can cover another entry, and a
// pattern whose service has no wildcard only entries of that service, so each entry is compared
// with the patterns of its own service and those with a wildcard in the service (mostly "*"):
// ReadOnlyAccess has thousands of entries. A catalog action is found by its id: its repeats in a
// table over the catalog's actions, the patterns of its service in one over its services.
void check_actions(const model::Policy& policy, const model::Statement& st, const model::TextList& list,
                   std::string_view element, Findings& out) {
  const auto& items = list.items;
  if (items.size() < 2) return;
  thread_local PerList<uint32_t> first_of(catalog::action_count());  // by action: the first entry naming it
  thread_local ActionPatterns patterns;
  first_of.start_list();
  patterns.start_list();
  const uint16_t* ids = action_ids_of(list).data();
  const auto size = static_cast<uint32_t>(items.size());
  // The catalog actions first, in a loop that calls nothing: a long list is mostly those.
  bool repeats = false;
  uint32_t unnamed = 0;
  for (uint32_t i = 0; i < size; ++i) {
    if (ids[i] == model::kNotAnAction) {
      ++unnamed;
    } else {
      repeats |= first_of.set_once(ids[i], i) != i;
    }
  }
  for (uint32_t i = 0; unnamed > 0 && i < size; ++i) {
    if (ids[i] == model::kNotAnAction) {
      patterns.add_if_pattern(i, items[i].value);
      --unnamed;
    }
  }
  if (patterns.empty() && !repeats) return;
  patterns.group();

  uint32_t cursor = 0;  // into the patterns
  for (uint32_t j = 0; j < size; ++j) {
    std::string_view text = items[j].value;
    const bool named = ids[j] != model::kNotAnAction;
    std::optional<uint32_t> by;
    if (named) {
      if (uint32_t first = *first_of.find(ids[j]); first != j) {
        by = first;
      } else if (!patterns.empty()) {
        by = patterns.covering_action(text, ids[j]);
      }
    } else if (patterns.is_pattern(j, cursor)) {
      by = patterns.covering_pattern(cursor - 1);
    } else {
      continue;  // names no action: IAM100/IAM101's
    }
    if (!by) continue;
    if (!named && catalog::match_actions(text).empty()) continue;  // matches nothing: IAM101's
    report(policy, st, items[j], items[*by], element, "REDUNDANT_ACTION", out);
  }
}

// Up to this many items (the entries of a list, the statements of a policy), repeats are found by
// comparing each item with the others; more are sorted once.
constexpr size_t kShortList = 16;

// A long list's texts with their entries, sorted by text, then entry; empty for a short list.
const std::vector<std::pair<std::string_view, uint32_t>>& sorted_if_long(const std::vector<model::Text>& items) {
  thread_local std::vector<std::pair<std::string_view, uint32_t>> sorted;
  sorted.clear();
  if (items.size() <= kShortList) return sorted;
  for (uint32_t i = 0; i < items.size(); ++i) sorted.emplace_back(items[i].value, i);
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// The first entry with the same text as entry `j`, if it comes before `j`.
std::optional<uint32_t> earlier_repeat(const std::vector<model::Text>& items, uint32_t j,
                                       const std::vector<std::pair<std::string_view, uint32_t>>& sorted) {
  std::string_view text = items[j].value;
  if (sorted.empty()) {
    for (uint32_t i = 0; i < j; ++i) {
      if (items[i].value == text) return i;
    }
    return std::nullopt;
  }
  uint32_t first = std::lower_bound(sorted.begin(), sorted.end(), std::pair<std::string_view, uint32_t>{text, 0})->second;
  if (first < j) return first;
  return std::nullopt;
}

// REDUNDANT_RESOURCE in one Resource or NotResource list: ARNs compare case-sensitively.
void check_resources(const model::Policy& policy, const model::Statement& st, const model::TextList& list,
                     std::string_view element, Findings& out) {
  const auto& items = list.items;
  if (items.size() < 2) return;
  thread_local std::vector<uint64_t> chars;     // each entry's (chars_of())
  thread_local std::vector<Shape> shapes;       // each entry's
  thread_local std::vector<uint32_t> patterns;  // the entries with a wildcard
  chars.clear();
  shapes.clear();
  patterns.clear();
  for (uint32_t i = 0; i < items.size(); ++i) {
    chars.push_back(chars_of(items[i].value));
    shapes.push_back(shape_of(items[i].value, chars[i]));
    if (shapes[i].wildcard) patterns.push_back(i);
  }
  const auto& sorted = sorted_if_long(items);
  for (uint32_t j = 0; j < items.size(); ++j) {
    std::string_view text = items[j].value;
    if (text != "*" && !text.starts_with("arn:")) continue;  // not an ARN: IAM020's
    std::optional<uint32_t> by = earlier_repeat(items, j, sorted);
    for (size_t k = 0; !by && k < patterns.size(); ++k) {
      uint32_t i = patterns[k];
      if (i != j && may_cover(chars[i], chars[j]) && redundant(shapes[i], i, shapes[j], j, false)) by = i;
    }
    if (by) report(policy, st, items[j], items[*by], element, "REDUNDANT_RESOURCE", out);
  }
}

// A statement's content but for its Sid, each list sorted: two statements with the same one
// grant (or deny) exactly the same. Every text is length-prefixed, so no text fakes a boundary.
void add(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

void add_list(std::string& out, char tag, const std::optional<model::TextList>& list) {
  if (!list) return;
  out += tag;
  std::vector<std::string_view> texts;
  texts.reserve(list->items.size());
  for (const auto& item : list->items) texts.push_back(item.value);
  std::sort(texts.begin(), texts.end());
  for (auto text : texts) add(out, text);
  out += ';';
}

void add_principal(std::string& out, char tag, const std::optional<model::Principal>& principal) {
  if (!principal) return;
  out += tag;
  if (principal->wildcard) out += '*';
  std::vector<std::string> entries;
  for (const auto& entry : principal->entries) {
    std::string one;
    add(one, entry.type.value);
    add_list(one, 'v', entry.values);
    entries.push_back(std::move(one));
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& one : entries) add(out, one);
  out += ';';
}

std::string signature(const model::Statement& st) {
  std::string out;
  out += *st.effect == model::Effect::Allow ? 'A' : 'D';
  add_principal(out, 'P', st.principal);
  add_principal(out, 'Q', st.not_principal);
  add_list(out, 'a', st.action);
  add_list(out, 'b', st.not_action);
  add_list(out, 'r', st.resource);
  add_list(out, 's', st.not_resource);
  std::vector<std::string> blocks;
  for (const auto& block : st.conditions) {
    std::string one;
    add(one, block.op_text.value);
    std::vector<std::string> entries;
    for (const auto& entry : block.entries) {
      std::string e;
      add(e, catalog::to_lower(entry.key.value));  // key names ignore case
      std::vector<std::string_view> values;
      for (const auto& value : entry.values) values.push_back(value.text);
      std::sort(values.begin(), values.end());
      for (auto value : values) add(e, value);
      entries.push_back(std::move(e));
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) add(one, e);
    blocks.push_back(std::move(one));
  }
  std::sort(blocks.begin(), blocks.end());
  out += 'C';
  for (const auto& one : blocks) add(out, one);
  return out;
}

// A statement with an empty Action, NotAction, Resource or NotResource list applies to nothing.
bool is_empty(const std::optional<model::TextList>& list) { return list && list->items.empty(); }

bool matches_nothing(const model::Statement& st) {
  return is_empty(st.action) || is_empty(st.not_action) || is_empty(st.resource) || is_empty(st.not_resource);
}

// A cheap stand-in for signature(): statements with the same signature have the same fingerprint,
// so only statements that share a fingerprint need their signatures built and compared. Every
// part is a sum over what signature() sorts, so order does not change it; a text adds a mix of its
// length and its first and last eight bytes, without reading the rest.
uint64_t mixed(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

uint64_t text_print(std::string_view text) {
  uint64_t head = 0, tail = 0;
  if (text.size() >= sizeof head) {
    std::memcpy(&head, text.data(), sizeof head);
    std::memcpy(&tail, text.data() + text.size() - sizeof tail, sizeof tail);
  } else {
    for (char c : text) head = head << 8 | static_cast<unsigned char>(c);
  }
  return mixed(head ^ (tail + text.size()) * 0x9e3779b97f4a7c15ULL);
}

uint64_t list_print(char tag, const model::TextList& list) {
  uint64_t sum = mixed((uint64_t{static_cast<unsigned char>(tag)} << 32) + list.items.size());
  for (const auto& item : list.items) sum += text_print(item.value);
  return sum;
}

uint64_t list_print(char tag, const std::optional<model::TextList>& list) { return list ? list_print(tag, *list) : 0; }

uint64_t principal_print(char tag, const std::optional<model::Principal>& principal) {
  if (!principal) return 0;
  uint64_t sum = mixed((uint64_t{static_cast<unsigned char>(tag)} << 32) + principal->entries.size() * 2 +
                       principal->wildcard);
  for (const auto& entry : principal->entries) sum += text_print(entry.type.value) + list_print('v', entry.values);
  return sum;
}

// Condition keys ignore case in the signature: they count here, their text does not.
uint64_t fingerprint(const model::Statement& st) {
  uint64_t sum = *st.effect == model::Effect::Allow ? 1 : 2;
  sum += principal_print('P', st.principal) + principal_print('Q', st.not_principal);
  sum += list_print('a', st.action) + list_print('b', st.not_action) + list_print('r', st.resource) +
         list_print('s', st.not_resource);
  uint64_t keys = 0;
  for (const auto& block : st.conditions) {
    sum += text_print(block.op_text.value);
    keys += block.entries.size();
    for (const auto& entry : block.entries) {
      for (const auto& value : entry.values) sum += text_print(value.text);
    }
  }
  return sum + mixed((uint64_t{'C'} << 32) + (st.conditions.size() << 20) + keys);
}

// A cheaper stand-in still, read without a text: which elements a statement has, how many entries
// each, and how long they are together in a short list. Statements with the same signature have
// the same outline, and as a policy's statements mostly differ in it, few need their texts read.
uint64_t list_size(const std::optional<model::TextList>& list) {
  if (!list) return 0;
  uint64_t size = 1 + list->items.size();
  if (list->items.size() <= 4) {
    for (const auto& item : list->items) size += item.value.size() << 8;
  }
  return size;
}

uint64_t principal_size(const std::optional<model::Principal>& principal) {
  return principal ? 1 + principal->wildcard + 2 * principal->entries.size() : 0;
}

uint64_t outline(const model::Statement& st) {
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  uint64_t out = *st.effect == model::Effect::Allow ? 1 : 2;
  out = out * kPrime + principal_size(st.principal);
  out = out * kPrime + principal_size(st.not_principal);
  out = out * kPrime + list_size(st.action);
  out = out * kPrime + list_size(st.not_action);
  out = out * kPrime + list_size(st.resource);
  out = out * kPrime + list_size(st.not_resource);
  return out * kPrime + st.conditions.size();
}

// The statements (by index) that repeat an earlier one, each with the first one it repeats. Only
// statements of the same outline have their fingerprints taken, and only those of the same
// outline and fingerprint their signatures built.
std::vector<std::pair<uint32_t, uint32_t>> repeated_statements(const model::Policy& policy) {
  thread_local std::vector<std::pair<uint64_t, uint32_t>> outlines;  // outline, statement
  thread_local std::vector<std::pair<uint64_t, uint32_t>> prints;    // outline + fingerprint, statement
  outlines.clear();
  prints.clear();
  for (uint32_t i = 0; i < policy.statements.size(); ++i) {
    const auto& st = policy.statements[i];
    if (!st.effect || matches_nothing(st)) continue;  // reported as such (IAM010 and others)
    outlines.emplace_back(outline(st), i);
  }
  auto add_print = [&](const std::pair<uint64_t, uint32_t>& statement) {
    prints.emplace_back(statement.first + fingerprint(policy.statements[statement.second]), statement.second);
  };
  const size_t count = outlines.size();
  const bool few = count <= kShortList;
  if (few) {  // most policies: each outline compared with the others, in statement order
    for (size_t k = 0; k < count; ++k) {
      for (size_t m = 0; m < count; ++m) {
        if (m != k && outlines[m].first == outlines[k].first) {
          add_print(outlines[k]);
          break;
        }
      }
    }
  } else {
    std::sort(outlines.begin(), outlines.end());
    for (size_t begin = 0, end = 0; begin < outlines.size(); begin = end) {
      end = begin + 1;
      while (end < outlines.size() && outlines[end].first == outlines[begin].first) ++end;
      if (end - begin < 2) continue;
      for (size_t k = begin; k < end; ++k) add_print(outlines[k]);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> repeats;
  if (prints.size() < 2) return repeats;
  if (few) {  // prints in statement order: each compared with those before it
    std::vector<std::string> signatures(prints.size());  // each built when first needed
    auto signature_of = [&](size_t k) -> const std::string& {
      if (signatures[k].empty()) signatures[k] = signature(policy.statements[prints[k].second]);
      return signatures[k];
    };
    for (size_t k = 1; k < prints.size(); ++k) {
      for (size_t m = 0; m < k; ++m) {
        if (prints[m].first == prints[k].first && signature_of(m) == signature_of(k)) {
          repeats.emplace_back(prints[k].second, prints[m].second);
          break;
        }
      }
    }
    return repeats;
  }
  std::sort(prints.begin(), prints.end());
  for (size_t begin = 0, end = 0; begin < prints.size(); begin = end) {
    end = begin + 1;
    while (end < prints.size() && prints[end].first == prints[begin].first) ++end;
    if (end - begin < 2) continue;
    std::vector<std::string> signatures;  // of the statements sharing this fingerprint, by index
    for (size_t k = begin; k < end; ++k) signatures.push_back(signature(policy.statements[prints[k].second]));
    for (size_t k = 1; k < signatures.size(); ++k) {
      for (size_t m = 0; m < k; ++m) {
        if (signatures[m] == signatures[k]) {
          repeats.emplace_back(prints[begin + k].second, prints[begin + m].second);
          break;
        }
      }
    }
  }
  std::sort(repeats.begin(), repeats.end());
  return repeats;
}

void check_statements(const model::Policy& policy, Findings& out) {
  if (policy.statements.size() < 2) return;
  for (auto [index, first_index] : repeated_statements(policy)) {
    const auto& st = policy.statements[index];
    const auto& first = policy.statements[first_index];
    Finding finding = with_code(
        make_finding(
            "IAM040", policy, st, st.loc,
            fmt::format("this statement repeats statement {}{} (line {}) but for its Sid: remove one", first_index + 1,
                        first.sid ? fmt::format(" \"{}\"", first.sid->value) : "", first.loc.line)),
        "REDUNDANT_STATEMENT");
    finding.severity = Severity::Note;
    out.push_back(std::move(finding));
  }
}

}  // namespace

// IAM040: what a policy says twice. An action or resource that another entry of the same list
// already covers (REDUNDANT_ACTION, REDUNDANT_RESOURCE), and a statement that repeats another but
// for its Sid (REDUNDANT_STATEMENT).
void check_redundant_element(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.action) check_actions(policy, st, *st.action, "Action", out);
    if (st.not_action) check_actions(policy, st, *st.not_action, "NotAction", out);
    if (st.resource) check_resources(policy, st, *st.resource, "Resource", out);
    if (st.not_resource) check_resources(policy, st, *st.not_resource, "NotResource", out);
  }
  check_statements(policy, out);
}

}  // namespace mfalint::checks
