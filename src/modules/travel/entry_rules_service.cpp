// Entry-control rules.
#include "modules/travel/entry_rules_service.hpp"

#include <boost/json.hpp>

#include "auth/guard.hpp"
#include "core/pick.hpp"
#include "modules/travel/entry_rules_repo.hpp"
#include "modules/travel/trips_repo.hpp"

namespace tongxin::travel {
namespace {

std::string Describe(const EntryRule& r, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  std::string text = r.country + " · " + MeasureLabel(r.measure, lang);
  if (r.measure == "quarantine") {
    text += zh ? "（" + std::to_string(r.quarantine_days) + " 天" + (r.quarantine_place.empty() ? "" : "，" + r.quarantine_place) + "）"
               : " (" + std::to_string(r.quarantine_days) + " days" +
                     (r.quarantine_place.empty() ? "" : ", " + r.quarantine_place) + ")";
  }
  text += zh ? "，自 " + r.effective_from + (r.effective_to.empty() ? " 起" : " 至 " + r.effective_to)
             : ", from " + r.effective_from + (r.effective_to.empty() ? "" : " to " + r.effective_to);
  const std::string summary = core::Pick(lang, r.summary_zh, r.summary_en);
  if (!summary.empty()) text += "\n\n" + summary;
  if (!r.source_authority.empty() || !r.source_ref.empty()) {
    text += (zh ? "\n\n来源：" : "\n\nSource: ") + r.source_authority +
            (r.source_ref.empty() ? "" : " " + r.source_ref) + (r.source_url.empty() ? "" : " " + r.source_url);
  }
  return text;
}

}  // namespace

EntryRulesService::EntryRulesService(storage::Database& db, const core::Clock& clock, health::HealthService& health,
                                     notify::NotifyService& notify)
    : db_(db), clock_(clock), health_(health), notify_(notify) {}

core::Status EntryRulesService::CheckKeeper(const core::Principal& who) const {
  if (!core::roles::kManagers.Has(who.role)) return core::Forbidden("auth.forbidden");
  return {};
}

core::Result<core::Page<EntryRule>> EntryRulesService::List(const EntryRuleFilter& f, const core::PageRequest& page) {
  const std::string today = Today();
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<core::Page<EntryRule>> { return repo::ListRules(sql, f, today, page); });
}

core::Result<std::vector<EntryRule>> EntryRulesService::Export(const EntryRuleFilter& f, const auth::Actor& actor) {
  const std::string today = Today();
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<EntryRule>> { return repo::AllRules(sql, f, today); },
      [&](soci::session& sql, const std::vector<EntryRule>& all) -> core::Status {
        auth::RecordAudit(sql, actor, Now(), "export", "entry_rule", "", "",
                          boost::json::serialize(boost::json::object{{"rows", static_cast<std::int64_t>(all.size())},
                                                                     {"country", f.country},
                                                                     {"measure", f.measure},
                                                                     {"state", f.state}}));
        return {};
      });
}

core::Result<RuleDetail> EntryRulesService::Get(std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<RuleDetail> {
    auto r = repo::FindRule(sql, id);
    if (!r) return core::NotFound("entry_rules.not_found");
    return RuleDetail{*r, repo::Versions(sql, id), 0};
  });
}

core::Result<RuleDetail> EntryRulesService::CreateOn(soci::session& sql, const EntryRuleInput& in,
                                                     const auth::Actor& actor) {
  TX_TRY(r, ApplyInput(EntryRule{}, in));
  r->created_by = actor.user_id;
  r->created_by_name = r->updated_by_name = actor.username;
  r->created_at = r->updated_at = Now();
  r->version = 1;
  r->id = repo::InsertRule(sql, *r);
  const auto fields = RuleFields(*r);
  repo::AddVersion(sql, {0, r->id, 1, r->created_at, actor.user_id, actor.username, boost::json::serialize(fields)});
  auth::RecordAudit(sql, actor, r->created_at, "create", "entry_rule", std::to_string(r->id), "",
                    boost::json::serialize(fields));
  RuleDetail d{*r, repo::Versions(sql, r->id), 0};
  d.travellers_alerted = AlertTravellers(sql, *r, Diff({}, fields));
  return d;
}

