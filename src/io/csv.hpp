// CSV (RFC 4180) reading and writing. Output starts with a UTF-8 BOM so Excel shows
// Chinese correctly; input accepts it.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "io/table.hpp"

namespace tongxin::io {

// Rows in file order, blank lines included (so row numbers match the file).
// Errors: kInvalid imports.bad_file (unterminated quote, invalid UTF-8).
core::Result<Table> ParseCsv(std::string_view text);
std::string WriteCsv(const Sheet& sheet);

}  // namespace tongxin::io
