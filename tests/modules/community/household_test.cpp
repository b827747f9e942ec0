// Addresses and room numbers as community offices write them.
#include "modules/community/household.hpp"

#include <gtest/gtest.h>

namespace tongxin::community {
namespace {

TEST(AddressTest, ChineseAndDashedAddressesParse) {
  auto a = ParseAddress("3栋2单元501");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->building, "3栋");
  EXPECT_EQ(a->entrance, "2单元");
  EXPECT_EQ(a->room, "501");
  a = ParseAddress(" 12号楼1203室 ");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->building, "12栋");
  EXPECT_EQ(a->entrance, "");
  EXPECT_EQ(a->room, "1203");
  a = ParseAddress("3-2-501");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->building, "3栋");
  EXPECT_EQ(a->entrance, "2单元");
  EXPECT_EQ(a->room, "501");
  a = ParseAddress("7-102");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->building, "7栋");
  EXPECT_EQ(a->room, "102");
}

TEST(AddressTest, WhatDoesNotParseIsRefused) {
  for (const char* bad : {"", "501", "三栋501", "3栋", "3栋2单元", "3--501", "3-2-5-01", "3栋 501 室外", "A-1"}) {
    EXPECT_FALSE(ParseAddress(bad)) << bad;
  }
  EXPECT_TRUE(IsRoom("501"));
  EXPECT_TRUE(IsRoom("B-12"));
  EXPECT_FALSE(IsRoom("-12"));
  EXPECT_FALSE(IsRoom("5 01"));
  EXPECT_FALSE(IsRoom("12345678901"));
}

TEST(AddressTest, LabelsInBothLanguages) {
  Household h;
  h.room = "501";
  h.unit_kind = "entrance";
  h.unit_name_zh = "2单元";
  h.unit_name_en = "Entrance 2";
  h.building_name_zh = "3栋";
  h.building_name_en = "Building 3";
  EXPECT_EQ(HouseholdLabel(h, core::Lang::kZh), "3栋2单元501");
  EXPECT_EQ(HouseholdLabel(h, core::Lang::kEn), "Building 3, Entrance 2, Room 501");
  h.unit_kind = "building";
  h.unit_name_en.clear();
  h.building_name_en.clear();
  EXPECT_EQ(HouseholdLabel(h, core::Lang::kZh), "3栋501");
  EXPECT_EQ(HouseholdLabel(h, core::Lang::kEn), "3栋, Room 501");
}

}  // namespace
}  // namespace tongxin::community