core::Result<RuleDetail> EntryRulesService::UpdateOn(soci::session& sql, const EntryRule& before,
                                                     const EntryRuleInput& in, const auth::Actor& actor) {
  TX_TRY(r, ApplyInput(before, in));
  const auto old_fields = RuleFields(before);
  const auto new_fields = RuleFields(*r);
  const auto changes = Diff(old_fields, new_fields);
  if (changes.empty()) return RuleDetail{before, repo::Versions(sql, before.id), 0};
  r->version = before.version + 1;
  r->updated_by_name = actor.username;
  r->updated_at = Now();
  repo::UpdateRule(sql, *r);
  repo::AddVersion(sql,
                   {0, r->id, r->version, r->updated_at, actor.user_id, actor.username, boost::json::serialize(new_fields)});
  auth::RecordAudit(sql, actor, r->updated_at, "update", "entry_rule", std::to_string(r->id),
                    boost::json::serialize(old_fields), boost::json::serialize(new_fields));
  RuleDetail d{*r, repo::Versions(sql, r->id), 0};
  d.travellers_alerted = AlertTravellers(sql, *r, changes);
  return d;
}

core::Result<RuleDetail> EntryRulesService::Create(const core::Principal& who, const EntryRuleInput& in,
                                                   const auth::Actor& actor) {
  TX_CHECK(CheckKeeper(who));
  return db_.InTransaction([&](soci::session& sql) { return CreateOn(sql, in, actor); });
}

core::Result<RuleDetail> EntryRulesService::Update(const core::Principal& who, std::int64_t id,
                                                   const EntryRuleInput& in, const auth::Actor& actor) {
  TX_CHECK(CheckKeeper(who));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<RuleDetail> {
    auto before = repo::FindRule(sql, id);
    if (!before) return core::NotFound("entry_rules.not_found");
    return UpdateOn(sql, *before, in, actor);
  });
}

std::int64_t EntryRulesService::AlertTravellers(soci::session& sql, const EntryRule& r,
                                                const std::vector<FieldChange>& changes) {
  // Only what a traveller's plans hang on: not a reworded source.
  bool material = false;
  for (const auto& c : changes) {
    material = material || c.field == "country" || c.field == "measure" || c.field == "quarantine_days" ||
               c.field == "quarantine_place" || c.field == "effective_from" || c.field == "effective_to";
  }
  if (!material) return 0;
  const auto trips = repo::TripsTo(sql, r.country);
  if (trips.empty()) return 0;
  const auto staff = notify_.Staff(sql, {"office"});
  std::int64_t alerted = 0;
  for (const auto& t : trips) {
    int queued = 0;
    for (const auto& m : staff) {
      if (!m.Covers(t.unit_path)) continue;
      queued += notify_.Queue(
          sql, m.to, "entry_rule_trip",
          "entry_rule_trip:" + std::to_string(r.id) + ":" + std::to_string(r.version) + ":" + std::to_string(t.id),
          [&](core::Lang lang) {
            const std::string name = core::Pick(lang, t.name_zh, t.name_latin);
            if (lang == core::Lang::kEn) {
              return notify::Message{"Entry rules changed for " + name + "'s trip (" + r.country + ")",
                                     name + "'s trip (" + t.status + ") goes to " + r.country +
                                         ", whose entry rules changed:\n\n" + Describe(r, lang) +
                                         "\n\nCheck the trip and tell the traveller."};
            }
            return notify::Message{name + " 的出访目的地（" + r.country + "）入境措施有变化",
                                   name + " 的出访（" + t.status + "）前往 " + r.country + "，该国入境措施有变化：\n\n" +
                                       Describe(r, lang) + "\n\n请核对出访安排并告知本人。"};
          },
          "/trips/" + std::to_string(t.id));
    }
    if (queued > 0) ++alerted;
  }
  return alerted;
}

