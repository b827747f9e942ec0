// A partner's history from storage.
#include "modules/partners/history_repo.hpp"

#include <algorithm>

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::partners::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

std::int64_t Count(soci::session& sql, Query q) {
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return 0;
}

}  // namespace

void ReadHistory(soci::session& sql, const core::Principal& who, std::int64_t partner_id, int limit,
                 PartnerHistory& h) {
  const std::string lim = " LIMIT " + std::to_string(limit + 1);
  std::vector<HistoryEntry> all;
  auto take = [&](soci::rowset<soci::row>& rs, auto&& make) {
    int n = 0;
    for (const auto& r : rs) {
      if (++n > limit) {
        h.truncated = true;
        break;
      }
      all.push_back(make(r));
    }
  };

  Query letters(
      "SELECT c.id, c.direction, c.dated_on, c.subject, c.summary, c.channel, COALESCE(k.name, ''), "
      "(SELECT COUNT(*) FROM correspondence_attachments a WHERE a.letter_id = c.id), "
      "CASE WHEN c.answer_needed = 1 AND c.answered_at = '' THEN 1 ELSE 0 END "
      "FROM correspondence c LEFT JOIN partner_contacts k ON k.id = c.contact_id WHERE c.partner_id = :p "
      "ORDER BY c.dated_on DESC, c.id DESC" + lim);
  letters.Bind("p", partner_id);
  {
    soci::rowset<soci::row> rs = letters.Rows(sql);
    take(rs, [](const soci::row& r) {
      HistoryEntry e;
      e.kind = "letter";
      e.id = GetInt(r, 0);
      e.direction = GetStr(r, 1);
      e.on = GetStr(r, 2);
      e.title = GetStr(r, 3);
      e.detail = GetStr(r, 4);
      e.channel = GetStr(r, 5);
      e.who = GetStr(r, 6);
      e.count = GetInt(r, 7);
      e.extra = GetInt(r, 8);
      return e;
    });
  }

  Query visits(
      "SELECT v.id, v.direction, v.visited_on, v.purpose, v.discussed, v.place, "
      "(SELECT COUNT(*) FROM partner_visitors x WHERE x.visit_id = v.id), "
      "(SELECT COUNT(*) FROM partner_visit_people x WHERE x.visit_id = v.id), "
      "COALESCE((SELECT MIN(x.name) FROM partner_visitors x WHERE x.visit_id = v.id), '') "
      "FROM partner_visits v WHERE v.partner_id = :p ORDER BY v.visited_on DESC, v.id DESC" + lim);
  visits.Bind("p", partner_id);
  {
    soci::rowset<soci::row> rs = visits.Rows(sql);
    take(rs, [](const soci::row& r) {
      HistoryEntry e;
      e.kind = "visit";
      e.id = GetInt(r, 0);
      e.direction = GetStr(r, 1) == "outgoing" ? "out" : "in";
      e.on = GetStr(r, 2);
      e.title = GetStr(r, 3);
      e.detail = GetStr(r, 4);
      e.channel = GetStr(r, 5);
      e.count = GetInt(r, 6);
      e.extra = GetInt(r, 7);
      e.who = GetStr(r, 8);
      return e;
    });
  }

  Query donations(
      "SELECT d.id, d.direction, d.donated_on, d.purpose, COALESCE(NULLIF(o.name_zh, ''), o.name_en), "
      "COALESCE(NULLIF(o.name_en, ''), o.name_zh), d.kind, d.currency, d.amount_minor, "
      "(SELECT COUNT(*) FROM donation_lines l WHERE l.donation_id = d.id) "
      "FROM donations d JOIN donors o ON o.id = d.donor_id WHERE o.partner_id = :p");
  donations.Bind("p", partner_id);
  storage::AppendUnitScope(donations, who, "d.unit_id");
  donations.Append(" ORDER BY d.donated_on DESC, d.id DESC" + lim);
  {
    soci::rowset<soci::row> rs = donations.Rows(sql);
    take(rs, [](const soci::row& r) {
      HistoryEntry e;
      e.kind = "donation";
      e.id = GetInt(r, 0);
      e.direction = GetStr(r, 1);
      e.on = GetStr(r, 2);
      e.title = GetStr(r, 3);
      e.detail = GetStr(r, 4);
      e.who = GetStr(r, 5);
      e.channel = GetStr(r, 6);
      e.currency = GetStr(r, 7);
      e.amount_minor = GetInt(r, 8);
      e.count = GetInt(r, 9);
      return e;
    });
  }
  std::stable_sort(all.begin(), all.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
    if (a.on != b.on) return a.on > b.on;
    return a.id > b.id;
  });
  h.entries = std::move(all);

  Query in("SELECT COUNT(*) FROM correspondence WHERE partner_id = :p AND direction = 'in'");
  in.Bind("p", partner_id);
  h.letters_in = Count(sql, std::move(in));
  Query out("SELECT COUNT(*) FROM correspondence WHERE partner_id = :p AND direction = 'out'");
  out.Bind("p", partner_id);
  h.letters_out = Count(sql, std::move(out));
  Query v("SELECT COUNT(*) FROM partner_visits WHERE partner_id = :p");
  v.Bind("p", partner_id);
  h.visits = Count(sql, std::move(v));
  Query d("SELECT COUNT(*) FROM donations d JOIN donors o ON o.id = d.donor_id WHERE o.partner_id = :p");
  d.Bind("p", partner_id);
  storage::AppendUnitScope(d, who, "d.unit_id");
  h.donations = Count(sql, std::move(d));
}

}  // namespace tongxin::partners::repo
