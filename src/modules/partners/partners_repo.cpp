// Partners storage.
#include "modules/partners/partners_repo.hpp"

#include <map>

#include "core/text.hpp"
#include "io/attachment_table.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::partners::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Partner> kPartners(
    "FROM partners p JOIN units u ON u.id = p.unit_id", "p",
    {{"unit_path", "u.path"},
     {"letter_count", "(SELECT COUNT(*) FROM correspondence c WHERE c.partner_id = p.id)"},
     {"contact_count", "(SELECT COUNT(*) FROM partner_contacts k WHERE k.partner_id = p.id AND k.active = 1)"},
     {"last_letter_on", "COALESCE((SELECT MAX(c.dated_on) FROM correspondence c WHERE c.partner_id = p.id), '')"}});
const RowMap<Contact> kContacts("FROM partner_contacts");
const RowMap<Letter> kLetters(
    "FROM correspondence l JOIN partners p ON p.id = l.partner_id JOIN units u ON u.id = p.unit_id LEFT JOIN "
    "partner_contacts k ON k.id = l.contact_id LEFT JOIN users h ON h.id = l.handled_by",
    "l",
    {{"partner_name_zh", "p.name_zh"},
     {"partner_name_en", "p.name_en"},
     {"partner_country", "p.country"},
     {"contact_name", "COALESCE(k.name, '')"},
     {"handler_name", "COALESCE(h.display_name, '')"},
     {"attachment_count", "(SELECT COUNT(*) FROM correspondence_attachments a WHERE a.letter_id = l.id)"}});
const io::AttachmentTable kAttachments("correspondence_attachments", "letter_id");

std::vector<std::string> SplitCsv(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string JoinCsv(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

Partner ReadPartner(const soci::row& r) {
  Partner p = kPartners.Read(r);
  p.languages = SplitCsv(GetStr(r, "languages_csv"));
  p.tags = SplitCsv(GetStr(r, "tags_csv"));
  return p;
}

const char* const kPartnerExtra = "p.languages AS languages_csv, p.tags AS tags_csv";

// Substring search on the trigram index behind `table` (SQLite FTS5 / PostgreSQL pg_trgm):
// as the people search, a pattern shorter than a trigram scans the column instead.
void AppendSearch(Query& q, const std::string& text, const std::string& table, const std::string& id_column,
                  const std::string& column) {
  const std::string s = core::ToLowerAscii(core::Trim(text));
  if (s.empty()) return;
  const bool plain = s.find_first_of("%_\\") == std::string::npos;
  const std::string pattern = "%" + (plain ? s : core::EscapeLike(s)) + "%";
  const std::string esc = plain ? "" : " ESCAPE '\\'";
  if (core::Utf8Length(s) < 3) {
    q.Append(" AND " + column + " LIKE :sq" + esc);
  } else {
    q.Append(" AND " + id_column + " IN (SELECT rowid FROM " + table + " WHERE search_text LIKE :sq" + esc + ")");
  }
  q.Bind("sq", pattern);
}

Query PartnerWhere(const core::Principal& who, const PartnerFilter& f) {
  Query where(" WHERE 1 = 1");
  AppendPartnerScope(where, who, "p");
  if (!f.status.empty() && f.status != "all") where.Where("p.status = ?", f.status);
  if (!f.kind.empty()) where.Where("p.kind = ?", f.kind);
  if (!f.country.empty()) where.Where("p.country = ?", f.country);
  if (!f.countries.empty()) {
    where.Append(" AND p.country IN (");
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
      where.Append((i ? ", :country" : ":country") + std::to_string(i));
      where.Bind("country" + std::to_string(i), f.countries[i]);
    }
    where.Append(")");
  }
  if (!f.tag.empty()) {
    where.Where("(',' || p.tags || ',') LIKE ?", "%," + core::EscapeLike(f.tag) + ",%");
    where.Append(" ESCAPE '\\'");
  }
  if (f.unit_id) {
    where.Where("p.id IN (SELECT partner_id FROM partner_units WHERE unit_id = ?)", *f.unit_id);
  }
  AppendSearch(where, f.q, "partners_search", "p.id", "p.search_text");
  return where;
}

// Units and contacts of every partner in `list`, two statements for the whole list.
void LoadUnitsAndContacts(soci::session& sql, std::vector<Partner>& list) {
  if (list.empty()) return;
  std::map<std::int64_t, Partner*> by_id;
  std::string ids;
  for (auto& p : list) {
    by_id[p.id] = &p;
    ids += (ids.empty() ? "" : ",") + std::to_string(p.id);
  }
  Query u("SELECT pu.partner_id, u.id, u.path, u.name_zh, u.name_en FROM partner_units pu JOIN units u ON u.id = "
          "pu.unit_id WHERE pu.partner_id IN (" + ids + ") ORDER BY pu.partner_id, u.path");
  {
    soci::rowset<soci::row> rs = u.Rows(sql);
    for (const auto& r : rs) {
      by_id.at(GetInt(r, 0))->units.push_back({GetInt(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4)});
    }
  }
  Query c(kContacts.Select() + " WHERE partner_id IN (" + ids + ") ORDER BY partner_id, active DESC, is_primary DESC, id");
  for (auto& contact : kContacts.All(sql, c)) by_id.at(contact.partner_id)->contacts.push_back(std::move(contact));
}

}  // namespace

