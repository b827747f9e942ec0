// Donations rules.
#include "modules/supplies/donations_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "auth/guard.hpp"
#include "core/currencies.hpp"
#include "modules/supplies/donations_repo.hpp"

namespace tongxin::supplies {
namespace {

std::string Json(const Donation& d) { return boost::json::serialize(DonationToJson(d, core::Lang::kZh, true)); }

std::string DonorAuditJson(const Donor& d) {
  return boost::json::serialize(boost::json::object{
      {"unit_id", d.unit_id}, {"kind", d.kind}, {"name_zh", d.name_zh}, {"name_en", d.name_en}, {"country", d.country}});
}

int Rank(const std::string& thanks) { return thanks == "to_thank" ? 0 : thanks == "letter_sent" ? 1 : 2; }

core::Error NotFound() { return core::MakeError(core::Errc::kNotFound, "supplies.donation_not_found"); }

// Sums lines by item, keeping the pack unit while every line of the item used the same one.
void AddGoods(std::vector<GoodsTotal>& totals, const DonationLine& l) {
  auto it = std::find_if(totals.begin(), totals.end(), [&](const GoodsTotal& g) { return g.line.item_id == l.item_id; });
  if (it == totals.end()) {
    totals.push_back({l, 1});
    return;
  }
  it->line.qty_milli += l.qty_milli;
  ++it->count;
  if (it->line.pack_id && l.pack_id == it->line.pack_id) {
    it->line.pack_count += l.pack_count;
  } else {
    it->line.pack_id.reset();
    it->line.pack_count = 0;
  }
}

void SortGoods(std::vector<GoodsTotal>& g) {
  std::sort(g.begin(), g.end(), [](const GoodsTotal& a, const GoodsTotal& b) {
    return a.line.category != b.line.category ? a.line.category < b.line.category : a.line.item_code < b.line.item_code;
  });
}

}  // namespace

DonationsService::DonationsService(storage::Database& db, SuppliesService& supplies, std::string finance_unit)
    : db_(db), supplies_(supplies), finance_unit_(std::move(finance_unit)) {}

bool DonationsService::SeesAmountsOn(soci::session& sql, const core::Principal& who) {
  if (who.role == core::Role::kAdmin || who.role == core::Role::kOffice) return true;
  return KeepsRates(sql, who);
}

bool DonationsService::KeepsRates(soci::session& sql, const core::Principal& who) {
  if (who.role == core::Role::kAdmin) return true;
  if (who.role != core::Role::kDepartment || finance_unit_.empty()) return false;
  const auto path = repo::UnitPathOf(sql, finance_unit_);
  return path && who.InScope(*path);
}

core::Principal DonationsService::Reader(soci::session& sql, const core::Principal& who) {
  core::Principal reader = who;
  if (who.role == core::Role::kDepartment && KeepsRates(sql, who)) reader.all_units = true;
  return reader;
}

core::Result<bool> DonationsService::SeesAmounts(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<bool> { return SeesAmountsOn(sql, who); });
}

// ---- donors ----

core::Result<core::Page<Donor>> DonationsService::ListDonors(const core::Principal& who, const std::string& q,
                                                            const std::string& kind, const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Donor>> {
    return repo::ListDonors(sql, who, q, kind, page);
  });
}

core::Result<Donor> DonationsService::GetDonor(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donor> {
    auto d = repo::FindDonor(sql, id);
    if (!d) return core::MakeError(core::Errc::kNotFound, "supplies.donor_not_found");
    TX_CHECK(auth::guard::Path(who, d->unit_path));
    auth::RecordAudit(sql, actor, supplies_.Now(), "read", "donor", std::to_string(id), "", "");
    return *d;
  });
}

namespace {

void ApplyDonor(Donor& d, const DonorInput& in) {
  if (in.unit_id) d.unit_id = *in.unit_id;
  if (in.kind) d.kind = *in.kind;
  if (in.name_zh) d.name_zh = *in.name_zh;
  if (in.name_en) d.name_en = *in.name_en;
  if (in.country) d.country = *in.country;
  if (in.contact_name) d.contact_name = *in.contact_name;
  if (in.email) d.email = *in.email;
  if (in.phone) d.phone = *in.phone;
  if (in.address) d.address = *in.address;
  if (in.note) d.note = *in.note;
}

}  // namespace

core::Result<Donor> DonationsService::CreateDonor(const core::Principal& who, const DonorInput& in,
                                                  const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donor> {
    TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    Donor d;
    ApplyDonor(d, in);
    d.created_at = d.updated_at = supplies_.Now();
    d.id = repo::InsertDonor(sql, d);
    auth::RecordAudit(sql, actor, d.created_at, "create", "donor", std::to_string(d.id), "", DonorAuditJson(d));
    return *repo::FindDonor(sql, d.id);
  });
}

