// Letter templates and mass letters storage.
#include "modules/partners/mailings_repo.hpp"

#include "io/attachment.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::partners::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

// Templates without their images (read on their own when a letter is made).
const RowMap<LetterTemplate> kTemplates("FROM letter_templates t JOIN units u ON u.id = t.unit_id", "t",
                                        {{"unit_path", "u.path"},
                                         {"signature_png", "CASE WHEN t.signature_png = '' THEN '' ELSE 'x' END"},
                                         {"letterhead_png", "CASE WHEN t.letterhead_png = '' THEN '' ELSE 'x' END"}});

const RowMap<Mailing> kMailings(
    "FROM mailings m JOIN units u ON u.id = m.unit_id JOIN letter_templates t ON t.id = m.template_id", "m",
    {{"template_name", "t.name"},
     {"unit_path", "u.path"},
     {"total", "(SELECT COUNT(*) FROM mailing_recipients r WHERE r.mailing_id = m.id)"},
     {"pending",
      "(SELECT COUNT(*) FROM mailing_recipients r WHERE r.mailing_id = m.id AND r.status IN ('pending', 'working'))"},
     {"sent", "(SELECT COUNT(*) FROM mailing_recipients r WHERE r.mailing_id = m.id AND r.status = 'sent')"},
     {"no_email", "(SELECT COUNT(*) FROM mailing_recipients r WHERE r.mailing_id = m.id AND r.status = 'no_email')"},
     {"failed", "(SELECT COUNT(*) FROM mailing_recipients r WHERE r.mailing_id = m.id AND r.status = 'failed')"},
     {"delivered",
      "(SELECT COUNT(*) FROM mailing_recipients r JOIN notifications n ON n.id = r.notification_id WHERE "
      "r.mailing_id = m.id AND n.status = 'sent')"},
     {"undeliverable",
      "(SELECT COUNT(*) FROM mailing_recipients r JOIN notifications n ON n.id = r.notification_id WHERE "
      "r.mailing_id = m.id AND n.status IN ('failed', 'unknown'))"}});

// A recipient is a partner's contact or one of our people: for a person, partner_* names
// their unit and contact_* the person.
const RowMap<MailingRecipient> kRecipients(
    "FROM mailing_recipients r LEFT JOIN partners p ON p.id = r.partner_id LEFT JOIN partner_contacts k ON k.id = "
    "r.contact_id LEFT JOIN people pe ON pe.id = r.person_id LEFT JOIN units pu ON pu.id = pe.unit_id "
    "LEFT JOIN notifications n ON n.id = r.notification_id",
    "r",
    {{"partner_id", "COALESCE(r.partner_id, 0)"},
     {"contact_id", "COALESCE(r.contact_id, 0)"},
     {"partner_name_zh", "COALESCE(p.name_zh, pu.name_zh, '')"},
     {"partner_name_en", "COALESCE(p.name_en, pu.name_en, '')"},
     {"partner_country", "COALESCE(p.country, pe.nationality, '')"},
     {"contact_name", "COALESCE(k.name, CASE WHEN pe.name_latin <> '' THEN pe.name_latin ELSE pe.name_zh END, '')"},
     {"contact_email", "COALESCE(k.email, pe.email, '')"},
     {"email_status", "COALESCE(n.status, '')"}});