void AppendPartnerScope(Query& q, const core::Principal& who, const std::string& partner_alias) {
  if (who.all_units) return;
  if (who.scope_paths.empty()) {
    q.Append(" AND 1=0");
    return;
  }
  std::string units = "(SELECT id FROM units WHERE ";
  for (std::size_t i = 0; i < who.scope_paths.size(); ++i) {
    const std::string name = "pscope" + std::to_string(i);
    units += (i ? " OR " : "") + std::string("path LIKE :") + name + " ESCAPE '\\'";
    q.Bind(name, core::EscapeLike(who.scope_paths[i]) + "%");
  }
  units += ")";
  q.Append(" AND (" + partner_alias + ".unit_id IN " + units + " OR " + partner_alias +
           ".id IN (SELECT pu.partner_id FROM partner_units pu WHERE pu.unit_id IN " + units + "))");
}

core::Page<Partner> ListPartners(soci::session& sql, const core::Principal& who, const PartnerFilter& f,
                                 const core::PageRequest& page) {
  Query where = PartnerWhere(who, f);
  core::Page<Partner> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM partners p").Scalar(sql);
  Query list = where.Wrap(kPartners.Select(kPartnerExtra), " ORDER BY p.country, p.name_en, p.id" + PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) out.items.push_back(ReadPartner(r));
  LoadUnitsAndContacts(sql, out.items);
  return out;
}

std::vector<Partner> AllPartners(soci::session& sql, const core::Principal& who, const PartnerFilter& f) {
  Query list = PartnerWhere(who, f).Wrap(kPartners.Select(kPartnerExtra), " ORDER BY p.country, p.name_en, p.id");
  std::vector<Partner> out;
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) out.push_back(ReadPartner(r));
  LoadUnitsAndContacts(sql, out);
  return out;
}

std::optional<Partner> FindPartner(soci::session& sql, std::int64_t id) {
  Query q(kPartners.Select(kPartnerExtra) + " WHERE p.id = :id");
  q.Bind("id", id);
  std::vector<Partner> out;
  {
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) out.push_back(ReadPartner(r));
  }
  if (out.empty()) return std::nullopt;
  LoadUnitsAndContacts(sql, out);
  return std::move(out.front());
}

std::int64_t InsertPartner(soci::session& sql, const Partner& p) {
  Query q("INSERT INTO partners (unit_id, kind, name_zh, name_en, country, city, languages, tags, website, address, "
          "note, status, created_at, updated_at) VALUES (:u, :k, :nz, :ne, :c, :ci, :l, :t, :w, :a, :n, 'active', :ca, "
          ":ua) RETURNING id");
  q.Bind("u", p.unit_id).Bind("k", p.kind).Bind("nz", p.name_zh).Bind("ne", p.name_en).Bind("c", p.country);
  q.Bind("ci", p.city).Bind("l", JoinCsv(p.languages)).Bind("t", JoinCsv(p.tags)).Bind("w", p.website);
  q.Bind("a", p.address).Bind("n", p.note).Bind("ca", p.created_at).Bind("ua", p.updated_at);
  return q.Scalar(sql);
}