core::Result<Donor> DonationsService::UpdateDonor(const core::Principal& who, std::int64_t id, const DonorInput& in,
                                                  const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donor> {
    auto before = repo::FindDonor(sql, id);
    if (!before) return core::MakeError(core::Errc::kNotFound, "supplies.donor_not_found");
    TX_CHECK(auth::guard::Path(who, before->unit_path));
    if (in.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    Donor d = *before;
    ApplyDonor(d, in);
    if (d.name_zh.empty() && d.name_en.empty()) return core::FieldInvalid("name_zh", "supplies.donor_name_required");
    d.updated_at = supplies_.Now();
    repo::UpdateDonor(sql, d);
    auth::RecordAudit(sql, actor, d.updated_at, "update", "donor", std::to_string(id), DonorAuditJson(*before),
                      DonorAuditJson(d));
    return *repo::FindDonor(sql, id);
  });
}

// ---- exchange rates ----

core::Result<std::vector<Rate>> DonationsService::ListRates(const std::string& currency) {
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<Rate>> { return repo::ListRates(sql, currency); });
}

core::Result<Rate> DonationsService::SetRate(const core::Principal& who, const RateInput& in,
                                            const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Rate> {
    if (!KeepsRates(sql, who)) return core::MakeError(core::Errc::kForbidden, "supplies.not_finance");
    auto before = repo::FindRate(sql, in.currency, in.valid_from);
    Rate r{in.currency, in.valid_from, in.cny_micro, in.source, std::nullopt, supplies_.Now()};
    if (who.user_id) r.set_by = who.user_id;
    repo::PutRate(sql, r, before.has_value());
    const std::string key = in.currency + "@" + in.valid_from;
    auth::RecordAudit(sql, actor, r.set_at, before ? "update" : "create", "exchange_rate", key,
                      before ? boost::json::serialize(RateToJson(*before)) : "",
                      boost::json::serialize(RateToJson(r)));
    return *repo::FindRate(sql, in.currency, in.valid_from);
  });
}

core::Status DonationsService::DeleteRate(const core::Principal& who, const std::string& currency,
                                          const std::string& valid_from, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    if (!KeepsRates(sql, who)) return core::MakeError(core::Errc::kForbidden, "supplies.not_finance");
    auto before = repo::FindRate(sql, currency, valid_from);
    if (!before) return core::MakeError(core::Errc::kNotFound, "supplies.rate_not_found");
    repo::DeleteRate(sql, currency, valid_from);
    auth::RecordAudit(sql, actor, supplies_.Now(), "delete", "exchange_rate", currency + "@" + valid_from,
                      boost::json::serialize(RateToJson(*before)), "");
    return {};
  });
}

// ---- donations ----

core::Result<DonationsService::Listed> DonationsService::List(const core::Principal& who, const DonationFilter& f,
                                                              const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Listed> {
    return Listed{repo::ListDonations(sql, Reader(sql, who), f, page), SeesAmountsOn(sql, who)};
  });
}

core::Result<DonationsService::All> DonationsService::Export(const core::Principal& who, const DonationFilter& f,
                                                             const auth::Actor& actor) {
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<All> {
        return All{repo::AllDonations(sql, Reader(sql, who), f), SeesAmountsOn(sql, who)};
      },
      [&](soci::session& sql, const All& out) -> core::Status {
        auth::RecordAudit(sql, actor, supplies_.Now(), "export", "donation", "", "",
                          boost::json::serialize(boost::json::object{{"direction", f.direction},
                                                                     {"rows", static_cast<std::int64_t>(out.items.size())},
                                                                     {"amounts", out.amounts}}));
        return {};
      });
}

core::Result<Donation> DonationsService::InScope(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto d = repo::FindDonation(sql, id);
  if (!d) return NotFound();
  TX_CHECK(auth::guard::Path(who, d->unit_path));
  return std::move(*d);
}

core::Result<std::pair<Donation, bool>> DonationsService::Get(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::pair<Donation, bool>> {
    TX_TRY(d, InScope(sql, Reader(sql, who), id));
    return std::pair{std::move(*d), SeesAmountsOn(sql, who)};
  });
}

