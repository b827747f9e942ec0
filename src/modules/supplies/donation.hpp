// Donations (捐赠): donors (institutions, companies, people), donations received (money in
// minor units of its ISO 4217 currency, or goods posted into a store) with their purpose,
// receipt number, documents and thank-you status (to_thank -> letter_sent ->
// acknowledged), and coordinated donations out to hospitals and communities, from our
// stock (an issue posting) or arranged from a third party (no stock movement), with their
// delivery confirmation. The dated exchange-rate table gives the CNY equivalent at the rate
// in force on the donation's day.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "io/attachment.hpp"
#include "modules/supplies/supply.hpp"

namespace tongxin::supplies {

struct Donor {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string kind;  // institution, company, person
  std::string name_zh, name_en, country;
  std::string contact_name, email, phone, address;  // personal data
  std::string note, created_at, updated_at;
  std::string unit_path;            // read with the donor
  std::int64_t donation_count = 0;  // counted on read
};
BOOST_DESCRIBE_STRUCT(Donor, (), (id, unit_id, kind, name_zh, name_en, country, contact_name, email, phone, address,
                                  note, created_at, updated_at, unit_path, donation_count))

struct Rate {
  std::string currency, valid_from;
  std::int64_t cny_micro = 0;
  std::string source;
  std::optional<std::int64_t> set_by;
  std::string set_at;
};
BOOST_DESCRIBE_STRUCT(Rate, (), (currency, valid_from, cny_micro, source, set_by, set_at))

struct DonationLine {
  std::int64_t item_id = 0;
  std::int64_t qty_milli = 0;
  std::optional<std::int64_t> pack_id;
  std::int64_t pack_count = 0;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en, category;  // read with the line
  std::string pack_name_zh, pack_name_en;
};
BOOST_DESCRIBE_STRUCT(DonationLine, (), (item_id, qty_milli, pack_id, pack_count, item_code, item_name_zh,
                                         item_name_en, unit_zh, unit_en, category, pack_name_zh, pack_name_en))

struct Donation {
  std::int64_t id = 0;
  std::string direction, kind;  // in/out, money/goods
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> donor_id;
  std::string recipient_kind, recipient_name;
  std::string currency;
  std::int64_t amount_minor = 0;
  std::optional<std::int64_t> store_id, posting_id;
  std::string donated_on, purpose, receipt_no;
  std::string thanks, thanks_at, delivery, delivered_on, delivered_to, note;
  std::optional<std::int64_t> created_by;
  std::string created_at, updated_at;
  // Read with the donation.
  std::string unit_path, unit_name_zh, unit_name_en, donor_name_zh, donor_name_en, donor_kind;
  std::string store_name_zh, store_name_en;
  std::int64_t rate_micro = 0;  // the rate in force on donated_on (0: none; CNY: 1000000)
  std::string rate_from;
  std::vector<DonationLine> lines;
  std::vector<io::Attachment> documents;  // without their bytes
};
BOOST_DESCRIBE_STRUCT(Donation, (), (id, direction, kind, unit_id, donor_id, recipient_kind, recipient_name, currency,
                                     amount_minor, store_id, posting_id, donated_on, purpose, receipt_no, thanks,
                                     thanks_at, delivery, delivered_on, delivered_to, note, created_by, created_at,
                                     updated_at, unit_path, unit_name_zh, unit_name_en, donor_name_zh, donor_name_en,
                                     donor_kind, store_name_zh, store_name_en, rate_micro, rate_from, lines,
                                     documents))

struct DonorInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> kind, name_zh, name_en, country, contact_name, email, phone, address, note;
};
core::Result<DonorInput> ParseDonorInput(const boost::json::object& body, bool create);

struct RateInput {
  std::string currency, valid_from, source;
  std::int64_t cny_micro = 0;
};
// Errors: currency supplies.currency_unknown, cny_per_unit (more than 6 decimals, not > 0).
core::Result<RateInput> ParseRateInput(const boost::json::object& body);

struct DonationInput {
  std::string direction, kind;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> donor_id, store_id;
  std::string recipient_kind, recipient_name;
  std::string currency;
  std::int64_t amount_minor = 0;
  std::string donated_on, purpose, receipt_no, note;
  std::vector<LineInput> lines;  // goods
};
// Errors: field errors; currency supplies.currency_unknown; amount supplies.currency_decimals
// (more decimals than the currency has); donor_id required for donations in; recipient_name
// for donations out; lines for goods; store_id for goods in.
core::Result<DonationInput> ParseDonationInput(const boost::json::object& body);

struct DonationPatch {
  std::optional<std::string> purpose, receipt_no, note, donated_on, recipient_name;
  std::optional<std::string> amount_text;  // re-read with the donation's currency
  std::optional<std::string> currency;
};
core::Result<DonationPatch> ParseDonationPatch(const boost::json::object& body);
// A patch's amount in minor units of `currency`. Errors: amount as on create.
core::Result<std::int64_t> PatchAmount(const std::string& text, const std::string& currency);

struct StatusInput {
  std::string status, on, by;  // thanks: status; delivery: delivered_on and delivered_to
};
core::Result<StatusInput> ParseThanksInput(const boost::json::object& body);
core::Result<StatusInput> ParseDeliveryInput(const boost::json::object& body);

struct DonationFilter {
  std::string direction, kind, thanks, delivery, currency, from, to, q;
  std::optional<std::int64_t> donor_id;
};

// Totals over donations in scope: money by currency with its CNY equivalent, goods by item
// (in the pack unit every line was counted in, or the base unit), and by recipient.
struct MoneyTotal {
  std::string currency;
  std::int64_t amount_minor = 0, fen = 0, count = 0, without_rate = 0;
};
struct GoodsTotal {
  DonationLine line;  // qty_milli summed; pack_id/pack_count when every line used one pack
  std::int64_t count = 0;
};
struct RecipientTotal {
  std::string name, kind;
  std::int64_t count = 0;
  std::vector<GoodsTotal> goods;
};
struct Totals {
  std::vector<MoneyTotal> money;
  std::int64_t fen = 0;  // sum of the CNY equivalents that have a rate
  std::vector<GoodsTotal> goods;
  std::vector<RecipientTotal> recipients;
};

// "KN95 口罩 40,000 只、医用防护服 1,100 套和84 消毒液 12 桶" / "KN95 mask 40,000 piece, …
// and Disinfectant (84) 12 barrel": the goods totals as one phrase, in pack units where
// every line was counted in the same pack.
std::string GoodsSentence(const std::vector<GoodsTotal>& goods, core::Lang lang);

boost::json::object DonorToJson(const Donor& d, core::Lang lang, bool contacts);
boost::json::object RateToJson(const Rate& r);
// Amounts (and CNY equivalents) only when `amounts`; otherwise amount_hidden: true.
boost::json::object DonationToJson(const Donation& d, core::Lang lang, bool amounts);
boost::json::object TotalsToJson(const Totals& t, core::Lang lang, bool amounts);

}  // namespace tongxin::supplies
