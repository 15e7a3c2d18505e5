#include "pipeline/check_files.h"

#include "catalog/text.h"
#include "core/parallel_for.h"
#include "eval/context.h"
#include "pipeline/checked_load.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <map>
#include <mutex>
#include <tuple>

namespace mfalint::pipeline {
namespace {

// What one file contributes to the report, built apart so files can be checked in parallel.
struct FileResult {
  report::FileStatus status;
  Findings findings;
  std::vector<analysis::MfaRow> rows;
};

// "aws:RequestedRegion fixed to us-east-1" for each key of `statement`'s Condition that
// --assume fixes, as the policy spells it, once.
void note_fixed_keys(const model::Statement& statement, const analysis::Assumptions& assumptions, std::vector<std::string>& out) {
  for (const auto& block : statement.conditions) {
    for (const auto& entry : block.entries) {
      const std::string& key = entry.key.value;
      auto fixed = std::find_if(assumptions.fixed.begin(), assumptions.fixed.end(),
                                [&](const auto& item) { return catalog::equals_lower(item.first, key); });
      if (fixed == assumptions.fixed.end()) continue;
      const auto& values = fixed->second;
      std::string note = values.size() == 1 ? fmt::format("{} fixed to {}", key, values.front())
                                            : fmt::format("{} fixed to [{}]", key, fmt::join(values, ", "));
      if (std::find(out.begin(), out.end(), note) == out.end()) out.push_back(std::move(note));
    }
  }
}

// An MFA finding's outcome was computed with the --assume values of the keys its Allow and the
// policy's Denies condition on, instead of assuming them; the finding says so.
void say_what_was_fixed(const model::Policy& policy, const analysis::Assumptions& assumptions, Finding& finding) {
  if (assumptions.fixed.empty() || !finding.statement) return;
  std::vector<std::string> notes;
  for (const auto& statement : policy.statements) {
    if (statement.index == *finding.statement || statement.effect == model::Effect::Deny) {
      note_fixed_keys(statement, assumptions, notes);
    }
  }
  if (!notes.empty()) finding.message += fmt::format("; evaluated with {} by --assume", fmt::join(notes, ", "));
}

// Reports show a file's findings with their lines, nothing more: keep those lines and let the
// file's text go, which most of a large run's memory would otherwise be.
void keep_finding_lines(Findings& findings) {
  std::map<const SourceFile*, std::vector<uint32_t>> lines;
  for (const auto& finding : findings) {
    if (finding.source) lines[finding.source.get()].push_back(finding.loc.line);
  }
  std::map<const SourceFile*, std::shared_ptr<const SourceFile>> excerpts;
  for (auto& [source, numbers] : lines) excerpts[source] = source->excerpt(std::move(numbers));
  for (auto& finding : findings) {
    if (finding.source) finding.source = excerpts.at(finding.source.get());
  }
}

// Findings of one file in reading order, whichever stage found them. A file's policies may be
// attached to different principals (a template), so each is judged as a set of its own.
// Whether the MFA analysis judges `policy` at all: MFA010 judges trust policies, and an SCP or RCP
// grants nothing (what it takes away is judged by `audit --scp/--rcp`).
bool grants(const model::Policy& policy) {
  return policy.kind != model::PolicyKind::Trust && policy.kind != model::PolicyKind::ServiceControl &&
         policy.kind != model::PolicyKind::ResourceControl;
}

// Whether `policy` joins a principal's set under --together: a resource policy is another
// principal's grant, judged alone.
bool joins_set(const model::Policy& policy) { return grants(policy) && policy.kind != model::PolicyKind::Resource; }

// What a finding of the MFA analysis says about the policy it is in, beyond the analysis: the
// keys --assume fixed, and the template branch the policy deploys with.
void say_about_policy(const model::Policy& policy, const CheckFilesOptions& options, Finding& finding) {
  say_what_was_fixed(policy, options.mfa.assumptions, finding);
  if (!policy.branch.empty()) finding.message += fmt::format(" when the template deploys with {}", policy.branch);
}

void judge_alone(const model::Policy& policy, const CheckFilesOptions& options, FileResult& result) {
  auto mfa = analysis::analyze_mfa({&policy}, options.sensitivity, options.mfa);
  for (auto& finding : mfa.findings) {
    say_about_policy(policy, options, finding);
    result.findings.push_back(std::move(finding));
  }
  for (auto& row : mfa.rows) result.rows.push_back(std::move(row));
}

void finish(FileResult& result) {
  sort_by_position(result.findings);
  keep_finding_lines(result.findings);
  result.findings.shrink_to_fit();  // kept until the report is written: without a grown vector's slack
}

FileResult check_file(input::LoadedFile file, const CheckFilesOptions& options) {
  FileResult result{report::FileStatus{file.path, file.error, file.error_loc}, std::move(file.findings), {}};
  for (const auto& policy : file.policies) {
    if (grants(policy)) judge_alone(policy, options, result);
  }
  finish(result);
  return result;
}

void add_result(FileResult result, report::Report& report) {
  report.files.push_back(std::move(result.status));
  report.findings.insert(report.findings.end(), std::make_move_iterator(result.findings.begin()),
                         std::make_move_iterator(result.findings.end()));
  report.mfa_rows.insert(report.mfa_rows.end(), std::make_move_iterator(result.rows.begin()),
                         std::make_move_iterator(result.rows.end()));
}

// --together (every file's identity policies as one set) and named sets: each set judged as one
// principal's policies, each finding going to the file its statement lives in, so it keeps that
// file's line and column. A policy in no set is judged alone.
report::Report check_grouped(std::vector<input::LoadedFile> files, const CheckFilesOptions& options) {
  std::vector<FileResult> results;
  size_t set_count = options.together ? 1 : options.sets.size();
  std::vector<std::vector<const model::Policy*>> sets(set_count);
  std::map<const SourceFile*, size_t> file_of;
  std::map<std::pair<const SourceFile*, std::string_view>, const model::Policy*> policy_of;  // by file and context
  for (auto& file : files) {
    FileResult& result = results.emplace_back(
        FileResult{report::FileStatus{file.path, file.error, file.error_loc}, std::move(file.findings), {}});
    for (const auto& policy : file.policies) {
      bool in_a_set = false;
      for (size_t i = 0; joins_set(policy) && i < set_count; ++i) {
        if (options.together || options.sets[i].holds(file.path, policy.context)) {
          sets[i].push_back(&policy);
          in_a_set = true;
        }
      }
      if (!in_a_set && grants(policy)) judge_alone(policy, options, result);
      if (in_a_set && policy.source) {
        file_of.emplace(policy.source.get(), results.size() - 1);
        policy_of.emplace(std::pair{policy.source.get(), std::string_view(policy.context)}, &policy);
      }
    }
  }
  for (size_t i = 0; i < set_count; ++i) {
    if (sets[i].empty()) continue;
    auto mfa = analysis::analyze_mfa(sets[i], options.sensitivity, options.mfa);
    for (auto& finding : mfa.findings) {
      auto policy = policy_of.find(std::pair{finding.source.get(), std::string_view(finding.context)});
      if (policy != policy_of.end()) say_about_policy(*policy->second, options, finding);
      if (!options.together) finding.message += fmt::format(" (judged with set {})", options.sets[i].name);
      auto file = finding.source ? file_of.find(finding.source.get()) : file_of.end();
      results[file == file_of.end() ? 0 : file->second].findings.push_back(std::move(finding));
    }
    for (auto& row : mfa.rows) {
      if (!options.together) row.context = fmt::format("set {}: {}", options.sets[i].name, row.context);
      results.front().rows.push_back(std::move(row));
    }
  }
  report::Report report;
  for (auto& result : results) {
    finish(result);
    add_result(std::move(result), report);
  }
  return report;
}

}  // namespace

report::Report check_files(const std::vector<std::string>& paths, const CheckFilesOptions& options) {
  report::Report report;
  std::vector<input::LoadedFile> missing;
  auto files = input::expand_paths(paths, missing);
  if (options.together || !options.sets.empty()) {
    for (const auto& path : files) missing.push_back(load_checked(path, options.max_file_bytes, options.given_type));
    return check_grouped(std::move(missing), options);
  }
  for (auto& file : missing) add_result(check_file(std::move(file), options), report);

  // A file's result waits in `results` until every file before it is in the report. Whoever
  // finishes a file moves the finished ones into the report, in order: the moves overlap the other
  // threads' checking instead of running on one thread after it, and each file's vectors are let
  // go early.
  std::vector<FileResult> results(files.size());
  std::vector<std::atomic<bool>> finished(files.size());
  std::mutex merging;
  size_t merged = 0;  // files in the report; guarded by `merging`
  auto merge_finished = [&] {
    while (merged < files.size() && finished[merged].load(std::memory_order_acquire)) {
      add_result(std::move(results[merged++]), report);
    }
  };
  auto check = [&](size_t i) {
    results[i] = check_file(load_checked(files[i], options.max_file_bytes, options.given_type), options);
    finished[i].store(true, std::memory_order_release);
    if (std::unique_lock lock(merging, std::try_to_lock); lock.owns_lock()) merge_finished();
  };
  // Standard input can be read only once: `-` is read here, in order, as a sequential run reads it.
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i] == "-") check(i);
  }
  parallel_for(files.size(), options.jobs, [&](size_t i) {
    if (files[i] != "-") check(i);
  });
  merge_finished();  // the files whose finisher found the lock taken
  return report;
}

}  // namespace mfalint::pipeline