core::Result<Donation> DonationsService::Create(const core::Principal& who, const DonationInput& in,
                                                const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donation> {
    TX_CHECK(auth::guard::Unit(sql, who, in.unit_id, "unit_id"));
    if (in.kind == "money" && !SeesAmountsOn(sql, who)) {
      return core::MakeError(core::Errc::kForbidden, "supplies.amounts_restricted");
    }
    if (in.donor_id) {
      auto donor = repo::FindDonor(sql, *in.donor_id);
      if (!donor) return core::FieldInvalid("donor_id", "supplies.donor_not_found");
      TX_CHECK(auth::guard::Path(who, donor->unit_path));
    }
    const bool out = in.direction == "out";
    if (out && in.kind == "goods" && !in.store_id && !in.donor_id) {
      return core::FieldInvalid("donor_id", "supplies.third_party_donor");
    }
    if (!in.receipt_no.empty() && repo::ReceiptTaken(sql, in.direction, in.receipt_no, 0)) {
      return core::Conflict("supplies.receipt_taken", {{"field", "receipt_no"}, {"receipt_no", in.receipt_no}});
    }
    Donation d;
    d.direction = in.direction;
    d.kind = in.kind;
    d.unit_id = in.unit_id;
    d.donor_id = in.donor_id;
    d.recipient_kind = in.recipient_kind;
    d.recipient_name = in.recipient_name;
    d.currency = in.currency;
    d.amount_minor = in.amount_minor;
    d.store_id = in.store_id;
    d.donated_on = in.donated_on;
    d.purpose = in.purpose;
    d.receipt_no = in.receipt_no;
    d.note = in.note;
    d.thanks = out ? "" : "to_thank";
    d.delivery = out ? "pending" : "";
    if (who.user_id) d.created_by = who.user_id;
    d.created_at = d.updated_at = supplies_.Now();
    std::vector<DonationLine> lines;
    int n = 0;
    for (const auto& li : in.lines) {
      TX_TRY(base, supplies_.BaseQuantity(sql, li, "lines[" + std::to_string(++n) + "]."));
      DonationLine l;
      l.item_id = li.item_id;
      l.qty_milli = base->first;
      if (li.pack_id) {
        l.pack_id = li.pack_id;
        for (const auto& p : base->second.packs) {
          if (p.id == *li.pack_id) l.pack_count = base->first / p.factor_milli;
        }
      }
      lines.push_back(l);
    }
    if (in.kind == "goods" && in.store_id) {
      PostingInput p;
      p.kind = out ? "issue" : "receipt";
      p.source = out ? "" : "donation";
      p.store_id = *in.store_id;
      p.reference = in.receipt_no;
      p.note = (out ? "捐赠给 / Donated to " + in.recipient_name : "捐赠 / Donation") +
               (in.purpose.empty() ? "" : ": " + in.purpose);
      p.lines = in.lines;
      TX_TRY(posting, supplies_.PostOn(sql, who, p, actor));
      d.posting_id = posting->id;
    }
    d.id = repo::InsertDonation(sql, d);
    repo::InsertDonationLines(sql, d.id, lines);
    auto saved = repo::FindDonation(sql, d.id);
    auth::RecordAudit(sql, actor, d.created_at, "create", "donation", std::to_string(d.id), "", Json(*saved));
    return std::move(*saved);
  });
}

core::Result<Donation> DonationsService::Save(soci::session& sql, const Donation& before, Donation after,
                                              const auth::Actor& actor) {
  after.updated_at = supplies_.Now();
  repo::UpdateDonation(sql, after);
  auto saved = repo::FindDonation(sql, after.id);
  auth::RecordAudit(sql, actor, after.updated_at, "update", "donation", std::to_string(after.id), Json(before),
                    Json(*saved));
  return std::move(*saved);
}

core::Result<Donation> DonationsService::Update(const core::Principal& who, std::int64_t id, const DonationPatch& in,
                                                const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donation> {
    TX_TRY(before, InScope(sql, who, id));
    Donation d = *before;
    if (in.currency || in.amount_text) {
      if (d.kind != "money") return core::FieldInvalid(in.currency ? "currency" : "amount", "supplies.only_for_money");
      if (!SeesAmountsOn(sql, who)) return core::MakeError(core::Errc::kForbidden, "supplies.amounts_restricted");
      if (in.currency) d.currency = *in.currency;
      if (in.amount_text) {
        TX_TRY(minor, PatchAmount(*in.amount_text, d.currency));
        d.amount_minor = *minor;
      } else if (in.currency) {
        // The same amount in the new currency's digits must still be exact.
        const core::Currency* old_c = core::FindCurrency(before->currency);
        TX_TRY(minor, PatchAmount(core::FormatMinor(d.amount_minor, old_c ? old_c->digits : 2), d.currency));
        d.amount_minor = *minor;
      }
    }
    if (in.recipient_name) {
      if (d.direction != "out") return core::FieldInvalid("recipient_name", "supplies.only_for_out");
      d.recipient_name = *in.recipient_name;
    }
    if (in.purpose) d.purpose = *in.purpose;
    if (in.note) d.note = *in.note;
    if (in.donated_on) d.donated_on = *in.donated_on;
    if (in.receipt_no) {
      if (!in.receipt_no->empty() && repo::ReceiptTaken(sql, d.direction, *in.receipt_no, d.id)) {
        return core::Conflict("supplies.receipt_taken", {{"field", "receipt_no"}, {"receipt_no", *in.receipt_no}});
      }
      d.receipt_no = *in.receipt_no;
    }
    return Save(sql, *before, std::move(d), actor);
  });
}