const RowMap<PersonRecipient> kPeople("FROM people pe JOIN units u ON u.id = pe.unit_id", "pe",
                                      {{"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}});

void BindTemplate(Query& q, const LetterTemplate& t) {
  q.Bind("unit", t.unit_id).Bind("name", t.name).Bind("sz", t.subject_zh).Bind("bz", t.body_zh);
  q.Bind("se", t.subject_en).Bind("be", t.body_en).Bind("tl", t.third_lang).Bind("st", t.subject_third);
  q.Bind("bt", t.body_third).Bind("lz", t.letterhead_zh).Bind("le", t.letterhead_en);
  q.Bind("snz", t.signer_name_zh).Bind("sne", t.signer_name_en).Bind("stz", t.signer_title_zh);
  q.Bind("ste", t.signer_title_en).Bind("act", std::int64_t{t.active ? 1 : 0}).Bind("up", t.updated_at);
}

}  // namespace

std::vector<LetterTemplate> ListTemplates(soci::session& sql, const core::Principal& who, bool active_only) {
  Query q(kTemplates.Select() + " WHERE 1 = 1");
  storage::AppendUnitScope(q, who, "t.unit_id");
  if (active_only) q.Append(" AND t.active = 1");
  q.Append(" ORDER BY t.name, t.id");
  return kTemplates.All(sql, q);
}

std::optional<LetterTemplate> FindTemplate(soci::session& sql, std::int64_t id) {
  Query q(kTemplates.Select() + " WHERE t.id = :id");
  q.Bind("id", id);
  auto t = kTemplates.One(sql, q);
  if (!t) return t;
  Query images("SELECT signature_png, letterhead_png FROM letter_templates WHERE id = :id");
  images.Bind("id", id);
  soci::rowset<soci::row> rs = images.Rows(sql);
  for (const auto& r : rs) {
    t->signature_png = io::FromBase64(r.get<std::string>(0));
    t->letterhead_png = io::FromBase64(r.get<std::string>(1));
  }
  return t;
}

std::int64_t InsertTemplate(soci::session& sql, const LetterTemplate& t) {
  Query q("INSERT INTO letter_templates (unit_id, name, subject_zh, body_zh, subject_en, body_en, third_lang, "
          "subject_third, body_third, letterhead_zh, letterhead_en, signer_name_zh, signer_name_en, signer_title_zh, "
          "signer_title_en, active, created_by, created_at, updated_at) VALUES (:unit, :name, :sz, :bz, :se, :be, "
          ":tl, :st, :bt, :lz, :le, :snz, :sne, :stz, :ste, :act, NULLIF(:cb, 0), :ca, :up) RETURNING id");
  BindTemplate(q, t);
  q.Bind("cb", t.created_by.value_or(0)).Bind("ca", t.created_at);
  return q.Scalar(sql);
}

void UpdateTemplate(soci::session& sql, const LetterTemplate& t) {
  Query q("UPDATE letter_templates SET unit_id = :unit, name = :name, subject_zh = :sz, body_zh = :bz, subject_en = "
          ":se, body_en = :be, third_lang = :tl, subject_third = :st, body_third = :bt, letterhead_zh = :lz, "
          "letterhead_en = :le, signer_name_zh = :snz, signer_name_en = :sne, signer_title_zh = :stz, "
          "signer_title_en = :ste, active = :act, updated_at = :up WHERE id = :id");
  BindTemplate(q, t);
  q.Bind("id", t.id).Exec(sql);
}

void SetTemplateImage(soci::session& sql, std::int64_t id, const std::string& which, const std::string& png,
                      const std::string& now) {
  const std::string column = which == "signature" ? "signature_png" : "letterhead_png";
  Query q("UPDATE letter_templates SET " + column + " = :d, updated_at = :n WHERE id = :id");
  q.Bind("d", png.empty() ? std::string() : io::ToBase64(png)).Bind("n", now).Bind("id", id).Exec(sql);
}

core::Page<Mailing> ListMailings(soci::session& sql, const core::Principal& who, const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  storage::AppendUnitScope(where, who, "m.unit_id");
  return kMailings.Page(sql, where, " ORDER BY m.id DESC", page, "FROM mailings m");
}

std::optional<Mailing> FindMailing(soci::session& sql, std::int64_t id) {
  Query q(kMailings.Select() + " WHERE m.id = :id");
  q.Bind("id", id);
  return kMailings.One(sql, q);
}

std::int64_t InsertMailing(soci::session& sql, const Mailing& m) {
  Query q("INSERT INTO mailings (unit_id, template_id, audience, title, dated_on, filter, status, created_by, "
          "created_at) VALUES (:u, :t, :a, :ti, :d, :f, 'draft', NULLIF(:cb, 0), :ca) RETURNING id");
  q.Bind("a", m.audience);
  q.Bind("u", m.unit_id).Bind("t", m.template_id).Bind("ti", m.title).Bind("d", m.dated_on).Bind("f", m.filter);
  q.Bind("cb", m.created_by.value_or(0)).Bind("ca", m.created_at);
  return q.Scalar(sql);
}

bool StartMailing(soci::session& sql, std::int64_t id, const std::string& now) {
  Query q("UPDATE mailings SET status = 'sending', started_at = :n WHERE id = :id AND status = 'draft'");
  return q.Bind("n", now).Bind("id", id).Exec(sql) > 0;
}

void FinishMailings(soci::session& sql, const std::string& now) {
  Query q("UPDATE mailings SET status = 'done', finished_at = :n WHERE status = 'sending' AND NOT EXISTS (SELECT 1 "
          "FROM mailing_recipients r WHERE r.mailing_id = mailings.id AND r.status IN ('pending', 'working'))");
  q.Bind("n", now).Exec(sql);
}

bool InsertRecipient(soci::session& sql, const MailingRecipient& r) {
  if (r.person_id) {
    Query q("INSERT INTO mailing_recipients (mailing_id, person_id, lang, status) VALUES (:m, :pe, :l, 'pending') "
            "ON CONFLICT (mailing_id, person_id) DO NOTHING");
    q.Bind("m", r.mailing_id).Bind("pe", *r.person_id).Bind("l", r.lang);
    return q.Exec(sql) > 0;
  }
  Query q("INSERT INTO mailing_recipients (mailing_id, partner_id, contact_id, lang, status) VALUES (:m, :p, :c, :l, "
          "'pending') ON CONFLICT (mailing_id, contact_id) DO NOTHING");
  q.Bind("m", r.mailing_id).Bind("p", r.partner_id).Bind("c", r.contact_id).Bind("l", r.lang);
  return q.Exec(sql) > 0;
}

std::vector<PersonRecipient> PeopleFor(soci::session& sql, const core::Principal& who, const PeopleFilter& f) {
  Query q(kPeople.Select() + " WHERE pe.status = 'active'");
  storage::AppendUnitScope(q, who, "pe.unit_id");
  if (f.unit_id) {
    Query path("SELECT path FROM units WHERE id = :id");
    path.Bind("id", *f.unit_id);
    soci::rowset<soci::row> rs = path.Rows(sql);
    for (const auto& r : rs) storage::AppendUnitSubtree(q, "pe.unit_id", GetStr(r, 0));
  }
  auto any_of = [&](const char* column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string in;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::string name = std::string(column) + std::to_string(i);
      in += (i ? ", :" : ":") + name;
      q.Bind(name, values[i]);
    }
    q.Append(" AND pe." + std::string(column) + " IN (" + in + ")");
  };
  any_of("category", f.categories);
  any_of("nationality", f.nationalities);
  q.Append(" ORDER BY pe.sort_name, pe.id");
  return kPeople.All(sql, q);
}

std::optional<PersonRecipient> FindPersonRecipient(soci::session& sql, std::int64_t person_id) {
  Query q(kPeople.Select() + " WHERE pe.id = :id");
  q.Bind("id", person_id);
  return kPeople.One(sql, q);
}

core::Page<MailingRecipient> ListRecipients(soci::session& sql, std::int64_t mailing_id, const RecipientFilter& f,
                                            const core::PageRequest& page) {
  Query where(" WHERE r.mailing_id = :m");
  where.Bind("m", mailing_id);
  if (f.status == "undeliverable") {
    where.Append(" AND n.status IN ('failed', 'unknown')");
  } else if (!f.status.empty()) {
    where.Where("r.status = ?", f.status);
  }
  return kRecipients.Page(sql, where,
                          " ORDER BY COALESCE(p.country, ''), COALESCE(p.name_en, pu.name_en, ''), pe.sort_name, r.id",
                          page, kRecipients.From());
}

std::optional<MailingRecipient> FindRecipient(soci::session& sql, std::int64_t mailing_id, std::int64_t id) {
  Query q(kRecipients.Select() + " WHERE r.mailing_id = :m AND r.id = :id");
  q.Bind("m", mailing_id).Bind("id", id);
  return kRecipients.One(sql, q);
}

std::vector<MailingRecipient> ClaimRecipients(soci::session& sql, const std::string& now, int limit) {
  Query due("SELECT r.id FROM mailing_recipients r JOIN mailings m ON m.id = r.mailing_id WHERE r.status = "
            "'pending' AND m.status = 'sending' ORDER BY r.mailing_id, r.id LIMIT " +
            std::to_string(limit));
  std::vector<std::int64_t> ids;
  {
    soci::rowset<soci::row> rs = due.Rows(sql);
    for (const auto& r : rs) ids.push_back(GetInt(r, 0));
  }
  std::vector<MailingRecipient> out;
  for (auto id : ids) {
    // The status condition makes the claim exclusive: a racing worker updates nothing.
    Query claim("UPDATE mailing_recipients SET status = 'working', claimed_at = :n WHERE id = :id AND status = "
                "'pending'");
    if (claim.Bind("n", now).Bind("id", id).Exec(sql) == 0) continue;
    Query q(kRecipients.Select() + " WHERE r.id = :id");
    q.Bind("id", id);
    if (auto r = kRecipients.One(sql, q)) out.push_back(std::move(*r));
  }
  return out;
}

int ReleaseStale(soci::session& sql, const std::string& cutoff) {
  Query q("UPDATE mailing_recipients SET status = 'pending' WHERE status = 'working' AND claimed_at < :c");
  return static_cast<int>(q.Bind("c", cutoff).Exec(sql));
}

void FinishRecipient(soci::session& sql, const MailingRecipient& r) {
  Query q("UPDATE mailing_recipients SET status = :s, error = :e, letter_id = NULLIF(:l, 0), notification_id = "
          "NULLIF(:n, 0), done_at = :d WHERE id = :id");
  q.Bind("s", r.status).Bind("e", r.error).Bind("l", r.letter_id.value_or(0)).Bind("n", r.notification_id.value_or(0));
  q.Bind("d", r.done_at).Bind("id", r.id).Exec(sql);
}

RetryCounts RetryFailed(soci::session& sql, std::int64_t mailing_id, const std::string& now) {
  RetryCounts out;
  Query emails("UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = :n, last_error = '' "
               "WHERE status = 'failed' AND id IN (SELECT notification_id FROM mailing_recipients "
               "WHERE mailing_id = :m AND notification_id IS NOT NULL)");
  out.emails = emails.Bind("n", now).Bind("m", mailing_id).Exec(sql);
  Query q("UPDATE mailing_recipients SET status = 'pending', error = '' WHERE mailing_id = :m AND status IN "
          "('failed', 'no_email')");
  out.recipients = q.Bind("m", mailing_id).Exec(sql);
  if (out.recipients > 0) {
    Query m("UPDATE mailings SET status = 'sending', finished_at = '' WHERE id = :m AND status = 'done'");
    m.Bind("m", mailing_id).Exec(sql);
  }
  return out;
}

}  // namespace tongxin::partners::repo
