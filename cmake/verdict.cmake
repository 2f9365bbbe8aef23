# Helpers shared by every CMakeLists of the project.

# Warnings every target of ours compiles with.
function(verdict_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 reports "literal" + std::string&& as an overlapping memcpy (GCC bug 105329): a false positive.
    -Wno-restrict)
  if(VERDICT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# A persona plugin from one source file: verdict_persona_library(<target> <file.so name> <source> <output dir>).
function(verdict_persona_library target output_name source output_dir)
  add_library(${target} MODULE ${source})
  target_link_libraries(${target} PRIVATE verdict::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${output_name}
    LIBRARY_OUTPUT_DIRECTORY ${output_dir}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  # GCC marks some template statics (std::to_string's digit table, for one) as STB_GNU_UNIQUE, and glibc
  # never unloads a library that defines one: a persona could then never be unloaded or reloaded.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -fno-gnu-unique)
  endif()
  verdict_warnings(${target})
endfunction()

# A stock persona: plugins/<name>/<name>.cpp built as lib/verdict/personas/<name>.so.
function(verdict_add_persona name)
  verdict_persona_library(verdict_persona_${name} ${name} ${CMAKE_CURRENT_SOURCE_DIR}/${name}.cpp ${VERDICT_PERSONA_OUTPUT_DIR})
  install(TARGETS verdict_persona_${name} LIBRARY DESTINATION lib/verdict/personas)
endfunction()
