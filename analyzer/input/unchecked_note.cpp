#include "input/adapters.h"

namespace mfalint::input {

void add_unchecked_note(LoadedFile& file, uint32_t begin, uint32_t end, const std::string& context,
                        std::string message) {
  Finding note = file_finding("IAM018", file, file.source->locate(begin, end), std::move(message));
  note.severity = Severity::Note;
  note.context = context;
  file.findings.push_back(std::move(note));
}

}  // namespace mfalint::input