void UpdatePartner(soci::session& sql, const Partner& p) {
  Query q("UPDATE partners SET unit_id = :u, kind = :k, name_zh = :nz, name_en = :ne, country = :c, city = :ci, "
          "languages = :l, tags = :t, website = :w, address = :a, note = :n, updated_at = :ua WHERE id = :id");
  q.Bind("u", p.unit_id).Bind("k", p.kind).Bind("nz", p.name_zh).Bind("ne", p.name_en).Bind("c", p.country);
  q.Bind("ci", p.city).Bind("l", JoinCsv(p.languages)).Bind("t", JoinCsv(p.tags)).Bind("w", p.website);
  q.Bind("a", p.address).Bind("n", p.note).Bind("ua", p.updated_at).Bind("id", p.id);
  q.Exec(sql);
}

void SetPartnerUnits(soci::session& sql, std::int64_t partner_id, const std::vector<std::int64_t>& unit_ids) {
  Query del("DELETE FROM partner_units WHERE partner_id = :p");
  del.Bind("p", partner_id);
  del.Exec(sql);
  for (auto u : unit_ids) {
    Query ins("INSERT INTO partner_units (partner_id, unit_id) VALUES (:p, :u)");
    ins.Bind("p", partner_id).Bind("u", u);
    ins.Exec(sql);
  }
}

std::optional<std::int64_t> FindPartnerByName(soci::session& sql, const std::string& name_zh,
                                              const std::string& name_en) {
  if (name_zh.empty() && name_en.empty()) return std::nullopt;
  Query q("SELECT id FROM partners WHERE status = 'active' AND (");
  if (!name_en.empty()) q.Append("LOWER(name_en) = :en").Bind("en", core::ToLowerAscii(name_en));
  if (!name_zh.empty()) q.Append(name_en.empty() ? "name_zh = :zh" : " OR name_zh = :zh").Bind("zh", name_zh);
  q.Append(") ORDER BY id LIMIT 1");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

std::map<std::string, std::int64_t> UnitsByName(soci::session& sql, const core::Principal& who) {
  std::map<std::string, std::int64_t> out;
  Query q("SELECT id, code, name_zh, name_en, path FROM units ORDER BY id");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    if (!who.InScope(GetStr(r, 4))) continue;
    for (int c = 1; c <= 3; ++c) {
      const std::string key = core::ToLowerAscii(GetStr(r, c));
      if (!key.empty()) out.emplace(key, GetInt(r, 0));
    }
  }
  return out;
}

void RefreshSearch(soci::session& sql, std::int64_t partner_id) {
  auto p = FindPartner(sql, partner_id);
  if (!p) return;
  Query q("UPDATE partners SET search_text = :s WHERE id = :id");
  q.Bind("s", PartnerSearchText(*p, p->contacts)).Bind("id", partner_id);
  q.Exec(sql);
}

std::optional<Contact> FindContact(soci::session& sql, std::int64_t partner_id, std::int64_t id) {
  Query q(kContacts.Select() + " WHERE id = :id AND partner_id = :p");
  q.Bind("id", id).Bind("p", partner_id);
  return kContacts.One(sql, q);
}

std::int64_t InsertContact(soci::session& sql, const Contact& c) {
  Query q("INSERT INTO partner_contacts (partner_id, name, title, honorific, email, phone, language, is_primary, "
          "active, note, created_at, updated_at) VALUES (:p, :n, :t, :h, :e, :ph, :l, :pr, :a, :no, :ca, :ua) "
          "RETURNING id");
  q.Bind("p", c.partner_id).Bind("n", c.name).Bind("t", c.title).Bind("h", c.honorific).Bind("e", c.email);
  q.Bind("ph", c.phone).Bind("l", c.language).Bind("pr", std::int64_t{c.is_primary}).Bind("a", std::int64_t{c.active});
  q.Bind("no", c.note).Bind("ca", c.created_at).Bind("ua", c.updated_at);
  return q.Scalar(sql);
}

void UpdateContact(soci::session& sql, const Contact& c) {
  Query q("UPDATE partner_contacts SET name = :n, title = :t, honorific = :h, email = :e, phone = :ph, language = :l, "
          "is_primary = :pr, active = :a, note = :no, updated_at = :ua WHERE id = :id");
  q.Bind("n", c.name).Bind("t", c.title).Bind("h", c.honorific).Bind("e", c.email).Bind("ph", c.phone);
  q.Bind("l", c.language).Bind("pr", std::int64_t{c.is_primary}).Bind("a", std::int64_t{c.active});
  q.Bind("no", c.note).Bind("ua", c.updated_at).Bind("id", c.id);
  q.Exec(sql);
}

