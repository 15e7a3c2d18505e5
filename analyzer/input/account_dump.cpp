#include "input/account_dump.h"

#include "input/adapters.h"

#include <fmt/core.h>

#include <cstddef>
#include <map>

namespace mfalint::input {
namespace {

using model::PolicyKind;
using model::SizeQuota;

constexpr std::string_view kLists[] = {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"};

// Why the dump cannot be read, at a file offset. An empty message: add_policy has failed the file already.
struct DumpError {
  std::string message;
  uint32_t offset = 0;
};

const JsonNode& member(const JsonNode& object, std::string_view key, const std::string& where) {
  const JsonNode* node = object.find(key);
  if (!node) throw DumpError{fmt::format("{}: missing \"{}\"", where, key), object.begin};
  return *node;
}

std::string text(const JsonNode& object, std::string_view key, const std::string& where) {
  const JsonNode& node = member(object, key, where);
  if (!node.is_string()) {
    throw DumpError{fmt::format("{}.{}: expected a string, found {}", where, key, json_kind_name(node.kind)), node.begin};
  }
  return node.text;
}

// The entries of an optional list: AWS leaves empty lists out of some dumps.
const std::vector<JsonNode>& entries(const JsonNode& object, std::string_view key, const std::string& where) {
  static const std::vector<JsonNode> kNone;
  const JsonNode* node = object.find(key);
  if (!node) return kNone;
  if (!node->is_array()) {
    throw DumpError{fmt::format("{}.{}: expected an array, found {}", where, key, json_kind_name(node->kind)),
                    node->begin};
  }
  return node->items;
}

const JsonNode& object_entry(const JsonNode& node, const std::string& where) {
  if (!node.is_object()) {
    throw DumpError{fmt::format("{}: expected an object, found {}", where, json_kind_name(node.kind)), node.begin};
  }
  return node;
}

// The version of a managed policy that is in force: the default one.
const JsonNode& default_document(const JsonNode& policy, const std::string& where) {
  const JsonNode* default_id = policy.find("DefaultVersionId");
  const auto& versions = entries(policy, "PolicyVersionList", where);
  for (size_t i = 0; i < versions.size(); ++i) {
    const JsonNode& version = object_entry(versions[i], fmt::format("{}.PolicyVersionList[{}]", where, i));
    const JsonNode* is_default = version.find("IsDefaultVersion");
    const JsonNode* id = version.find("VersionId");
    bool marked = is_default && is_default->kind == JsonNode::Kind::True;
    bool named = default_id && id && default_id->is_string() && id->is_string() && default_id->text == id->text;
    if (marked || named) return member(version, "Document", fmt::format("{}.PolicyVersionList[{}]", where, i));
  }
  throw DumpError{fmt::format("{}: no default version in \"PolicyVersionList\"", where), policy.begin};
}

// What a group gives its users: its policies, and notes on those the dump does not hold.
struct GroupGrant {
  std::vector<PolicyRef> identity;
  Findings notes;
};

class DumpReader {
 public:
  explicit DumpReader(AccountDump& dump) : dump_(dump), file_(dump.file) {}

  void read(const JsonNode& root) {
    bool any = false;
    for (auto list : kLists) any = any || (root.is_object() && root.find(list));
    if (!any) {
      throw DumpError{"not `aws iam get-account-authorization-details` output: expected an object with "
                      "\"UserDetailList\", \"GroupDetailList\", \"RoleDetailList\" or \"Policies\"",
                      root.begin};
    }
    const auto& policies = entries(root, "Policies", "Policies");
    for (size_t i = 0; i < policies.size(); ++i) managed_policy(policies[i], fmt::format("Policies[{}]", i));
    std::vector<DumpPrincipal> groups;
    const auto& group_list = entries(root, "GroupDetailList", "GroupDetailList");
    for (size_t i = 0; i < group_list.size(); ++i) {
      groups.push_back(principal(group_list[i], PrincipalType::Group, fmt::format("GroupDetailList[{}]", i)));
      grants_.emplace(groups.back().name, GroupGrant{groups.back().identity, groups.back().notes});
    }
    const auto& users = entries(root, "UserDetailList", "UserDetailList");
    for (size_t i = 0; i < users.size(); ++i) {
      dump_.principals.push_back(principal(users[i], PrincipalType::User, fmt::format("UserDetailList[{}]", i)));
    }
    for (auto& group : groups) dump_.principals.push_back(std::move(group));
    const auto& roles = entries(root, "RoleDetailList", "RoleDetailList");
    for (size_t i = 0; i < roles.size(); ++i) {
      dump_.principals.push_back(principal(roles[i], PrincipalType::Role, fmt::format("RoleDetailList[{}]", i)));
    }
  }

 private:
  void managed_policy(const JsonNode& node, const std::string& where) {
    const JsonNode& policy = object_entry(node, where);
    std::string arn = text(policy, "Arn", where);
    model::PolicyOrigin origin{file_.source, "managed policy " + arn, PolicyKind::Identity, SizeQuota::Managed, true};
    managed_[arn] = document(default_document(policy, where), std::move(origin));
  }

  DumpPrincipal principal(const JsonNode& node, PrincipalType type, const std::string& where) {
    static constexpr std::string_view kName[] = {"UserName", "GroupName", "RoleName"};
    static constexpr std::string_view kInline[] = {"UserPolicyList", "GroupPolicyList", "RolePolicyList"};
    static constexpr SizeQuota kQuota[] = {SizeQuota::InlineUser, SizeQuota::InlineGroup, SizeQuota::InlineRole};
    auto index = static_cast<size_t>(type);
    const JsonNode& entry = object_entry(node, where);
    DumpPrincipal principal;
    principal.type = type;
    principal.name = text(entry, kName[index], where);
    principal.arn = text(entry, "Arn", where);
    std::string owner = fmt::format("{} {}", principal_type_name(type), principal.name);

    const auto& inline_policies = entries(entry, kInline[index], where);
    for (size_t i = 0; i < inline_policies.size(); ++i) {
      std::string at = fmt::format("{}.{}[{}]", where, kInline[index], i);
      const JsonNode& item = object_entry(inline_policies[i], at);
      std::string name = text(item, "PolicyName", at);
      model::PolicyOrigin origin{file_.source, fmt::format("{} inline policy {}", owner, name), PolicyKind::Identity,
                                 kQuota[index], true};
      principal.identity.push_back({document(member(item, "PolicyDocument", at), std::move(origin)),
                                    "inline policy " + name});
    }
    const auto& attached = entries(entry, "AttachedManagedPolicies", where);
    for (size_t i = 0; i < attached.size(); ++i) {
      std::string at = fmt::format("{}.AttachedManagedPolicies[{}]", where, i);
      const JsonNode& item = object_entry(attached[i], at);
      std::string arn = text(item, "PolicyArn", at);
      if (auto found = managed_.find(arn); found != managed_.end()) {
        add_identity(principal, {found->second, "managed policy " + arn});
      } else {
        principal.notes.push_back(note(item, "managed policy " + arn,
                                       fmt::format("managed policy {} is not in the dump (a dump filtered with "
                                                   "`--filter` leaves AWS managed policies out): judged without it",
                                                   arn)));
      }
    }
    if (type == PrincipalType::User) groups_of(entry, where, principal);
    if (const JsonNode* boundary = entry.find("PermissionsBoundary")) {
      std::string at = where + ".PermissionsBoundary";
      principal.boundary_arn = text(object_entry(*boundary, at), "PermissionsBoundaryArn", at);
      std::string via = "permissions boundary " + principal.boundary_arn;
      if (auto found = managed_.find(principal.boundary_arn); found != managed_.end()) {
        principal.boundary = PolicyRef{found->second, via};
      } else {
        principal.notes.push_back(note(*boundary, via,
                                       fmt::format("permissions boundary {} is not in the dump: judged without it, "
                                                   "so what it reaches may be overstated",
                                                   principal.boundary_arn)));
      }
    }
    if (type == PrincipalType::Role) {
      model::PolicyOrigin origin{file_.source, owner + " trust policy", PolicyKind::Trust, SizeQuota::TrustPolicy, true};
      principal.trust = PolicyRef{document(member(entry, "AssumeRolePolicyDocument", where), std::move(origin)),
                                  "trust policy"};
    }
    return principal;
  }

  // A user's groups, by name: their policies join the user's, after its own.
  void groups_of(const JsonNode& user, const std::string& where, DumpPrincipal& principal) {
    const auto& names = entries(user, "GroupList", where);
    for (size_t i = 0; i < names.size(); ++i) {
      if (!names[i].is_string()) {
        throw DumpError{fmt::format("{}.GroupList[{}]: expected a group name, found {}", where, i,
                                    json_kind_name(names[i].kind)),
                        names[i].begin};
      }
      std::string via = "group " + names[i].text;
      auto grant = grants_.find(names[i].text);
      if (grant == grants_.end()) {
        principal.notes.push_back(
            note(names[i], via, fmt::format("group {} is not in the dump: judged without its policies", names[i].text)));
        continue;
      }
      for (const auto& ref : grant->second.identity) add_identity(principal, {ref.document, via + ": " + ref.via});
      for (const auto& group_note : grant->second.notes) {
        Finding copy = group_note;
        copy.context = via + ": " + group_note.context;
        principal.notes.push_back(std::move(copy));
      }
    }
  }

  static void add_identity(DumpPrincipal& principal, PolicyRef ref) {
    for (const auto& held : principal.identity) {
      if (held.document == ref.document) return;  // IAM evaluates a policy once however it is attached
    }
    principal.identity.push_back(std::move(ref));
  }

  Finding note(const JsonNode& at, std::string context, std::string message) const {
    Finding finding = file_finding("IAM018", file_, file_.source->locate(at.begin, at.end), std::move(message));
    finding.severity = Severity::Note;
    finding.context = std::move(context);
    return finding;
  }

  // Builds the policy at `node` (an object, or a JSON string holding one, URL-encoded as the raw
  // API returns it) with its own findings apart.
  size_t document(const JsonNode& node, model::PolicyOrigin origin) {
    size_t findings = file_.findings.size();
    add_policy(node, std::move(origin), file_);
    if (file_.error) throw DumpError{};
    DumpPolicy built;
    if (!file_.policies.empty()) {
      built.policy = std::move(file_.policies.back());
      file_.policies.pop_back();
    }
    auto first = file_.findings.begin() + static_cast<std::ptrdiff_t>(findings);
    built.findings.assign(std::make_move_iterator(first), std::make_move_iterator(file_.findings.end()));
    file_.findings.erase(first, file_.findings.end());
    dump_.documents.push_back(std::move(built));
    return dump_.documents.size() - 1;
  }

  AccountDump& dump_;
  LoadedFile& file_;
  std::map<std::string, size_t> managed_;  // ARN -> document
  std::map<std::string, GroupGrant> grants_;
};

}  // namespace

std::string_view principal_type_name(PrincipalType type) {
  switch (type) {
    case PrincipalType::User: return "user";
    case PrincipalType::Group: return "group";
    case PrincipalType::Role: return "role";
  }
  return "principal";
}

AccountDump read_account_dump(std::string path, std::string text) {
  AccountDump dump;
  LoadedFile& file = dump.file;
  file.path = path;
  file.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  if (file.source->text().empty()) {
    fail(file, "empty file: expected `aws iam get-account-authorization-details` output", std::nullopt);
    return dump;
  }
  auto parsed = parse_json(file.source->text());
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return dump;
  }
  try {
    DumpReader(dump).read(*parsed.root);
  } catch (const DumpError& error) {
    if (!file.error) fail(file, error.message, error.offset);
    dump.documents.clear();
    dump.principals.clear();
  }
  return dump;
}

AccountDump load_account_dump(const std::string& path, uint64_t max_bytes) {
  return read_file_with<AccountDump>(path, max_bytes, read_account_dump);
}

}  // namespace mfalint::input
