// The ISO 4217 currency list behind Currency: active codes (funds and precious metals left
// out, except the CFA, CFP and East Caribbean francs), each with its minor-unit digits.
// Generated from Debian's iso-codes (iso_4217.json) with the digits of the ISO table.
#include "core/currencies.hpp"

#include <algorithm>
#include <string_view>

namespace tongxin::core {

const std::vector<Currency>& Currencies() {
  static const std::vector<Currency> kAll = [] {
    // "CODE<digits>" pairs in code order.
    constexpr std::string_view kList =
        "AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 "
        "BMD2 BND2 BOB2 BOV2 BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHE2 CHF2 CHW2 CLF4 "
        "CLP0 CNY2 COP2 COU2 CRC2 CUC2 CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 "
        "EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HRK2 HTG2 HUF2 "
        "IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 "
        "KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 "
        "MUR2 MVR2 MWK2 MXN2 MXV2 MYR2 MZN2 NAD2 NGN2 NIO2 NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 "
        "PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 SGD2 "
        "SHP2 SLE2 SLL2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 "
        "TTD2 TWD2 TZS2 UAH2 UGX0 USD2 USN2 UYI0 UYU2 UYW4 UZS2 VED2 VES2 VND0 VUV0 WST2 "
        "XAF0 XCD2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWL2 ";
    std::vector<Currency> out;
    for (std::size_t i = 0; i + 4 <= kList.size(); i += 5) {
      out.push_back({std::string(kList.substr(i, 3)), kList[i + 3] - '0'});
    }
    return out;
  }();
  return kAll;
}

const Currency* FindCurrency(std::string_view code) {
  const auto& all = Currencies();
  auto it = std::lower_bound(all.begin(), all.end(), code, [](const Currency& c, std::string_view k) { return c.code < k; });
  return it != all.end() && it->code == code ? &*it : nullptr;
}

std::optional<std::int64_t> ParseMinor(std::string_view d, int digits) {
  const auto dot = d.find('.');
  const std::string_view whole = d.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : d.substr(dot + 1);
  if (whole.empty() || whole.size() > 15 || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
  if (frac.size() > static_cast<std::size_t>(digits)) return std::nullopt;
  std::int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  for (int i = 0; i < digits; ++i) {
    const char c = static_cast<std::size_t>(i) < frac.size() ? frac[static_cast<std::size_t>(i)] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string FormatMinor(std::int64_t minor, int digits) {
  const bool negative = minor < 0;
  std::string s = std::to_string(negative ? -minor : minor);
  if (digits > 0) {
    if (s.size() <= static_cast<std::size_t>(digits)) s.insert(0, static_cast<std::size_t>(digits) + 1 - s.size(), '0');
    s.insert(s.size() - static_cast<std::size_t>(digits), ".");
  }
  return negative ? "-" + s : s;
}

std::int64_t ToFen(std::int64_t minor, int digits, std::int64_t cny_micro) {
  // fen = minor / 10^digits * cny_micro / 10^6 * 100
  __int128 num = static_cast<__int128>(minor) * cny_micro * 100;
  __int128 den = 1000000;
  for (int i = 0; i < digits; ++i) den *= 10;
  const __int128 half = den / 2;
  return static_cast<std::int64_t>(num >= 0 ? (num + half) / den : -((-num + half) / den));
}

}  // namespace tongxin::core
