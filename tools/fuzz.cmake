# -DMFALINT_FUZZ=ON builds the libFuzzer targets of tests/fuzz (docs/fuzzing.md). Coverage feedback
# and the sanitizers must reach the code under test, so every target of the build is instrumented;
# only the fuzz targets themselves link libFuzzer's main.
option(MFALINT_FUZZ "Build the libFuzzer targets (clang only; instruments the whole build)" OFF)
if(MFALINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MFALINT_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++), not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/fuzz-ignorelist.txt -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
