# What `cmake --install` puts where, beside the program, the personas, the
# manual page and the completions (installed by their own targets), and the
# Debian package CPack makes of it all (`cpack -G DEB` in the build folder).
#   share/verdict/scripts/     the stock personas in Lua and the editors' guide to writing one
#   share/verdict/schema/      the JSON Schemas of the catalog's files and of every JSON output
#   share/verdict/examples/    the shipped catalog, to read or copy
#   share/doc/verdict/         the README and the sharding guide

install(FILES ${PROJECT_SOURCE_DIR}/scripts/README.md DESTINATION share/verdict/scripts)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scripts/ DESTINATION share/verdict/scripts FILES_MATCHING PATTERN "*.lua")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/catalog/schema/ ${PROJECT_SOURCE_DIR}/docs/schema/ DESTINATION share/verdict/schema
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/catalog DESTINATION share/verdict/examples)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/sharding.md DESTINATION share/doc/verdict)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME verdict)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "review scoring engine: a panel of reviewer personas and the comparison site it makes")
set(CPACK_PACKAGE_DESCRIPTION "verdict reviews catalog tools with a panel of reviewer personas, written as C++ plugins or \
sandboxed Lua scripts, aggregates their ship or skip into panel verdicts, and makes side-by-side comparison pages in HTML, \
Markdown and JSON, with a live preview server for editors.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The verdict project")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The libraries the program and the personas link (Boost, Lua, the C++ runtime), as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# git for `verdict diff --against` and the persona lab's HEAD column; xdg-utils for `verdict serve --open`.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, xdg-utils")
include(CPack)
