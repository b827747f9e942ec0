// A partner's history: JSON and the briefing PDF.
#include "modules/partners/partner_history.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "core/currencies.hpp"
#include "core/described_json.hpp"
#include "core/pick.hpp"
#include "io/pdf.hpp"

namespace tongxin::partners {
namespace {

struct Words {
  const char* zh;
  const char* en;
};
std::string W(core::Lang lang, Words w) { return lang == core::Lang::kZh ? w.zh : w.en; }

std::string Label(const std::string& code, core::Lang lang) {
  static const std::map<std::string, Words> kLabels = {
      {"email", {"电子邮件", "email"}},
      {"post", {"邮寄", "post"}},
      {"diplomatic_note", {"外交照会", "diplomatic note"}},
      {"in_person", {"当面递交", "in person"}},
      {"money", {"资金", "money"}},
      {"goods", {"物资", "goods"}},
      {"university", {"高校", "university"}},
      {"embassy", {"使馆", "embassy"}},
      {"consulate", {"领事馆", "consulate"}},
      {"hospital", {"医院", "hospital"}},
      {"company", {"企业", "company"}},
      {"foundation", {"基金会", "foundation"}},
      {"ngo", {"非政府组织", "NGO"}},
      {"government", {"政府机构", "government"}},
      {"other", {"其他", "other"}},
  };
  auto it = kLabels.find(code);
  return it == kLabels.end() ? code : W(lang, it->second);
}

std::string Money(const HistoryEntry& e) {
  const core::Currency* c = core::FindCurrency(e.currency);
  return e.currency + " " + core::FormatMinor(e.amount_minor, c ? c->digits : 2);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

// "来函 · 电子邮件" / "Letter in · email" and the like: what the entry is.
std::string What(const HistoryEntry& e, core::Lang lang) {
  const bool in = e.direction == "in";
  if (e.kind == "letter") {
    return W(lang, in ? Words{"来函", "Letter in"} : Words{"去函", "Letter out"}) + " · " + Label(e.channel, lang);
  }
  if (e.kind == "visit") return W(lang, in ? Words{"来访", "Visit received"} : Words{"出访", "Visit made"});
  return W(lang, in ? Words{"受赠", "Donation received"} : Words{"捐出", "Donation given"}) + " · " +
         Label(e.channel, lang);
}

}  // namespace

boost::json::object HistoryToJson(const PartnerHistory& h, core::Lang lang) {
  boost::json::array entries;
  entries.reserve(h.entries.size());
  for (const auto& e : h.entries) {
    boost::json::object o = core::DescribedToJson(e);
    if (e.kind == "donation" && !e.currency.empty()) o["amount"] = Money(e);
    o["label"] = What(e, lang);
    entries.push_back(std::move(o));
  }
  return {{"partner", PartnerToJson(h.partner, lang, true)},
          {"entries", std::move(entries)},
          {"letters_in", h.letters_in},
          {"letters_out", h.letters_out},
          {"visits", h.visits},
          {"donations", h.donations},
          {"truncated", h.truncated}};
}

std::string HistoryPdf(const PartnerHistory& h, core::Lang lang, const std::string& printed_at) {
  const Partner& p = h.partner;
  io::PdfWriter pdf;
  pdf.Title(W(lang, {"合作伙伴交往情况", "Partner briefing"}) + " · " + core::Pick(lang, p.name_zh, p.name_en));
  const std::string other = lang == core::Lang::kZh ? p.name_en : p.name_zh;
  if (!other.empty() && other != core::Pick(lang, p.name_zh, p.name_en)) pdf.Paragraph(other, true);
  pdf.Fields({
      {W(lang, {"类型", "Kind"}), Label(p.kind, lang)},
      {W(lang, {"国家/城市", "Country / city"}), p.country + (p.city.empty() ? "" : " · " + p.city)},
      {W(lang, {"协议与标签", "Agreements and tags"}), Join(p.tags, ", ")},
      {W(lang, {"信函语言", "Letter languages"}), Join(p.languages, ", ")},
      {W(lang, {"网站", "Website"}), p.website},
      {W(lang, {"往来", "Exchanges"}),
       std::to_string(h.letters_in) + W(lang, {" 封来函，", " letters in, "}) + std::to_string(h.letters_out) +
           W(lang, {" 封去函，", " letters out, "}) + std::to_string(h.visits) + W(lang, {" 次访问，", " visits, "}) +
           std::to_string(h.donations) + W(lang, {" 笔捐赠", " donations"})},
  });
  bool any_contact = false;
  for (const auto& c : p.contacts) {
    if (!c.active) continue;
    if (!any_contact) pdf.Heading(W(lang, {"联系人", "Contacts"}));
    any_contact = true;
    std::string line = (c.honorific.empty() ? "" : c.honorific + " ") + c.name;
    if (!c.title.empty()) line += " · " + c.title;
    std::string detail = c.email;
    if (!c.phone.empty()) detail += (detail.empty() ? "" : " · ") + c.phone;
    pdf.Item(c.is_primary ? "★" : "•", line, detail);
  }
  pdf.Heading(W(lang, {"交往记录", "History"}));
  if (h.entries.empty()) pdf.Paragraph(W(lang, {"尚无来往记录。", "Nothing recorded yet."}), true);
  for (const auto& e : h.entries) {
    std::string text = e.on + "  " + What(e, lang);
    if (!e.title.empty()) text += " — " + e.title;
    std::string detail;
    if (e.kind == "letter") {
      if (!e.who.empty()) detail = e.who;
      if (e.extra) detail += (detail.empty() ? "" : " · ") + W(lang, {"待回复", "awaiting an answer"});
    } else if (e.kind == "visit") {
      if (!e.channel.empty()) detail = e.channel;
      if (e.count) detail += (detail.empty() ? "" : " · ") + std::to_string(e.count) + W(lang, {" 位来宾", " visitors"});
      if (e.extra) {
        detail += (detail.empty() ? "" : " · ") + W(lang, {"看望 ", "visited "}) + std::to_string(e.extra) +
                  W(lang, {" 人", " people"});
      }
    } else {
      detail = core::Pick(lang, e.detail, e.who);
      if (!e.currency.empty() && e.amount_minor) detail += " · " + Money(e);
      if (e.count) detail += " · " + std::to_string(e.count) + W(lang, {" 项物资", " items"});
    }
    if (e.kind != "donation" && !e.detail.empty()) {
      // At most 240 bytes, not cut inside a UTF-8 sequence.
      std::size_t cut = std::min<std::size_t>(e.detail.size(), 240);
      while (cut > 0 && cut < e.detail.size() && (static_cast<unsigned char>(e.detail[cut]) & 0xC0) == 0x80) --cut;
      std::string summary = e.detail.substr(0, cut);
      if (summary.size() < e.detail.size()) summary += "…";
      detail += (detail.empty() ? "" : "\n") + summary;
    }
    pdf.Item("•", text, detail);
  }
  if (h.truncated) {
    pdf.Paragraph(W(lang, {"（每类仅列最近 300 条）", "(only the latest 300 of each kind are listed)"}), true);
  }
  pdf.Paragraph(W(lang, {"打印时间 ", "Printed "}) + printed_at + W(lang, {" · 同心", " · Tongxin"}), true);
  return pdf.Finish();
}

}  // namespace tongxin::partners
