// Distributions (发放): package templates ("weekly living package": rice 5 kg, oil 1.8 L,
// eggs 30), and batch distributions of a package, or of lines typed for the occasion, to a
// list of recipients from one store. A distribution is planned (saved, no stock moved) or
// posted: one issue posting per recipient, all in one transaction, so either everyone's
// share leaves the store or nothing does; a share not delivered goes back by reversing
// that recipient's posting. Each recipient confirms receipt (on their phone, or staff
// record who took the goods). Quantities are in thousandths of each item's base unit.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "modules/supplies/supply.hpp"

namespace tongxin::supplies {

struct PackageLine {
  std::int64_t item_id = 0;
  std::int64_t qty_milli = 0;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en;  // read with the line
};
BOOST_DESCRIBE_STRUCT(PackageLine, (), (item_id, qty_milli, item_code, item_name_zh, item_name_en, unit_zh, unit_en))

struct Package {
  std::int64_t id = 0;
  std::string name_zh, name_en, note;
  bool active = true;
  std::string created_at, updated_at;
  std::vector<PackageLine> lines;
};
BOOST_DESCRIBE_STRUCT(Package, (), (id, name_zh, name_en, note, active, created_at, updated_at, lines))

struct Distribution {
  std::int64_t id = 0;
  std::int64_t store_id = 0;
  std::optional<std::int64_t> package_id;
  std::string title, planned_for, status, note;  // status: planned, posted, cancelled
  std::int64_t recipient_count = 0;
  std::optional<std::int64_t> created_by, posted_by;
  std::string created_at, posted_at;
  std::string store_name_zh, store_name_en, store_unit_path;  // read with the distribution
  std::int64_t received_count = 0, returned_count = 0;         // counted on read
  std::vector<PackageLine> lines;                              // each recipient's share
};
BOOST_DESCRIBE_STRUCT(Distribution, (), (id, store_id, package_id, title, planned_for, status, note, recipient_count,
                                         created_by, posted_by, created_at, posted_at, store_name_zh, store_name_en,
                                         store_unit_path, received_count, returned_count, lines))

struct Recipient {
  std::int64_t id = 0;
  std::int64_t distribution_id = 0;
  std::optional<std::int64_t> person_id;
  std::int64_t unit_id = 0;
  std::string name;
  std::optional<std::int64_t> posting_id;
  std::string status = "pending";  // pending, received, returned
  std::string received_at;
  std::optional<std::int64_t> received_by_user;
  std::string received_by_name, returned_at;
  std::optional<std::int64_t> return_posting_id;
  std::string unit_path, unit_name_zh, unit_name_en;  // read with the row
};
BOOST_DESCRIBE_STRUCT(Recipient, (), (id, distribution_id, person_id, unit_id, name, posting_id, status, received_at,
                                      received_by_user, received_by_name, returned_at, return_posting_id, unit_path,
                                      unit_name_zh, unit_name_en))

// One item of a distribution as previewed: what it needs and what the store can give
// (stock that has not expired).
struct Need {
  PackageLine line;  // per recipient
  std::int64_t total_milli = 0, available_milli = 0;
  std::int64_t short_milli() const { return total_milli > available_milli ? total_milli - available_milli : 0; }
};

struct Preview {
  std::int64_t recipient_count = 0;
  std::vector<Recipient> sample;  // the first recipients, by name
  std::vector<Need> needs;
  bool Short() const {
    for (const auto& n : needs) {
      if (n.short_milli() > 0) return true;
    }
    return false;
  }
};

struct PackageInput {
  std::optional<std::string> name_zh, name_en, note;
  std::optional<bool> active;
  std::optional<std::vector<LineInput>> lines;  // replaces the lines when present
};
core::Result<PackageInput> ParsePackageInput(const boost::json::object& body, bool create);

// Who receives: people named by id, and/or the active people of a unit's subtree (of one
// category, when given), and/or units receiving as a whole.
struct RecipientsInput {
  std::vector<std::int64_t> person_ids;
  std::optional<std::int64_t> unit_id;
  std::string category;
  std::vector<std::int64_t> unit_ids;
  bool Empty() const { return person_ids.empty() && !unit_id && unit_ids.empty(); }
};

struct DistributionInput {
  std::int64_t store_id = 0;
  std::optional<std::int64_t> package_id;
  std::vector<LineInput> lines;  // instead of (or on top of) the package
  RecipientsInput recipients;
  std::string title, planned_for, note;
  bool post = true;  // false: save as planned
};
// preview: title is not required.
core::Result<DistributionInput> ParseDistributionInput(const boost::json::object& body, bool preview);

struct ConfirmInput {
  std::string received_by_name;  // staff recording for someone; empty for the recipient
};
core::Result<ConfirmInput> ParseConfirmInput(const boost::json::object& body);

// "食用油 1.8 升、大米 5 公斤" / "Cooking oil 1.8 L, Rice 5 kg"
std::string ShareText(const std::vector<PackageLine>& lines, core::Lang lang);

boost::json::object PackageToJson(const Package& p, core::Lang lang);
boost::json::object PackageLineToJson(const PackageLine& l, core::Lang lang);
boost::json::object DistributionToJson(const Distribution& d, core::Lang lang);
boost::json::object RecipientToJson(const Recipient& r, core::Lang lang);
boost::json::object PreviewToJson(const Preview& p, core::Lang lang);

}  // namespace tongxin::supplies
