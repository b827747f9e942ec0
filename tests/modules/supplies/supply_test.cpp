// Quantities as each language writes them.
#include "modules/supplies/supply.hpp"

#include <gtest/gtest.h>

namespace tongxin::supplies {
namespace {

TEST(SupplyTest, EnglishUnitsArePluralExceptForExactlyOne) {
  struct Case {
    std::int64_t milli;
    const char* unit;
    core::Lang lang;
    const char* text;
  };
  const auto en = core::Lang::kEn;
  for (const Case& c : {Case{1000, "piece", en, "1 piece"}, Case{40500000, "piece", en, "40500 pieces"},
                        Case{1500, "box", en, "1.5 boxes"}, Case{2000, "battery", en, "2 batteries"},
                        Case{2000, "day", en, "2 days"}, Case{3000, "brush", en, "3 brushes"},
                        Case{0, "barrel", en, "0 barrels"},
                        // Abbreviations, phrases and Chinese are left alone.
                        Case{1800, "L", en, "1.8 L"}, Case{5000, "kg", en, "5 kg"}, Case{5000, "pcs", en, "5 pcs"},
                        Case{5000, "ml", en, "5 ml"}, Case{2000, "pair of gloves", en, "2 pair of gloves"},
                        Case{50000, "只", core::Lang::kZh, "50 只"}, Case{2000, "piece", core::Lang::kZh, "2 piece"}}) {
    EXPECT_EQ(QuantityText(c.milli, c.unit, c.lang), c.text);
  }
}

}  // namespace
}  // namespace tongxin::supplies