core::Result<AffectedPage> EntryRulesService::Affected(const core::Principal& who, std::int64_t id,
                                                      std::optional<bool> told, const core::PageRequest& page,
                                                      const auth::Actor& actor) {
  TX_CHECK(CheckKeeper(who));
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<AffectedPage> {
        auto r = repo::FindRule(sql, id);
        if (!r) return core::NotFound("entry_rules.not_found");
        return repo::AffectedPaged(sql, who, *r, told, page);
      },
      [&](soci::session& sql, const AffectedPage& people) -> core::Status {
        boost::json::array shown;
        for (const auto& a : people.items) shown.push_back(a.person_id);
        auth::RecordAudit(
            sql, actor, Now(), "read", "entry_rule_affected", std::to_string(id), "",
            boost::json::serialize(boost::json::object{{"people", people.total}, {"shown", std::move(shown)}}));
        return {};
      });
}

core::Result<AffectedPage> EntryRulesService::AffectedAll(const core::Principal& who, std::int64_t id,
                                                         std::optional<bool> told, const auth::Actor& actor) {
  TX_CHECK(CheckKeeper(who));
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<AffectedPage> {
        auto r = repo::FindRule(sql, id);
        if (!r) return core::NotFound("entry_rules.not_found");
        AffectedPage all;
        all.version = r->version;
        for (auto& a : repo::Affected(sql, who, *r)) {
          ++all.total;
          const bool told_current = a.told_version >= r->version;
          if (told_current) ++all.told;
          if (told && *told != told_current) continue;
          all.items.push_back(std::move(a));
        }
        all.matching = static_cast<std::int64_t>(all.items.size());
        return all;
      },
      [&](soci::session& sql, const AffectedPage& all) -> core::Status {
        auth::RecordAudit(sql, actor, Now(), "export", "entry_rule_affected", std::to_string(id), "",
                          boost::json::serialize(boost::json::object{
                              {"rows", all.matching},
                              {"told", told ? boost::json::value(*told) : boost::json::value()}}));
        return {};
      });
}

core::Result<NotifyReport> EntryRulesService::NotifyAffected(const core::Principal& who, std::int64_t id,
                                                             const NotifyInput& in, const auth::Actor& actor) {
  TX_CHECK(CheckKeeper(who));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<NotifyReport> {
    auto r = repo::FindRule(sql, id);
    if (!r) return core::NotFound("entry_rules.not_found");
    NotifyReport report;
    const std::string now = Now();
    for (const auto& a : repo::Affected(sql, who, *r)) {
      std::string reason;
      for (const auto& why : a.reasons) {
        if (in.reasons.empty() || std::find(in.reasons.begin(), in.reasons.end(), why) != in.reasons.end()) {
          reason = why;
          break;
        }
      }
      if (reason.empty()) continue;
      if (a.told_version >= r->version && !in.again) {
        ++report.already_told;
        continue;
      }
      auto to = notify_.ForPerson(sql, a.person_id);
      // No account, and no email (or email not set up): not told.
      if (!to || (!to->user_id && (to->email.empty() || !notify_.email_enabled()))) {
        ++report.unreachable;
        continue;
      }
      const std::string key = "entry_rule:" + std::to_string(r->id) + ":" + std::to_string(r->version) + ":" +
                              std::to_string(a.person_id) + (in.again ? ":" + now : "");
      notify_.Queue(
          sql, *to, "entry_rule", key,
          [&](core::Lang lang) {
            const std::string title = lang == core::Lang::kEn
                                          ? "Entry rules of " + r->country + ": " + MeasureLabel(r->measure, lang)
                                          : r->country + " 入境管制措施：" + MeasureLabel(r->measure, lang);
            return notify::Message{title, Describe(*r, lang)};
          },
          "/entry-rules/" + std::to_string(r->id));
      const bool mail = !to->email.empty() && notify_.email_enabled();
      const std::string channels = to->user_id ? (mail ? "app,email" : "app") : "email";
      if (a.told_version < r->version) {
        repo::AddNotice(sql, r->id, r->version, a.person_id, reason, to->lang == core::Lang::kEn ? "en" : "zh",
                        channels, now, actor.user_id, actor.username);
      }
      ++report.told;
    }
    auth::RecordAudit(sql, actor, now, "notify", "entry_rule", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"version", r->version},
                                                                 {"told", report.told},
                                                                 {"already_told", report.already_told},
                                                                 {"unreachable", report.unreachable}}));
    return report;
  });
}

}  // namespace tongxin::travel
