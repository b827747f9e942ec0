// ISO 4217 currencies with their minor-unit digits (GBP 2, JPY 0, KWD 3). Money is kept in
// integer minor units of its currency: GBP 20,000.00 is 2000000.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::core {

struct Currency {
  std::string code;  // "GBP"
  int digits = 2;    // minor-unit digits
};

// Every code, in code order.
const std::vector<Currency>& Currencies();
// nullptr for a code not in the list (case-sensitive: "gbp" is not a code).
const Currency* FindCurrency(std::string_view code);

// "20000", "20000.5", "20000.50" -> minor units with `digits` digits (2000050); nullopt for
// anything else: signs, exponents, more decimals than the currency has, more than 15 digits.
std::optional<std::int64_t> ParseMinor(std::string_view decimal, int digits);
// 2000050, 2 -> "20000.50"; 500, 0 -> "500"; negative values keep their sign.
std::string FormatMinor(std::int64_t minor, int digits);
// `minor` units of a currency with `digits` digits at `cny_micro` millionths of a yuan per
// unit, in fen, rounded half away from zero.
std::int64_t ToFen(std::int64_t minor, int digits, std::int64_t cny_micro);

}  // namespace tongxin::core
