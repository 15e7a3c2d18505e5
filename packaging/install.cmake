# What `cmake --install` puts where, and the Debian package CPack makes of it (tools/package,
# docs/install.md). Only the binary and these files are installed: nothing else from the build tree.
include(GNUInstallDirs)

install(TARGETS mfalint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/mfalint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/mfalint.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME mfalint)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/samples)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The copyright file names the licence of the embedded catalog, read from the header
# tools/update-catalog writes into catalog_data.cpp, so it follows the catalog.
file(STRINGS ${PROJECT_SOURCE_DIR}/analyzer/catalog/catalog_data.cpp catalog_header LIMIT_COUNT 40)
set(MFALINT_CATALOG_LICENCE "")
set(in_licence OFF)
foreach(line IN LISTS catalog_header)
  if(line MATCHES "^// The AWS Service Authorization Reference, as packaged by (.*)$")
    set(MFALINT_CATALOG_PACKAGE "${CMAKE_MATCH_1}")
  elseif(line MATCHES "its licence:$")
    set(in_licence ON)
  elseif(in_licence AND line MATCHES "^//   (.+)$")
    string(APPEND MFALINT_CATALOG_LICENCE " ${CMAKE_MATCH_1}\n")
  elseif(in_licence AND line STREQUAL "//" AND MFALINT_CATALOG_LICENCE)
    string(APPEND MFALINT_CATALOG_LICENCE " .\n")
  elseif(in_licence AND MFALINT_CATALOG_LICENCE)
    break()
  endif()
endforeach()
string(REGEX REPLACE "( \\.\n)+$" "" MFALINT_CATALOG_LICENCE "${MFALINT_CATALOG_LICENCE}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/copyright.in ${CMAKE_BINARY_DIR}/packaging/copyright @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The newest GLIBC_ symbol version the binary uses (objdump -T); tests/e2e/install_bare_debian.sh checks it.
set(MFALINT_MIN_GLIBC 2.36)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mfalint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "mfalint maintainers <mfalint@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "proves which sensitive AWS IAM actions a request can reach without MFA")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # mfalint_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# Only what the binary loads: libc6 (its NEEDED entries; the GLIBC_ symbol versions it uses set the
# minimum, and tests/e2e/install_bare_debian.sh checks both) and libcurl4, which `session` dlopens.
# libcurl4t64: its name from Debian 13 and Ubuntu 24.04 on.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= ${MFALINT_MIN_GLIBC}), libcurl4 | libcurl4t64")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")  # libcurl's HTTPS to STS
set(CPACK_STRIP_FILES ON)
include(CPack)
