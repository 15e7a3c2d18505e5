// The AWS credentials/config INI parser, and the editor that rewrites one profile: whatever file it
// was given, the edited text must parse again and hold the values written.
#include "fuzz_load.h"
#include "session/credentials_file.h"
#include "session/error.h"
#include "session/ini.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mfalint;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  session::IniDocument document;
  try {
    document = session::parse_ini(text, "credentials");
  } catch (const session::Error&) {
    return 0;  // refused with a message, as configparser would
  }
  for (const auto& line : document.lines) (void)session::find_value(document, line.section, line.key);

  const std::vector<session::ProfileValue> values = {{"aws_access_key_id", "ASIAFUZZ"}, {"aws_session_token", "token"}};
  std::string edited = session::with_profile_values(document, "fuzz-mfa", values);
  session::IniDocument reread = session::parse_ini(edited, "credentials");  // throws (a crash) if the edit broke the file
  for (const auto& value : values) fuzz::require(session::find_value(reread, "fuzz-mfa", value.key) == value.value);
  return 0;
}
