// Distributions rules.
#include "modules/supplies/distributions_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "auth/guard.hpp"
#include "core/pick.hpp"
#include "io/pdf.hpp"
#include "modules/supplies/distributions_repo.hpp"
#include "modules/supplies/stock_alerts.hpp"
#include "modules/supplies/supplies_repo.hpp"

namespace tongxin::supplies {
namespace {

constexpr std::size_t kMaxRecipients = 20000;
constexpr std::size_t kSample = 20;

std::string Reference(std::int64_t distribution_id) { return "D-" + std::to_string(distribution_id); }

// Adds a line to a share, summing with a line of the same item.
void AddLine(std::vector<PackageLine>& share, const PackageLine& l) {
  auto same = std::find_if(share.begin(), share.end(), [&](const PackageLine& x) { return x.item_id == l.item_id; });
  if (same != share.end()) {
    same->qty_milli += l.qty_milli;
  } else {
    share.push_back(l);
  }
}

std::string AuditJson(const Distribution& d) {
  return boost::json::serialize(DistributionToJson(d, core::Lang::kZh));
}

}  // namespace

DistributionsService::DistributionsService(storage::Database& db, SuppliesService& supplies)
    : db_(db), supplies_(supplies) {}

// ---- packages ----

core::Result<std::vector<Package>> DistributionsService::ListPackages(bool active_only) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Package>> {
    return repo::ListPackages(sql, active_only);
  });
}

core::Result<std::vector<PackageLine>> DistributionsService::ResolveLines(soci::session& sql,
                                                                         const std::vector<LineInput>& lines,
                                                                         const std::string& prefix) {
  std::vector<PackageLine> out;
  int n = 0;
  for (const auto& li : lines) {
    const std::string at = prefix + "lines[" + std::to_string(++n) + "].";
    TX_TRY(qty, supplies_.BaseQuantity(sql, li, at));
    const Item& item = qty->second;
    AddLine(out, {item.id, qty->first, item.code, item.name_zh, item.name_en, item.unit_zh, item.unit_en});
  }
  return out;
}