core::Result<Donation> DonationsService::SetThanks(const core::Principal& who, std::int64_t id,
                                                   const std::string& status, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donation> {
    TX_TRY(before, InScope(sql, who, id));
    if (before->direction != "in") return core::Conflict("supplies.thanks_for_in_only");
    if (Rank(status) < Rank(before->thanks)) return core::Conflict("supplies.thanks_backwards", {{"field", "status"}});
    if (status == before->thanks) return std::move(*before);
    Donation d = *before;
    d.thanks = status;
    d.thanks_at = supplies_.Now();
    return Save(sql, *before, std::move(d), actor);
  });
}

core::Result<Donation> DonationsService::Deliver(const core::Principal& who, std::int64_t id, const StatusInput& in,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donation> {
    TX_TRY(before, InScope(sql, who, id));
    if (before->direction != "out") return core::Conflict("supplies.delivery_for_out_only");
    if (before->delivery == "delivered") return core::Conflict("supplies.already_delivered");
    Donation d = *before;
    d.delivery = "delivered";
    d.delivered_on = in.on;
    d.delivered_to = in.by;
    return Save(sql, *before, std::move(d), actor);
  });
}

core::Result<Donation> DonationsService::AddDocument(const core::Principal& who, std::int64_t id,
                                                     const std::string& filename, std::string bytes,
                                                     const auth::Actor& actor) {
  TX_TRY(type, io::CheckAttachment(bytes));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Donation> {
    TX_TRY(found, InScope(sql, who, id));
    io::Attachment a = io::NewAttachment(filename, *type, std::move(bytes), who.user_id, supplies_.Now());
    a.id = repo::InsertDocument(sql, id, a);
    auth::RecordAudit(sql, actor, a.uploaded_at, "create", "donation_document", std::to_string(a.id), "",
                      io::AttachmentAuditJson(a, "donation_id", id));
    return std::move(*repo::FindDonation(sql, id));
  });
}

core::Result<io::Attachment> DonationsService::GetDocument(const core::Principal& who, std::int64_t id,
                                                           std::int64_t document_id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<io::Attachment> {
    TX_TRY(found, InScope(sql, Reader(sql, who), id));
    auto a = repo::FindDocument(sql, id, document_id);
    if (!a) return core::MakeError(core::Errc::kNotFound, "supplies.document_not_found");
    auth::RecordAudit(sql, actor, supplies_.Now(), "read", "donation_document", std::to_string(document_id), "",
                      boost::json::serialize(boost::json::object{{"donation_id", id}, {"filename", a->filename}}));
    return std::move(*a);
  });
}

core::Result<std::pair<Totals, bool>> DonationsService::Summary(const core::Principal& who, const DonationFilter& f) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::pair<Totals, bool>> {
    const bool amounts = SeesAmountsOn(sql, who);
    Totals t;
    std::map<std::string, MoneyTotal> money;
    for (const auto& d : repo::AllDonations(sql, Reader(sql, who), f)) {
      if (d.kind == "money") {
        MoneyTotal& m = money[d.currency];
        m.currency = d.currency;
        m.amount_minor += d.amount_minor;
        ++m.count;
        if (d.rate_micro > 0) {
          const core::Currency* c = core::FindCurrency(d.currency);
          const std::int64_t fen = core::ToFen(d.amount_minor, c ? c->digits : 2, d.rate_micro);
          m.fen += fen;
          t.fen += fen;
        } else {
          ++m.without_rate;
        }
      }
      for (const auto& l : d.lines) AddGoods(t.goods, l);
      if (d.direction == "out") {
        auto it = std::find_if(t.recipients.begin(), t.recipients.end(),
                               [&](const RecipientTotal& r) { return r.name == d.recipient_name; });
        if (it == t.recipients.end()) {
          t.recipients.push_back({d.recipient_name, d.recipient_kind, 0, {}});
          it = std::prev(t.recipients.end());
        }
        ++it->count;
        for (const auto& l : d.lines) AddGoods(it->goods, l);
      }
    }
    for (auto& [code, m] : money) t.money.push_back(m);
    SortGoods(t.goods);
    for (auto& r : t.recipients) SortGoods(r.goods);
    return std::pair{std::move(t), amounts};
  });
}

}  // namespace tongxin::supplies
