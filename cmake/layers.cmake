# The program is built as layers, one static library per folder of src/ and hw/. A layer names
# the layers it may use; the build links only those, and tests/architecture checks that no file
# includes a header of a layer it does not name (so the layering cannot rot quietly).
#
# chairhub_layer(NAME FOLDER dir [PRECOMPILE [PCH header...]]
#                [USES layer...] [LINKS target...] [PRIVATE_LINKS target...] SOURCES file...)
#   NAME        the layer, built as the library chairhub_<NAME>
#   FOLDER      its folder, relative to the top of the source tree
#   PRECOMPILE  precompile the common headers (and the PCH ones) where the build does that
#   USES        the layers it may include and link
function(chairhub_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "PRECOMPILE" "FOLDER"
                        "PCH;USES;LINKS;PRIVATE_LINKS;SOURCES")
  if(NOT arg_FOLDER OR NOT arg_SOURCES)
    message(FATAL_ERROR "chairhub_layer(${name}): FOLDER and SOURCES are required")
  endif()
  list(TRANSFORM arg_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/${arg_FOLDER}/)
  list(TRANSFORM arg_USES PREPEND chairhub_ OUTPUT_VARIABLE uses)

  set(target chairhub_${name})
  add_library(${target} STATIC ${arg_SOURCES})
  # Headers are included from the top: "core/…" from src/, "hw/…" from the root.
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC ${uses} ${arg_LINKS} PRIVATE ${arg_PRIVATE_LINKS})
  if(arg_PRECOMPILE AND COMMAND chairhub_precompile)
    chairhub_precompile(${target} ${arg_PCH})
  endif()

  string(REPLACE ";" "," uses_text "${arg_USES}")
  set_property(GLOBAL APPEND PROPERTY CHAIRHUB_LAYERS "${name}|${arg_FOLDER}|${uses_text}")
endfunction()

# Writes the layers, one "name|folder|uses,…" line each, for tests/architecture.
function(chairhub_write_layers file)
  get_property(layers GLOBAL PROPERTY CHAIRHUB_LAYERS)
  list(JOIN layers "\n" text)
  file(GENERATE OUTPUT ${file} CONTENT "${text}\n")
endfunction()
