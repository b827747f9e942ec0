// Cells for spreadsheets.
#include "io/table.hpp"

#include <array>
#include <string_view>

namespace tongxin::io {

std::string NeutraliseFormula(std::string text) {
  static constexpr std::array<std::string_view, 10> kStarts = {
      "=", "+", "-", "@", "\t", "\r", "\xEF\xBC\x9D" /* ＝ */, "\xEF\xBC\x8B" /* ＋ */,
      "\xEF\xBC\x8D" /* － */, "\xEF\xBC\xA0" /* ＠ */};
  for (auto s : kStarts) {
    if (text.compare(0, s.size(), s) == 0) return "'" + text;
  }
  return text;
}

}  // namespace tongxin::io
