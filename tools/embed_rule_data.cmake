# Writes OUT, a C++ source holding every rules/data/*.txt list (sorted by name) as a string literal.
# Run by the build: cmake -DOUT=... -DDIR=... -P embed_rule_data.cmake
file(GLOB lists "${DIR}/*.txt")
list(SORT lists)
set(body "")
foreach(path ${lists})
  get_filename_component(name ${path} NAME)
  file(READ ${path} text)
  string(FIND "${text}" ")mfalint_data\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter")
  endif()
  string(APPEND body "    {\"${name}\", R\"mfalint_data(${text})mfalint_data\"},\n")
endforeach()
set(content "// Generated from rules/data/*.txt by tools/embed_rule_data.cmake. Do not edit.
#include \"catalog/rule_data.h\"

namespace mfalint::catalog {

std::span<const RuleDataFile> rule_data_files() {
  static constexpr RuleDataFile kFiles[] = {
${body}  };
  return kFiles;
}

}  // namespace mfalint::catalog
")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE ${OUT} "${content}")
