// Quantities as each language writes them.
#include "modules/supplies/supply.hpp"

#include <gtest/gtest.h>

namespace tongxin::supplies {
namespace {

TEST(SupplyTest, EnglishUnitsArePluralExceptForExactlyOne) {
  const auto en = core::Lang::kEn;
  EXPECT_EQ(QuantityText(1000, "piece", en), "1 piece");
  EXPECT_EQ(QuantityText(40500000, "piece", en), "40500 pieces");
  EXPECT_EQ(QuantityText(1500, "box", en), "1.5 boxes");
  EXPECT_EQ(QuantityText(2000, "battery", en), "2 batteries");
  EXPECT_EQ(QuantityText(2000, "day", en), "2 days");
  EXPECT_EQ(QuantityText(3000, "brush", en), "3 brushes");
  EXPECT_EQ(QuantityText(0, "barrel", en), "0 barrels");
  // Abbreviations, phrases and Chinese are left alone.
  EXPECT_EQ(QuantityText(1800, "L", en), "1.8 L");
  EXPECT_EQ(QuantityText(5000, "kg", en), "5 kg");
  EXPECT_EQ(QuantityText(5000, "pcs", en), "5 pcs");
  EXPECT_EQ(QuantityText(5000, "ml", en), "5 ml");
  EXPECT_EQ(QuantityText(2000, "pair of gloves", en), "2 pair of gloves");
  EXPECT_EQ(QuantityText(50000, "只", core::Lang::kZh), "50 只");
  EXPECT_EQ(UnitWord("piece", 2000, core::Lang::kZh), "piece");
}

}  // namespace
}  // namespace tongxin::supplies
