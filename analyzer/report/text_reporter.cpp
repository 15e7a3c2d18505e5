#include "report/report.h"
#include "report/summary.h"

#include <fmt/core.h>

#include <algorithm>
#include <numeric>
#include <ostream>

namespace mfalint::report {
namespace {

struct Style {
  bool on;
  std::string paint(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Note: return "1;36";
  }
  return "1";
}

// The source line, then a caret under the column, as compilers print it. Tabs are kept so the
// caret lines up; a long line (minified JSON) is cut to a window around the column.
void write_caret(const Finding& finding, const Style& style, std::ostream& out) {
  constexpr uint32_t kContext = 40;  // characters shown before the column
  constexpr uint32_t kWidth = 120;   // characters shown in all
  if (!finding.source || finding.loc.line == 0) return;
  std::string_view line = finding.source->line_text(finding.loc.line);
  if (line.empty()) return;
  uint32_t first = finding.loc.column > kContext ? finding.loc.column - kContext : 1;
  std::string shown = first > 1 ? "..." : "";
  std::string pad(shown.size(), ' ');
  uint32_t column = 1;
  for (size_t i = 0; i < line.size() && column < first + kWidth; ++i) {
    bool starts_character = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (starts_character && i > 0) ++column;
    if (column < first) continue;
    if (column >= first + kWidth) break;
    shown.push_back(line[i]);
    if (starts_character && column < finding.loc.column) pad.push_back(line[i] == '\t' ? '\t' : ' ');
  }
  uint32_t width = 1;
  if (finding.loc.end_line == finding.loc.line && finding.loc.end_column > finding.loc.column + 1) {
    width = std::min(finding.loc.end_column - finding.loc.column, first + kWidth - finding.loc.column);
  }
  out << "  " << shown << "\n  " << pad << style.paint("1;32", "^" + std::string(width - 1, '~')) << "\n";
}

void write_finding(const Finding& finding, const Style& style, std::ostream& out) {
  std::string where = finding.loc.line ? fmt::format("{}:{}:{}:", finding.file(), finding.loc.line, finding.loc.column)
                                       : fmt::format("{}:", finding.file());
  out << style.paint("1", where) << ' '
      << style.paint(severity_color(finding.severity), fmt::format("{}:", severity_name(finding.severity))) << ' '
      << finding.message << " [" << finding.rule << "]\n";
  write_caret(finding, style, out);
  if (!finding.fix.empty()) out << "  = fix: " << finding.fix << "\n";
}

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Terminal columns, taken as one per UTF-8 character.
size_t columns_of(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), starts_character));
}

// Where the character after the first `columns` characters of `text` starts.
size_t offset_after(std::string_view text, size_t columns) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (starts_character(text[i]) && seen++ == columns) return i;
  }
  return text.size();
}

// `text` in lines of at most `width` columns, broken at spaces, and inside a word (an ARN) only
// when the word alone is wider: after a `:` or `/` if it can.
std::vector<std::string> wrap(std::string_view text, size_t width) {
  std::vector<std::string> lines(1);
  for (;;) {
    size_t end = text.find(' ');
    std::string_view word = text.substr(0, end);
    if (!lines.back().empty() && columns_of(lines.back()) + 1 + columns_of(word) > width) lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    for (; columns_of(word) > width; lines.emplace_back()) {  // alone on its lines
      size_t cut = offset_after(word, width);
      size_t separator = word.substr(0, cut).find_last_of(":/");
      if (separator != std::string_view::npos) cut = separator + 1;
      lines.back() = word.substr(0, cut);
      word.remove_prefix(cut);
    }
    lines.back() += word;
    if (end == std::string_view::npos) return lines;
    text.remove_prefix(end + 1);
  }
}

size_t longest_word(std::string_view text) {
  size_t longest = 0;
  for (size_t start = 0, end = 0; start <= text.size(); start = end + 1) {
    end = std::min(text.find(' ', start), text.size());
    longest = std::max(longest, columns_of(text.substr(start, end - start)));
  }
  return longest;
}