core::Result<Package> DistributionsService::CreatePackage(const PackageInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Package> {
    Package p;
    p.name_zh = *in.name_zh;
    p.name_en = in.name_en.value_or("");
    p.note = in.note.value_or("");
    p.active = in.active.value_or(true);
    TX_TRY(lines, ResolveLines(sql, *in.lines, ""));
    p.created_at = p.updated_at = supplies_.Now();
    p.id = repo::InsertPackage(sql, p);
    repo::SetPackageLines(sql, p.id, *lines);
    auto saved = repo::FindPackage(sql, p.id);
    auth::RecordAudit(sql, actor, p.created_at, "create", "supply_package", std::to_string(p.id), "",
                      boost::json::serialize(PackageToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<Package> DistributionsService::UpdatePackage(std::int64_t id, const PackageInput& in,
                                                          const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Package> {
    auto before = repo::FindPackage(sql, id);
    if (!before) return core::NotFound("supplies.package_not_found");
    Package p = *before;
    if (in.name_zh) p.name_zh = *in.name_zh;
    if (in.name_en) p.name_en = *in.name_en;
    if (in.note) p.note = *in.note;
    if (in.active) p.active = *in.active;
    p.updated_at = supplies_.Now();
    if (in.lines) {
      TX_TRY(lines, ResolveLines(sql, *in.lines, ""));
      repo::SetPackageLines(sql, id, *lines);
    }
    repo::UpdatePackage(sql, p);
    auto saved = repo::FindPackage(sql, id);
    auth::RecordAudit(sql, actor, p.updated_at, "update", "supply_package", std::to_string(id),
                      boost::json::serialize(PackageToJson(*before, core::Lang::kZh)),
                      boost::json::serialize(PackageToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

// ---- distributions ----

core::Result<std::vector<PackageLine>> DistributionsService::ShareLines(soci::session& sql,
                                                                       const DistributionInput& in) {
  std::vector<PackageLine> share;
  if (in.package_id) {
    auto pkg = repo::FindPackage(sql, *in.package_id);
    if (!pkg) return core::FieldInvalid("package_id", "supplies.package_not_found");
    if (!pkg->active) return core::FieldInvalid("package_id", "supplies.package_inactive");
    share = pkg->lines;
  }
  TX_TRY(extra, ResolveLines(sql, in.lines, ""));
  for (const auto& l : *extra) AddLine(share, l);
  if (share.empty()) return core::FieldInvalid("lines", "supplies.lines_invalid", {{"max", "50"}});
  return share;
}

core::Result<std::vector<Recipient>> DistributionsService::ResolveRecipients(soci::session& sql,
                                                                            const core::Principal& who,
                                                                            const RecipientsInput& in) {
  std::vector<Recipient> out;
  std::set<std::int64_t> people;
  if (!in.person_ids.empty()) {
    auto found = repo::PeopleByIds(sql, in.person_ids);
    std::set<std::int64_t> ids;
    for (const auto& r : found) ids.insert(*r.person_id);
    for (auto id : in.person_ids) {
      if (!ids.count(id)) {
        return core::FieldInvalid("recipients.person_ids", "people.not_found", {{"id", std::to_string(id)}});
      }
    }
    std::map<std::int64_t, Recipient> by_id;
    for (auto& r : found) by_id.emplace(*r.person_id, std::move(r));
    for (auto id : in.person_ids) {  // in the order asked for
      if (!people.insert(id).second) continue;
      const Recipient& r = by_id.at(id);
      TX_CHECK(auth::guard::Path(who, r.unit_path));
      out.push_back(r);
    }
  }
  if (in.unit_id) {
    TX_TRY(unit, auth::guard::Unit(sql, who, *in.unit_id, "recipients.unit_id"));
    for (auto& r : repo::PeopleOfSubtree(sql, unit->path, in.category)) {
      if (people.insert(*r.person_id).second) out.push_back(std::move(r));
    }
  }
  std::set<std::int64_t> units;
  for (auto id : in.unit_ids) {
    if (!units.insert(id).second) continue;
    TX_CHECK(auth::guard::Unit(sql, who, id, "recipients.unit_ids"));
  }
  if (!units.empty()) {
    auto found = repo::UnitsByIds(sql, std::vector<std::int64_t>(units.begin(), units.end()));
    out.insert(out.end(), found.begin(), found.end());
  }
  if (out.empty()) return core::FieldInvalid("recipients", "supplies.no_recipients");
  if (out.size() > kMaxRecipients) {
    return core::FieldInvalid("recipients", "supplies.too_many_recipients",
                              {{"max", std::to_string(kMaxRecipients)}});
  }
  return out;
}

std::vector<Need> DistributionsService::Needs(soci::session& sql, std::int64_t store_id,
                                              const std::vector<PackageLine>& share, std::int64_t count) {
  const std::string today = supplies_.Today();
  std::vector<Need> out;
  for (const auto& l : share) {
    Need n;
    n.line = l;
    n.total_milli = l.qty_milli * count;
    for (const auto& b : repo::Batches(sql, store_id, l.item_id)) {
      if (b.expiry.empty() || b.expiry >= today) n.available_milli += b.qty_milli;
    }
    out.push_back(std::move(n));
  }
  return out;
}

core::Result<Preview> DistributionsService::PreviewOf(const core::Principal& who, const DistributionInput& in) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Preview> {
    TX_CHECK(supplies_.PostableStore(sql, who, in.store_id, "store_id"));
    TX_TRY(share, ShareLines(sql, in));
    TX_TRY(recipients, ResolveRecipients(sql, who, in.recipients));
    Preview p;
    p.recipient_count = static_cast<std::int64_t>(recipients->size());
    for (std::size_t i = 0; i < recipients->size() && i < kSample; ++i) p.sample.push_back((*recipients)[i]);
    p.needs = Needs(sql, in.store_id, *share, p.recipient_count);
    return p;
  });
}

core::Status DistributionsService::PostShares(soci::session& sql, const core::Principal& who, const Distribution& d,
                                              const auth::Actor& actor) {
  const auto recipients = repo::AllRecipients(sql, d.id);
  const auto count = static_cast<std::int64_t>(recipients.size());
  const std::string today = supplies_.Today();
  // Each item's usable batches, first expiry first, with what is left of them as shares
  // are allocated in memory; the stock is then taken once per batch.
  struct Batch {
    std::string batch, expiry;
    std::int64_t left = 0, taken = 0;
  };
  std::vector<std::vector<Batch>> batches(d.lines.size());
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    const auto& l = d.lines[i];
    std::int64_t usable = 0;
    for (const auto& b : repo::Batches(sql, d.store_id, l.item_id)) {
      if (!b.expiry.empty() && b.expiry < today) continue;
      batches[i].push_back({b.batch, b.expiry, b.qty_milli, 0});
      usable += b.qty_milli;
    }
    if (usable < l.qty_milli * count) {
      auto item = repo::FindItem(sql, l.item_id);
      return ShortfallError(*item, "lines[" + std::to_string(i + 1) + "].quantity", l.qty_milli * count, usable);
    }
  }
  StockAlerts::Totals before;
  if (supplies_.alerts()) {
    std::vector<std::int64_t> ids;
    for (const auto& l : d.lines) ids.push_back(l.item_id);
    before = StockAlerts::Read(sql, d.store_id, ids);
  }
  const std::string now = supplies_.Now();
  std::vector<PostingLine> all_lines;
  std::vector<std::pair<std::int64_t, std::int64_t>> postings;
  boost::json::array posting_ids;
  for (const auto& r : recipients) {
    Posting p;
    p.kind = "issue";
    p.store_id = d.store_id;
    p.reference = Reference(d.id);
    p.note = r.name;
    if (who.user_id) p.posted_by = who.user_id;
    p.posted_at = now;
    p.id = repo::InsertPosting(sql, p);
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
      std::int64_t need = d.lines[i].qty_milli;
      for (auto& b : batches[i]) {
        if (need == 0) break;
        if (b.left == 0) continue;
        const std::int64_t take = std::min(need, b.left);
        PostingLine l;
        l.posting_id = p.id;
        l.store_id = d.store_id;
        l.item_id = d.lines[i].item_id;
        l.batch = b.batch;
        l.expiry = b.expiry;
        l.qty_milli = -take;
        all_lines.push_back(std::move(l));
        b.left -= take;
        b.taken += take;
        need -= take;
      }
    }
    postings.emplace_back(r.id, p.id);
    posting_ids.push_back(p.id);
  }
  repo::InsertLines(sql, all_lines);
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    for (const auto& b : batches[i]) {
      if (b.taken == 0) continue;
      // Conditional on what is there now: a keeper who took the same stock since it was
      // read makes this fail, and the whole distribution rolls back.
      if (!repo::TakeStock(sql, d.store_id, d.lines[i].item_id, b.batch, b.taken, now)) {
        auto item = repo::FindItem(sql, d.lines[i].item_id);
        return ShortfallError(*item, "lines[" + std::to_string(i + 1) + "].quantity", b.taken,
                              repo::OnHand(sql, d.store_id, d.lines[i].item_id, b.batch));
      }
    }
  }
  repo::SetRecipientPostings(sql, postings);
  if (supplies_.alerts() && !postings.empty()) {
    if (auto store = repo::FindStore(sql, d.store_id)) supplies_.alerts()->AfterTaking(sql, *store, before, postings.front().second);
  }
  boost::json::object detail;
  detail["distribution_id"] = d.id;
  detail["recipients"] = count;
  detail["posting_ids"] = std::move(posting_ids);
  auth::RecordAudit(sql, actor, now, "post", "supply_distribution", std::to_string(d.id), "",
                    boost::json::serialize(detail));
  return {};
}

core::Result<Distribution> DistributionsService::Create(const core::Principal& who, const DistributionInput& in,
                                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Distribution> {
    TX_TRY(store, supplies_.PostableStore(sql, who, in.store_id, "store_id"));
    if (!store->active) return core::FieldInvalid("store_id", "supplies.store_inactive");
    TX_TRY(share, ShareLines(sql, in));
    TX_TRY(recipients, ResolveRecipients(sql, who, in.recipients));
    Distribution d;
    d.store_id = in.store_id;
    d.package_id = in.package_id;
    d.title = in.title;
    d.planned_for = in.planned_for.empty() ? supplies_.Today() : in.planned_for;
    d.note = in.note;
    d.status = "planned";
    d.recipient_count = static_cast<std::int64_t>(recipients->size());
    if (who.user_id) d.created_by = who.user_id;
    d.created_at = supplies_.Now();
    d.id = repo::InsertDistribution(sql, d);
    repo::SetDistributionLines(sql, d.id, *share);
    repo::InsertRecipients(sql, d.id, *recipients);
    d.lines = *share;
    auto saved = repo::FindDistribution(sql, d.id);
    auth::RecordAudit(sql, actor, d.created_at, "create", "supply_distribution", std::to_string(d.id), "",
                      AuditJson(*saved));
    if (in.post) {
      TX_CHECK(PostShares(sql, who, *saved, actor));
      repo::SetDistributionStatus(sql, d.id, "posted", who.user_id, supplies_.Now());
      saved = repo::FindDistribution(sql, d.id);
    }
    return *saved;
  });
}

core::Result<Distribution> DistributionsService::ReadableDistribution(soci::session& sql, const core::Principal& who,
                                                                      std::int64_t id) {
  auto d = repo::FindDistribution(sql, id);
  if (!d) return core::NotFound("supplies.distribution_not_found");
  TX_CHECK(supplies_.ReadableStore(sql, who, d->store_id));
  return *d;
}

core::Result<Distribution> DistributionsService::PostPlanned(const core::Principal& who, std::int64_t id,
                                                             const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Distribution> {
    TX_TRY(d, ReadableDistribution(sql, who, id));
    TX_TRY(store, supplies_.PostableStore(sql, who, d->store_id));
    if (!store->active) return core::FieldInvalid("store_id", "supplies.store_inactive");
    if (d->status != "planned") return core::Conflict("supplies.distribution_not_planned", {{"field", "id"}});
    // Claim it first: of two posting it at once, one changes the status and posts.
    if (!repo::SetDistributionStatus(sql, id, "posted", who.user_id, supplies_.Now())) {
      return core::Conflict("supplies.distribution_not_planned", {{"field", "id"}});
    }
    TX_CHECK(PostShares(sql, who, *d, actor));
    return *repo::FindDistribution(sql, id);
  });
}

core::Result<Distribution> DistributionsService::Cancel(const core::Principal& who, std::int64_t id,
                                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Distribution> {
    TX_TRY(d, ReadableDistribution(sql, who, id));
    TX_CHECK(supplies_.PostableStore(sql, who, d->store_id));
    if (!repo::SetDistributionStatus(sql, id, "cancelled", who.user_id, supplies_.Now())) {
      return core::Conflict("supplies.distribution_not_planned", {{"field", "id"}});
    }
    auto saved = repo::FindDistribution(sql, id);
    auth::RecordAudit(sql, actor, saved->posted_at, "cancel", "supply_distribution", std::to_string(id),
                      AuditJson(*d), AuditJson(*saved));
    return *saved;
  });
}

