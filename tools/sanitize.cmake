# -DMFALINT_SANITIZE=ON (docs/hardening.md): every target, tests included, runs under ASan and UBSan;
# undefined behaviour aborts instead of printing and carrying on, so a test cannot pass over it.
option(MFALINT_SANITIZE "Build every target with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(MFALINT_SANITIZE)
  set(MFALINT_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${MFALINT_SANITIZER_FLAGS})
  add_link_options(${MFALINT_SANITIZER_FLAGS})
  # GCC 12's instrumentation makes libstdc++'s <regex> trip -Wmaybe-uninitialized inside
  # std::function (a false positive in the system headers, not in our code).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()
