# Compiler settings every clusterpilot target shares, and the test helper.

function(clusterpilot_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC 12 at -O3 (the Release build of the README's demo command) warns
  # -Wrestrict inside libstdc++'s char_traits for plain string
  # concatenations such as "x" + text, with sizes of exabytes at negative
  # offsets: a false positive of that compiler (GCC bug 105329), 23 of them.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CLUSTERPILOT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(CLUSTERPILOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12 at -O1 with the sanitizers reports std::function moves inside
  # libstdc++'s <regex> as maybe-uninitialized (a false positive the plain
  # build does not show); the plain build keeps the warning as an error.
  add_compile_options(-Wno-maybe-uninitialized)
endif()

# clusterpilot_add_library(NAME SOURCES... [DEPENDS targets...])
function(clusterpilot_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  clusterpilot_target_defaults(${name})
  target_link_libraries(${name} PUBLIC ${ARG_DEPENDS})
endfunction()

# clusterpilot_add_test(NAME SOURCES... [DEPENDS targets...] [TIMEOUT SECONDS]):
# one GoogleTest binary per module, registered with CTest test by test, each
# test stopped after TIMEOUT seconds (default 600).
function(clusterpilot_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPENDS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  clusterpilot_target_defaults(${name})
  target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} clusterpilot_test_support GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    CLUSTERPILOT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    CLUSTERPILOT_BINARY="$<TARGET_FILE:clusterpilot>")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT ${ARG_TIMEOUT})
endfunction()

# clusterpilot_add_postgres_pass(TARGET): runs the whole test binary once
# more against PostgreSQL, as one CTest test labelled `postgres`. It runs
# only when CLUSTERPILOT_TEST_POSTGRES_URL names a server (scripts/test.sh
# starts a throwaway one and sets it); otherwise CTest reports it skipped.
function(clusterpilot_add_postgres_pass target)
  add_test(NAME ${target}_on_postgresql
    COMMAND sh -c "[ -n \"$CLUSTERPILOT_TEST_POSTGRES_URL\" ] || exit 77; exec \"$0\""
            $<TARGET_FILE:${target}>)
  set_tests_properties(${target}_on_postgresql PROPERTIES
    LABELS postgres SKIP_RETURN_CODE 77 TIMEOUT 1200)
endfunction()