core::Result<Distribution> DistributionsService::Get(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) { return ReadableDistribution(sql, who, id); });
}

core::Result<core::Page<Distribution>> DistributionsService::List(const core::Principal& who,
                                                                  const std::string& status,
                                                                  const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Distribution>> {
    return repo::ListDistributions(sql, who, status, page);
  });
}

core::Result<core::Page<Recipient>> DistributionsService::RecipientsOf(const core::Principal& who, std::int64_t id,
                                                                       const std::string& status,
                                                                       const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Recipient>> {
    TX_CHECK(ReadableDistribution(sql, who, id));
    return repo::Recipients(sql, id, status, page);
  });
}

core::Result<std::pair<Distribution, std::vector<Recipient>>> DistributionsService::ExportRecipients(
    const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  using Sheet = std::pair<Distribution, std::vector<Recipient>>;
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<Sheet> {
        TX_TRY(d, ReadableDistribution(sql, who, id));
        return std::make_pair(*d, repo::AllRecipients(sql, id));
      },
      [&](soci::session& sql, const Sheet& sheet) -> core::Status {
        auth::RecordAudit(sql, actor, supplies_.Now(), "export", "supply_distribution", std::to_string(id), "",
                          "{\"recipients\":" + std::to_string(sheet.second.size()) + "}");
        return {};
      });
}

