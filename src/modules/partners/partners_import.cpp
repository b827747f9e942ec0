// Partners import: header mapping, value normalisation, grouping rows into partners,
// validation against what exists, pending storage, confirm.
#include "modules/partners/partners_import.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "auth/crypto.hpp"
#include "auth/guard.hpp"
#include "core/text.hpp"

namespace tongxin::partners {
namespace {

constexpr const char* kKind = "partners";  // the imports table's kind

const std::vector<io::imports::HeaderAlias>& Aliases() {
  static const std::vector<io::imports::HeaderAlias> kAliases = {
      {"name_zh", {"name_zh", "中文名称", "中文名", "名称（中文）", "chinesename"}},
      {"name_en", {"name_en", "英文名称", "英文名", "外文名称", "englishname", "name"}},
      {"kind", {"kind", "类型", "机构类型", "type"}},
      {"country", {"country", "国家", "国家或地区", "国家/地区", "countrycode"}},
      {"city", {"city", "城市"}},
      {"languages", {"languages", "信函语言", "语言", "letterlanguages"}},
      {"tags", {"tags", "标签", "协议类型"}},
      {"website", {"website", "网站", "网址"}},
      {"address", {"address", "地址"}},
      {"note", {"note", "notes", "备注"}},
      {"unit", {"unit", "单位", "负责单位", "keptby"}},
      {"contact.name", {"contact", "contactname", "联系人", "联系人姓名"}},
      {"contact.title", {"title", "职务", "职位"}},
      {"contact.honorific", {"honorific", "称谓", "尊称"}},
      {"contact.email", {"email", "邮箱", "电子邮箱", "e-mail"}},
      {"contact.phone", {"phone", "电话", "联系电话"}},
      {"contact.language", {"contactlanguage", "联系人语言"}},
  };
  return kAliases;
}

std::string Kind(const std::string& raw) {
  static const std::map<std::string, std::string> kKinds = {
      {"高校", "university"},     {"大学", "university"},    {"学院", "university"},  {"使馆", "embassy"},
      {"大使馆", "embassy"},      {"领事馆", "consulate"},   {"总领事馆", "consulate"}, {"医院", "hospital"},
      {"企业", "company"},        {"公司", "company"},       {"基金会", "foundation"}, {"非政府组织", "ngo"},
      {"政府机构", "government"}, {"政府", "government"},    {"其他", "other"}};
  if (auto it = kKinds.find(raw); it != kKinds.end()) return it->second;
  return core::ToLowerAscii(raw);
}

// "en, cy" / "en；cy" / "en/cy" -> ["en", "cy"].
boost::json::array SplitList(const std::string& raw, bool lower) {
  boost::json::array out;
  std::string cur;
  auto flush = [&] {
    std::string v = core::Trim(cur);
    if (lower) v = core::ToLowerAscii(v);
    if (!v.empty()) out.push_back(boost::json::string(v));
    cur.clear();
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == ',' || c == ';' || c == '/' || c == '|') {
      flush();
    } else if (raw.compare(i, 3, "，") == 0 || raw.compare(i, 3, "；") == 0 || raw.compare(i, 3, "、") == 0) {
      flush();
      i += 2;
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

std::string Str(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

std::string PartnerKey(const boost::json::object& p) {
  const std::string en = core::ToLowerAscii(Str(p, "name_en"));
  return en.empty() ? Str(p, "name_zh") : "en:" + en;
}

// A contact's identity within its partner: its email, else its name (lower-cased).
std::string ContactKey(const std::string& name, const std::string& email) {
  return email.empty() ? "n:" + core::ToLowerAscii(name) : "e:" + core::ToLowerAscii(email);
}

void AddFieldErrors(io::imports::Preview& pv, int row, const core::Error& e, const std::string& prefix) {
  if (e.fields.empty()) {
    pv.issues.push_back({row, prefix.empty() ? "name_en" : prefix + "name", e.reason, e.details});
    return;
  }
  for (const auto& f : e.fields) pv.issues.push_back({row, prefix + f.field, f.reason, f.args});
}

}  // namespace

std::string PartnerFieldForHeader(std::string_view header) {
  return io::imports::FieldForHeader(header, Aliases());
}

core::Result<io::imports::Preview> PartnersImporter::Preview(const core::Principal& who, std::string_view bytes,
                                                             const std::string& filename, std::int64_t unit_id,
                                                             const auth::Actor& actor) {
  TX_TRY(table, io::imports::ReadUpload(bytes));
  const io::Table& t = *table;
  std::vector<std::string> fields;
  bool has_name = false;
  for (const auto& h : t.front()) {
    fields.push_back(PartnerFieldForHeader(h));
    has_name = has_name || fields.back() == "name_zh" || fields.back() == "name_en";
  }
  if (!has_name) {
    return core::MakeError(core::Errc::kInvalid, "imports.missing_column", {{"column", "name_zh / name_en"}});
  }
  return partners_.db().InTransaction([&](soci::session& sql) -> core::Result<io::imports::Preview> {
    if (unit_id > 0) TX_CHECK(auth::guard::Unit(sql, who, unit_id, "unit_id"));
    const auto units = repo::UnitsByName(sql, who);
    io::imports::Preview pv;
    struct Group {
      int first_row = 0;
      bool valid = true;
      std::optional<std::int64_t> existing;
      std::map<std::string, int> contacts;  // ContactKey -> row (in the file)
      std::set<std::string> known;          // ContactKey of the existing partner's contacts
    };
    std::map<std::string, Group> groups;
    std::int64_t new_partners = 0, existing_partners = 0, new_contacts = 0, known_contacts = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
      const io::Row& row = t[i];
      const int rownum = static_cast<int>(i) + 1;
      if (io::imports::BlankRow(row)) continue;
      ++pv.total;
      const std::size_t issues_before = pv.issues.size();
      boost::json::object partner, contact;
      std::string unit_text;
      for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
        const std::string value = core::Trim(row[c]);
        const std::string& f = fields[c];
        if (f.empty() || value.empty()) continue;
        if (f == "unit") {
          unit_text = value;
        } else if (f.rfind("contact.", 0) == 0) {
          const std::string member = f.substr(8);
          contact[member] = member == "language" ? core::ToLowerAscii(value) : value;
        } else if (f == "kind") {
          partner[f] = Kind(value);
        } else if (f == "country") {
          partner[f] = core::ToUpperAscii(value);
        } else if (f == "languages" || f == "tags") {
          partner[f] = SplitList(value, f == "languages");
        } else {
          partner[f] = value;
        }
      }
      if (!unit_text.empty()) {
        auto u = units.find(core::ToLowerAscii(unit_text));
        if (u == units.end()) {
          pv.issues.push_back({rownum, "unit", "imports.unknown_unit", {{"unit", unit_text}}});
        } else {
          partner["unit_id"] = u->second;
        }
      } else if (unit_id > 0) {
        partner["unit_id"] = unit_id;
      } else {
        pv.issues.push_back({rownum, "unit", "validation.required", {}});
      }
      const std::string key = PartnerKey(partner);
      if (key.empty()) {
        pv.issues.push_back({rownum, "name_zh", "partners.name_required", {}});
        continue;
      }
      boost::json::object out{{"key", key}};
      auto [it, first] = groups.try_emplace(key);
      Group& g = it->second;
      if (first) {
        g.first_row = rownum;
        if (!partner.contains("unit_id")) partner["unit_id"] = 1;  // placeholder so the rest is checked
        g.existing = repo::FindPartnerByName(sql, Str(partner, "name_zh"), Str(partner, "name_en"));
        // A new partner needs what the form needs; one that exists only gets contacts, so
        // what its row says is checked but not required.
        if (auto parsed = ParsePartnerInput(partner, !g.existing); !parsed) {
          AddFieldErrors(pv, rownum, parsed.error(), "");
        }
        if (g.existing) {
          if (auto w = partners_.Writable(sql, who, *g.existing); !w) {
            pv.issues.push_back({rownum, partner.contains("name_en") ? "name_en" : "name_zh", w.error().reason,
                                 w.error().details});
          } else {
            for (const auto& c : w->contacts) g.known.insert(ContactKey(c.name, c.email));
            out["existing_id"] = *g.existing;
          }
        }
        out["first"] = true;
        out["partner"] = partner;
      } else if (!g.valid) {
        pv.issues.push_back({rownum, "name_en", "partners.import_partner_invalid", {{"row", std::to_string(g.first_row)}}});
      }
      if (!contact.empty()) {
        if (auto parsed = ParseContactInput(contact, true); !parsed) AddFieldErrors(pv, rownum, parsed.error(), "contact.");
        const std::string ck = ContactKey(Str(contact, "name"), Str(contact, "email"));
        if (auto prev = g.contacts.find(ck); prev != g.contacts.end()) {
          pv.issues.push_back({rownum, Str(contact, "email").empty() ? "contact.name" : "contact.email",
                               "partners.import_contact_repeats", {{"other_row", std::to_string(prev->second)}}});
        } else {
          g.contacts[ck] = rownum;
        }
        out["contact"] = contact;
        if (g.known.count(ck)) out["contact_exists"] = true;
      }
      if (pv.issues.size() != issues_before) {
        if (first) g.valid = false;
        continue;
      }
      ++pv.valid;
      if (first) ++(g.existing ? existing_partners : new_partners);
      if (!contact.empty()) ++(out.contains("contact_exists") ? known_contacts : new_contacts);
      pv.rows.push_back(std::move(out));
      pv.row_numbers.push_back(rownum);
    }
    if (pv.total == 0) return core::MakeError(core::Errc::kInvalid, "imports.no_rows");
    std::stable_sort(pv.issues.begin(), pv.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
    pv.summary = {{"new_partners", new_partners},
                  {"existing_partners", existing_partners},
                  {"new_contacts", new_contacts},
                  {"existing_contacts", known_contacts}};
    pv.id = auth::RandomHex(12);
    pv.filename = filename.substr(0, 200);
    const std::string now = partners_.Now();
    io::imports::Save(sql, pv, who.user_id, kKind, now);
    boost::json::object detail{{"filename", pv.filename}, {"total", pv.total}, {"valid", pv.valid}};
    detail["kind"] = kKind;
    auth::RecordAudit(sql, actor, now, "import_preview", "import", pv.id, "", boost::json::serialize(detail));
    return pv;
  });
}

core::Result<io::imports::Preview> PartnersImporter::Get(const core::Principal& who, const std::string& id) {
  return partners_.db().WithSession([&](soci::session& sql) { return io::imports::Load(sql, id, who.user_id, kKind); });
}

core::Result<ImportResult> PartnersImporter::Confirm(const core::Principal& who, const std::string& id,
                                                     const auth::Actor& actor) {
  TX_TRY(pv, Get(who, id));
  TX_CHECK(io::imports::Confirmable(*pv));
  return partners_.db().InTransaction([&](soci::session& sql) -> core::Result<ImportResult> {
    // Claim the import first so two confirmations cannot both write.
    if (!io::imports::Claim(sql, id)) return core::Conflict("imports.already_done");
    ImportResult done;
    std::map<std::string, std::int64_t> ids;  // partner key -> id
    auto at_row = [&](core::Error e, int row) {
      e.details["row"] = std::to_string(row);
      return e;
    };
    for (std::size_t i = 0; i < pv->rows.size(); ++i) {
      const auto& o = pv->rows[i];
      const int row = pv->row_numbers[i];
      const std::string key = Str(o, "key");
      if (o.contains("first")) {
        if (auto e = o.find("existing_id"); e != o.end()) {
          // Still in scope and not merged since the preview.
          auto w = partners_.Writable(sql, who, e->value().as_int64());
          if (!w) return at_row(w.error(), row);
          ids[key] = w->id;
        } else {
          auto in = ParsePartnerInput(o.at("partner").as_object(), true);
          if (!in) return at_row(in.error(), row);
          auto p = partners_.CreateOn(sql, who, *in, actor);
          if (!p) return at_row(p.error(), row);
          ids[key] = p->id;
          ++done.partners_created;
        }
      }
      auto c = o.find("contact");
      if (c == o.end()) continue;
      if (o.contains("contact_exists")) {
        ++done.contacts_skipped;
        continue;
      }
      auto in = ParseContactInput(c->value().as_object(), true);
      if (!in) return at_row(in.error(), row);
      auto p = partners_.AddContactOn(sql, who, ids.at(key), *in, actor);
      if (!p) return at_row(p.error(), row);
      ++done.contacts_added;
    }
    boost::json::object detail{
        {"filename", pv->filename}, {"partners", done.partners_created}, {"contacts", done.contacts_added}};
    detail["kind"] = kKind;
    auth::RecordAudit(sql, actor, partners_.Now(), "import", "import", id, "", boost::json::serialize(detail));
    return done;
  });
}

}  // namespace tongxin::partners