void ClearPrimary(soci::session& sql, std::int64_t partner_id, std::int64_t except_id) {
  Query q("UPDATE partner_contacts SET is_primary = 0 WHERE partner_id = :p AND id <> :id");
  q.Bind("p", partner_id).Bind("id", except_id);
  q.Exec(sql);
}

MergeCounts Merge(soci::session& sql, std::int64_t from, std::int64_t into, const std::string& now) {
  MergeCounts n;
  auto move = [&](const char* stmt) {
    Query q(stmt);
    q.Bind("f", from).Bind("i", into);
    return q.Exec(sql);
  };
  n.contacts = move("UPDATE partner_contacts SET partner_id = :i, is_primary = 0 WHERE partner_id = :f");
  n.letters = move("UPDATE correspondence SET partner_id = :i WHERE partner_id = :f");
  n.donors = move("UPDATE donors SET partner_id = :i WHERE partner_id = :f");
  move("INSERT INTO partner_units (partner_id, unit_id) SELECT :i, unit_id FROM partner_units WHERE partner_id = :f "
       "AND unit_id NOT IN (SELECT unit_id FROM partner_units WHERE partner_id = :i)");
  Query del("DELETE FROM partner_units WHERE partner_id = :f");
  del.Bind("f", from);
  del.Exec(sql);
  Query q("UPDATE partners SET status = 'merged', merged_into = :i, updated_at = :ua WHERE id = :f");
  q.Bind("i", into).Bind("ua", now).Bind("f", from);
  q.Exec(sql);
  return n;
}

core::Page<Letter> ListLetters(soci::session& sql, const core::Principal& who, const LetterFilter& f,
                               const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  AppendPartnerScope(where, who, "p");
  if (f.partner_id) where.Where("l.partner_id = ?", *f.partner_id);
  if (f.thread_id) where.Where("l.thread_id = ?", *f.thread_id);
  if (!f.direction.empty()) where.Where("l.direction = ?", f.direction);
  if (!f.channel.empty()) where.Where("l.channel = ?", f.channel);
  if (!f.from.empty()) where.Where("l.dated_on >= ?", f.from);
  if (!f.to.empty()) where.Where("l.dated_on <= ?", f.to);
  if (f.awaiting || f.overdue) where.Append(" AND l.answer_needed = 1 AND l.answered_at = ''");
  if (f.overdue) where.Where("l.answer_by < ?", f.today);
  AppendSearch(where, f.q, "correspondence_search", "l.id", "l.search_text");
  return kLetters.Page(sql, where, " ORDER BY l.dated_on DESC, l.id DESC", page,
                       "FROM correspondence l JOIN partners p ON p.id = l.partner_id");
}

std::optional<Letter> FindLetter(soci::session& sql, std::int64_t id) {
  Query q(kLetters.Select() + " WHERE l.id = :id");
  q.Bind("id", id);
  auto l = kLetters.One(sql, q);
  if (l) l->attachments = ListAttachments(sql, id);
  return l;
}

std::int64_t InsertLetter(soci::session& sql, const Letter& l) {
  // Ids bound as 0 stand for none (NULLIF): one statement shape for both databases.
  Query q("INSERT INTO correspondence (partner_id, contact_id, direction, channel, dated_on, subject, summary, "
          "language, thread_id, reply_to, answer_needed, answer_by, handled_by, search_text, created_by, created_at, "
          "updated_at) VALUES (:p, NULLIF(:c, 0), :d, :ch, :on, :s, :su, :l, NULLIF(:t, 0), NULLIF(:r, 0), :an, :ab, "
          "NULLIF(:h, 0), :st, NULLIF(:cb, 0), :ca, :ua) RETURNING id");
  q.Bind("p", l.partner_id).Bind("c", l.contact_id.value_or(0)).Bind("d", l.direction).Bind("ch", l.channel);
  q.Bind("on", l.dated_on).Bind("s", l.subject).Bind("su", l.summary).Bind("l", l.language);
  q.Bind("t", l.thread_id.value_or(0)).Bind("r", l.reply_to.value_or(0)).Bind("an", std::int64_t{l.answer_needed});
  q.Bind("ab", l.answer_by).Bind("h", l.handled_by.value_or(0)).Bind("st", LetterSearchText(l));
  q.Bind("cb", l.created_by.value_or(0)).Bind("ca", l.created_at).Bind("ua", l.updated_at);
  const std::int64_t id = q.Scalar(sql);
  if (!l.thread_id) {  // a new thread starts with this letter
    Query t("UPDATE correspondence SET thread_id = id WHERE id = :id");
    t.Bind("id", id);
    t.Exec(sql);
  }
  return id;
}

