#include "modules/health/slot_time.hpp"

#include <gtest/gtest.h>

namespace tongxin::health {
namespace {

core::TimePoint T(const char* iso) { return *core::ParseIso(iso); }

TEST(SlotTimeTest, LocalDayFollowsTheTimeZone) {
  EXPECT_EQ(LocalDay(T("2026-03-01T15:59:59Z"), "Asia/Shanghai"), "2026-03-01");
  EXPECT_EQ(LocalDay(T("2026-03-01T16:00:00Z"), "Asia/Shanghai"), "2026-03-02");
  EXPECT_EQ(LocalDay(T("2026-03-02T03:00:00Z"), "America/New_York"), "2026-03-01");
  EXPECT_EQ(AddDays("2026-02-28", 1), "2026-03-01");
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2026-01-01", -1), "2025-12-31");
}

TEST(SlotTimeTest, WindowsAndLateCaps) {
  auto w = DayWindows("2026-03-02", DefaultSlots(), 240, "Asia/Shanghai");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(core::FormatIso(w[0].starts), "2026-03-01T23:00:00Z");  // 07:00 +08:00
  EXPECT_EQ(core::FormatIso(w[0].ends), "2026-03-02T02:00:00Z");
  EXPECT_EQ(core::FormatIso(w[0].late_until), "2026-03-02T06:00:00Z");  // capped at the 14:00 slot
  EXPECT_EQ(core::FormatIso(w[1].late_until), "2026-03-02T13:00:00Z");  // 17:00 + 4 h
  auto short_late = DayWindows("2026-03-02", {{"evening", 22 * 60, 23 * 60}}, 240, "Asia/Shanghai");
  EXPECT_EQ(core::FormatIso(short_late[0].late_until), "2026-03-02T16:00:00Z");  // capped at midnight
  EXPECT_EQ(LocalText(w[0].starts, "Asia/Shanghai"), "2026-03-02 07:00");
}

TEST(SlotTimeTest, DaylightSavingDays) {
  // London moves to summer time at 01:00 on 2026-03-29: 01:30 does not exist.
  auto gap = AtLocal("2026-03-29", 90, "Europe/London");
  EXPECT_EQ(core::FormatIso(gap), "2026-03-29T01:00:00Z");
  auto w = DayWindows("2026-03-29", DefaultSlots(), 0, "Europe/London");
  EXPECT_EQ(core::FormatIso(w[0].starts), "2026-03-29T06:00:00Z");  // 07:00 BST
}

TEST(SlotTimeTest, ParsingTimesAndZones) {
  EXPECT_EQ(ParseHhMm("07:30"), 450);
  EXPECT_EQ(ParseHhMm("24:00"), 1440);
  EXPECT_FALSE(ParseHhMm("7:30"));
  EXPECT_FALSE(ParseHhMm("25:00"));
  EXPECT_FALSE(ParseHhMm("12:60"));
  EXPECT_EQ(FormatHhMm(450), "07:30");
  EXPECT_TRUE(IsTimeZone("Asia/Shanghai"));
  EXPECT_FALSE(IsTimeZone("Mars/Olympus"));
}

}  // namespace
}  // namespace tongxin::health