// The MFA table of one file, fitted into kTableWidth columns.
void write_mfa_table(const Subject& subject, const Style& style, std::ostream& out) {
  constexpr size_t kTableWidth = 100, kIndent = 2, kGap = 2, kNarrowest = 10;
  if (subject.rows.empty()) {
    out << style.paint("1", subject.name + ":") << " MFA table empty: no statement allows a sensitive action\n\n";
    return;
  }
  out << style.paint("1", subject.name + ":")
      << fmt::format(" MFA table, {} of {} sensitive action pattern{} reachable without MFA\n",
                     subject.unprotected_rows, subject.rows.size(), subject.rows.size() == 1 ? "" : "s");
  // A template's policies are told apart by where they are in it.
  bool policies =
      std::any_of(subject.rows.begin(), subject.rows.end(), [](const analysis::MfaRow* row) { return !row->context.empty(); });
  std::vector<std::vector<std::string>> table;  // the header, then the rows
  table.push_back({"Action", "Resource", "Long-term keys", "Session without MFA", "MFA window"});
  for (const analysis::MfaRow* row : subject.rows) {
    table.push_back({row->actions, row->resource, row->long_term_keys.describe(), row->session_without_mfa.describe(), row->mfa_window});
    if (policies) table.back().insert(table.back().begin(), row->context);
  }
  if (policies) table.front().insert(table.front().begin(), "Policy");
  // Headers on one line if the table fits, else on two; then the widest column gives way.
  std::vector<size_t> widths(table.front().size(), 0), two_line_headers(widths.size());
  for (size_t r = 1; r < table.size(); ++r) {
    for (size_t c = 0; c < widths.size(); ++c) widths[c] = std::max(widths[c], columns_of(table[r][c]));
  }
  for (size_t c = 0; c < widths.size(); ++c) {
    const std::string& header = table.front()[c];
    two_line_headers[c] = std::max(widths[c], longest_word(header));
    while (wrap(header, two_line_headers[c]).size() > 2) ++two_line_headers[c];
    widths[c] = std::max(widths[c], columns_of(header));
  }
  auto total = [](const std::vector<size_t>& columns) {
    return std::accumulate(columns.begin(), columns.end(), size_t{0});
  };
  size_t room = kTableWidth - kIndent - kGap * (widths.size() - 1);
  if (total(widths) > room) widths = two_line_headers;
  while (total(widths) > room) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= kNarrowest) break;
    --*widest;
  }
  for (size_t r = 0; r < table.size(); ++r) {
    std::vector<std::vector<std::string>> wrapped;
    size_t height = 0;
    for (size_t c = 0; c < widths.size(); ++c) {
      wrapped.push_back(wrap(table[r][c], widths[c]));
      height = std::max(height, wrapped.back().size());
    }
    for (size_t line = 0; line < height; ++line) {
      std::string text(kIndent, ' ');
      for (size_t c = 0; c < widths.size(); ++c) {
        std::string cell = line < wrapped[c].size() ? wrapped[c][line] : "";
        text += cell;
        if (c + 1 < widths.size()) text.append(widths[c] - columns_of(cell) + kGap, ' ');
      }
      text.erase(text.find_last_not_of(' ') + 1);
      out << (r == 0 ? style.paint("1", text) : text) << "\n";
    }
  }
  out << "\n";
}

// An account audit: each principal with findings under a heading naming it, with where in its
// policies each finding is; principals with nothing found are counted, not listed.
void write_principals(const Summary& summary, const ReportOptions& options, const Style& style, std::ostream& out) {
  for (const auto& subject : summary.subjects) {
    if (subject.findings.empty() && !(options.explain && !subject.rows.empty())) continue;
    std::string heading = subject.principal ? fmt::format("{} {}", subject.name, subject.principal->arn) : subject.name;
    out << style.paint("1", heading) << ": " << subject_line(subject) << "\n";
    for (const Finding* finding : subject.findings) {
      write_finding(*finding, style, out);
      if (auto where = where_in(subject, *finding); !where.empty()) out << "  = in: " << where << "\n";
    }
    if (options.explain) write_mfa_table(subject, style, out);
  }
}

// An audit of several accounts: a line per account after its principals' sections.
void write_accounts(const std::vector<AccountStatus>& accounts, const Style& style, std::ostream& out) {
  for (const auto& account : accounts) {
    std::string levels = levels_path(account, " > ");
    out << style.paint("1", fmt::format("account {}", account.id.empty() ? "(unknown)" : account.id))
        << fmt::format(" ({}): {} judged; of the {} people use, {} reach sensitive actions without MFA{}\n",
                       account.dump, counted(account.principals, "principal"), account.people_principals,
                       account.exposed_principals, levels.empty() ? "" : "; under " + levels);
  }
}

void write_text(const Report& report, const ReportOptions& options, std::ostream& out) {
  Style style{options.color};
  Summary summary = summarize(report);
  if (report.subject_kind == SubjectKind::Principal) {
    write_principals(summary, options, style, out);
    write_accounts(report.accounts, style, out);
  } else if (options.explain) {
    for (const auto& subject : summary.subjects) {
      for (const Finding* finding : subject.findings) write_finding(*finding, style, out);
      if (!subject.unreadable()) write_mfa_table(subject, style, out);
    }
  } else {
    for (const auto& finding : report.findings) write_finding(finding, style, out);
  }
  size_t unreadable = 0;
  for (const auto& file : report.files) unreadable += file.error ? 1 : 0;
  Tally counts = tally(report.findings);
  size_t subjects = report.subject_kind == SubjectKind::Principal ? report.principals.size() : report.files.size();
  out << fmt::format("{} {}: {}", counted(subjects, subject_noun(summary)),
                     report.subject_kind == SubjectKind::Principal ? "judged" : "checked", breakdown(counts));
  if (!report.suppressed.empty()) out << fmt::format("; {} suppressed", report.suppressed.size());
  if (unreadable) out << fmt::format("; {} file{} could not be read", unreadable, unreadable == 1 ? "" : "s");
  out << "\n";
}

}  // namespace

extern const Reporter kTextReporter{"text", write_text, false};

}  // namespace mfalint::report