void UpdateLetter(soci::session& sql, const Letter& l) {
  Query q("UPDATE correspondence SET contact_id = NULLIF(:c, 0), channel = :ch, direction = :d, dated_on = :on, "
          "subject = :s, summary = :su, language = :l, answer_needed = :an, answer_by = :ab, handled_by = "
          "NULLIF(:h, 0), search_text = :st, updated_at = :ua WHERE id = :id");
  q.Bind("c", l.contact_id.value_or(0)).Bind("ch", l.channel).Bind("d", l.direction).Bind("on", l.dated_on);
  q.Bind("s", l.subject).Bind("su", l.summary).Bind("l", l.language).Bind("an", std::int64_t{l.answer_needed});
  q.Bind("ab", l.answer_by).Bind("h", l.handled_by.value_or(0)).Bind("st", LetterSearchText(l));
  q.Bind("ua", l.updated_at).Bind("id", l.id);
  q.Exec(sql);
}

void MarkAnswered(soci::session& sql, std::int64_t id, const std::string& at) {
  Query q("UPDATE correspondence SET answered_at = :at WHERE id = :id AND answer_needed = 1 AND answered_at = ''");
  q.Bind("at", at).Bind("id", id);
  q.Exec(sql);
}

std::vector<Letter> AnswersDue(soci::session& sql, const std::string& until) {
  Query q(kLetters.Select() +
          " WHERE l.answer_needed = 1 AND l.answered_at = '' AND l.reminded_at = '' AND l.answer_by <= :u AND "
          "p.status = 'active' ORDER BY l.answer_by, l.id");
  q.Bind("u", until);
  return kLetters.All(sql, q);
}

void MarkReminded(soci::session& sql, std::int64_t id, const std::string& at) {
  Query q("UPDATE correspondence SET reminded_at = :at WHERE id = :id");
  q.Bind("at", at).Bind("id", id);
  q.Exec(sql);
}

std::int64_t InsertAttachment(soci::session& sql, std::int64_t letter_id, const io::Attachment& a) {
  return kAttachments.Insert(sql, letter_id, a);
}

std::vector<io::Attachment> ListAttachments(soci::session& sql, std::int64_t letter_id) {
  return kAttachments.List(sql, letter_id);
}

std::optional<io::Attachment> FindAttachment(soci::session& sql, std::int64_t letter_id, std::int64_t id) {
  return kAttachments.Find(sql, letter_id, id);
}

std::vector<LinkedDonor> DonorsOf(soci::session& sql, std::int64_t partner_id) {
  Query q("SELECT o.id, o.name_zh, o.name_en, (SELECT COUNT(*) FROM donations d WHERE d.donor_id = o.id) FROM donors o "
          "WHERE o.partner_id = :p ORDER BY o.id");
  q.Bind("p", partner_id);
  std::vector<LinkedDonor> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back({GetInt(r, 0), GetStr(r, 1), GetStr(r, 2), GetInt(r, 3)});
  return out;
}

bool LinkDonor(soci::session& sql, std::int64_t donor_id, std::optional<std::int64_t> partner_id) {
  Query q("UPDATE donors SET partner_id = NULLIF(:p, 0) WHERE id = :id");
  q.Bind("p", partner_id.value_or(0)).Bind("id", donor_id);
  return q.Exec(sql) > 0;
}

std::optional<std::string> DonorUnitPath(soci::session& sql, std::int64_t donor_id) {
  Query q("SELECT u.path FROM donors o JOIN units u ON u.id = o.unit_id WHERE o.id = :id");
  q.Bind("id", donor_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetStr(r, 0);
  return std::nullopt;
}

}  // namespace tongxin::partners::repo