// ---- shares ----

namespace {

bool OwnShare(const core::Principal& who, const Recipient& r) {
  return who.person_id && r.person_id && *who.person_id == *r.person_id;
}

}  // namespace

core::Result<std::pair<Recipient, Distribution>> DistributionsService::Share(const core::Principal& who,
                                                                           std::int64_t recipient_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::pair<Recipient, Distribution>> {
    auto r = repo::FindRecipient(sql, recipient_id);
    if (!r) return core::NotFound("supplies.share_not_found");
    auto d = repo::FindDistribution(sql, r->distribution_id);
    if (!OwnShare(who, *r)) TX_CHECK(supplies_.ReadableStore(sql, who, d->store_id));
    return std::make_pair(*r, *d);
  });
}

core::Result<Recipient> DistributionsService::Confirm(const core::Principal& who, std::int64_t recipient_id,
                                                      const ConfirmInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Recipient> {
    auto r = repo::FindRecipient(sql, recipient_id);
    if (!r) return core::NotFound("supplies.share_not_found");
    auto d = repo::FindDistribution(sql, r->distribution_id);
    std::string by_name;
    if (!OwnShare(who, *r)) {
      TX_CHECK(supplies_.PostableStore(sql, who, d->store_id));
      if (in.received_by_name.empty()) return core::FieldInvalid("received_by_name", "validation.required");
      by_name = in.received_by_name;
    }
    if (d->status != "posted") return core::Conflict("supplies.distribution_not_posted", {{"field", "id"}});
    const std::string now = supplies_.Now();
    if (!repo::MarkReceived(sql, recipient_id, who.user_id ? std::optional(who.user_id) : std::nullopt, by_name,
                            now)) {
      return core::Conflict(r->status == "returned" ? "supplies.share_returned" : "supplies.already_received",
                            {{"field", "id"}});
    }
    auto saved = repo::FindRecipient(sql, recipient_id);
    auth::RecordAudit(sql, actor, now, "confirm", "supply_share", std::to_string(recipient_id),
                      boost::json::serialize(RecipientToJson(*r, core::Lang::kZh)),
                      boost::json::serialize(RecipientToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<Recipient> DistributionsService::Return(const core::Principal& who, std::int64_t recipient_id,
                                                     const std::string& note, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Recipient> {
    auto r = repo::FindRecipient(sql, recipient_id);
    if (!r) return core::NotFound("supplies.share_not_found");
    auto d = repo::FindDistribution(sql, r->distribution_id);
    TX_CHECK(supplies_.PostableStore(sql, who, d->store_id));
    if (d->status != "posted" || !r->posting_id) {
      return core::Conflict("supplies.distribution_not_posted", {{"field", "id"}});
    }
    if (r->status != "pending") {
      return core::Conflict(r->status == "returned" ? "supplies.share_returned" : "supplies.already_received",
                            {{"field", "id"}});
    }
    TX_TRY(reversal, supplies_.ReverseOn(sql, who, *r->posting_id, note, actor));
    const std::string now = supplies_.Now();
    if (!repo::MarkReturned(sql, recipient_id, reversal->id, now)) {
      return core::Conflict("supplies.already_received", {{"field", "id"}});
    }
    auto saved = repo::FindRecipient(sql, recipient_id);
    auth::RecordAudit(sql, actor, now, "return", "supply_share", std::to_string(recipient_id),
                      boost::json::serialize(RecipientToJson(*r, core::Lang::kZh)),
                      boost::json::serialize(RecipientToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<std::vector<std::pair<Recipient, Distribution>>> DistributionsService::Mine(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<std::pair<Recipient, Distribution>>> {
    if (!who.person_id) return std::vector<std::pair<Recipient, Distribution>>{};
    return repo::SharesOf(sql, *who.person_id, 100);
  });
}

// ---- sign-off sheet ----

core::Result<std::string> DistributionsService::SignoffSheet(const core::Principal& who, std::int64_t id,
                                                             core::Lang lang, const std::string& base_url) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::string> {
    TX_TRY(d, ReadableDistribution(sql, who, id));
    const bool en = lang == core::Lang::kEn;
    const std::string share = ShareText(d->lines, lang);
    io::PdfWriter pdf;
    pdf.Title((en ? "Sign-off sheet: " : "物资发放签收单：") + d->title);
    pdf.Fields({{en ? "Store" : "发放库房", core::Pick(lang, d->store_name_zh, d->store_name_en)},
                {en ? "Date" : "发放日期", d->planned_for},
                {en ? "Each receives" : "每份内容", share},
                {en ? "Recipients" : "领取人数", std::to_string(d->recipient_count)},
                {en ? "Reference" : "编号", Reference(d->id)}});
    pdf.Paragraph(en ? "Sign beside your name, or scan your code to confirm on your phone."
                     : "请在本人姓名旁签字，或用手机扫描本人二维码确认领取。",
                  true);
    int n = 0;
    for (const auto& r : repo::AllRecipients(sql, id)) {
      std::string status;
      if (r.status == "received") status = (en ? "Received " : "已领取 ") + r.received_at.substr(0, 10);
      if (r.status == "returned") status = en ? "Returned to stock" : "已退回库存";
      pdf.SignRow(std::to_string(++n), r.name,
                  core::Pick(lang, r.unit_name_zh, r.unit_name_en) +
                      (status.empty() ? "" : " · " + status),
                  en ? "Signature" : "签名", base_url + "/supplies/receive/" + std::to_string(r.id));
    }
    return pdf.Finish();
  });
}

}  // namespace tongxin::supplies
