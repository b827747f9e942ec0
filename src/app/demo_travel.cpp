// Demo trips.
#include "app/demo_travel.hpp"

#include "core/currencies.hpp"
#include "core/local_time.hpp"
#include "modules/travel/entry_rules_service.hpp"
#include "modules/travel/trips_service.hpp"

namespace tongxin::app {
namespace {

core::Result<std::int64_t> PersonNamed(App& app, const core::Principal& system, const std::string& q) {
  people::PersonFilter f;
  f.q = q;
  TX_TRY(found, app.people().ListPeople(system, f, 0, core::PageRequest{}));
  if (found->items.empty()) return core::Internal("demo travel: no person " + q);
  return found->items.front().person.id;
}

struct DemoTrip {
  const char* person;
  const char* kind;
  const char* purpose;
  std::vector<std::string> countries;
  const char* cities;
  int depart, ret;  // days from today
  const char* approval;
  const char* contact;
  std::vector<travel::LegInput> legs;
};

}  // namespace

core::Status LoadEntryRules(App& app, const core::Principal& system, const auth::Actor& actor) {
  auto& rules = app.entry_rules();
  const std::string today = app.health().Today();
  const auto day = [&](int n) { return core::AddDays(today, n); };
  struct DemoRule {
    const char* country;
    const char* measure;
    int from, to;  // days from today; to 0 = until further notice
    std::int64_t days;
    const char *place, *zh, *en, *authority, *ref, *url;
  };
  const DemoRule demo[] = {
      {"US", "entry_ban", -68, 0, 0, "",
       "入境前14天内到过中国大陆的外国公民暂停入境美国；美国公民及永久居民入境后接受14天健康监测。",
       "Foreign nationals who were in mainland China in the 14 days before arrival are barred from entry; US "
       "citizens and permanent residents are monitored for 14 days.",
       "The White House", "Proclamation 9984", "https://www.federalregister.gov/d/2020-02424"},
      {"IT", "flight_restriction", -70, 0, 0, "", "意大利暂停所有往返中国的直航航班。",
       "Italy suspends all direct flights to and from China.", "Ministero della Salute", "Ordinanza 30/01/2020",
       "https://www.salute.gov.it/"},
      {"JP", "entry_ban", -66, 0, 0, "", "入境前14天内到过湖北省的外国公民拒绝入境。",
       "Foreign nationals who stayed in Hubei Province within 14 days before arrival are denied entry.",
       "Ministry of Foreign Affairs of Japan", "", "https://www.mofa.go.jp/"},
      {"GB", "quarantine", 60, 0, 14, "自选住址 / an address of the traveller's choosing",
       "所有入境旅客须填写旅客定位表，并自我隔离14天。",
       "All arrivals fill in a passenger locator form and self-isolate for 14 days.", "UK Home Office", "",
       "https://www.gov.uk/uk-border-control"},
  };
  for (const auto& d : demo) {
    travel::EntryRuleInput in;
    in.country = d.country;
    in.measure = d.measure;
    in.effective_from = day(d.from);
    if (d.to != 0) in.effective_to = day(d.to);
    if (d.days > 0) in.quarantine_days = d.days;
    in.quarantine_place = d.place;
    in.summary_zh = d.zh;
    in.summary_en = d.en;
    in.source_authority = d.authority;
    in.source_ref = d.ref;
    in.source_url = d.url;
    TX_CHECK(rules.Create(system, in, actor));
  }
  // South Korea: quarantine for arrivals from Europe, then for every arrival — two versions.
  travel::EntryRuleInput kr;
  kr.country = "KR";
  kr.measure = "quarantine";
  kr.effective_from = day(-17);
  kr.quarantine_days = 14;
  kr.quarantine_place = "居家或政府指定设施 / at home or a government facility";
  kr.summary_zh = "自欧洲入境的旅客隔离14天。";
  kr.summary_en = "Arrivals from Europe are quarantined for 14 days.";
  kr.source_authority = "Korea Disease Control and Prevention Agency";
  kr.source_url = "https://www.kdca.go.kr/";
  TX_TRY(made, rules.Create(system, kr, actor));
  travel::EntryRuleInput all;
  all.effective_from = day(-8);
  all.summary_zh = "所有入境旅客（含韩国公民）隔离14天。";
  all.summary_en = "All arrivals, Korean nationals included, are quarantined for 14 days.";
  TX_CHECK(rules.Update(system, made->rule.id, all, actor));
  return {};
}

core::Status LoadTravel(App& app, const core::Principal& system, const auth::Actor& actor) {
  auto& trips = app.trips();
  const std::string today = app.health().Today();
  const auto day = [&](int n) { return core::AddDays(today, n); };
  const auto at = [&](int n, const char* hhmm) { return day(n) + "T" + hhmm; };
  const DemoTrip demo[] = {
      {"Oliver Bennett", "private", "春节探亲 / Home for the Spring Festival", {"GB"}, "Manchester", -40, -10, "", 
       "+44 7700 900123 (mobile, WhatsApp)",
       {{"CZ3021", "武汉 Wuhan", "伦敦 London", at(-40, "01:30"), at(-40, "06:40")}}},
      {"Li Na", "official", "赴意大利合作院校商谈联合培养项目 / Joint programme talks with a partner university in Italy",
       {"IT"}, "Milano, Torino", -30, -12, "鄂外办〔2020〕018号", "Politecnico di Torino, International Office",
       {{"CA939", "北京 Beijing", "米兰 Milan", at(-30, "02:20"), at(-30, "07:10")},
        {"CA950", "米兰 Milan", "北京 Beijing", at(-12, "13:00"), at(-11, "06:00")}}},
      {"Sophie Martin", "official", "国际会议报告 / Paper at an international conference", {"FR"}, "Lyon", -5, 9, "",
       "", {{"AF139", "上海 Shanghai", "巴黎 Paris", at(-5, "11:35"), at(-5, "18:25")}}},
      {"Zhang Wei", "official", "访问威尔士合作大学，转交抗疫物资捐赠感谢信 / Visit to the Welsh partner", {"GB"},
       "Cardiff", 20, 27, "鄂外办〔2020〕031号", "Cardiff University, International Office", {}},
      {"Emily Carter", "private", "家庭事务 / Family matters", {"US"}, "Boston", -60, -45, "", "", {}},
  };
  std::vector<std::int64_t> made;
  for (const auto& d : demo) {
    TX_TRY(person, PersonNamed(app, system, d.person));
    travel::TripInput in;
    in.person_id = *person;
    in.kind = d.kind;
    in.purpose = d.purpose;
    in.countries = d.countries;
    in.cities = d.cities;
    in.depart_on = day(d.depart);
    in.return_on = day(d.ret);
    in.approval_ref = d.approval;
    in.contact_abroad = d.contact;
    in.legs = d.legs;
    TX_TRY(t, trips.Create(system, in, actor));
    made.push_back(t->id);
  }
  const auto move = [&](std::int64_t id, const char* status, int on, std::optional<std::string> reason,
                        std::optional<std::string> location, std::optional<std::string> country,
                        std::optional<std::string> note, std::optional<int> planned_return = {}) -> core::Status {
    travel::StatusInput s;
    s.status = status;
    s.date = day(on);
    if (planned_return) s.return_on = day(*planned_return);
    s.reason = std::move(reason);
    s.location = std::move(location);
    s.location_country = std::move(country);
    s.note = std::move(note);
    TX_CHECK(trips.Move(system, id, s, actor));
    return {};
  };
  const auto assist = [&](std::int64_t id, const char* party, const char* note, const char* cost,
                          const char* currency) -> core::Status {
    travel::AssistInput a;
    a.party = party;
    a.note = note;
    a.currency = currency;
    if (*cost) a.cost_minor = core::ParseMinor(cost, 2).value_or(0);
    TX_CHECK(trips.Assist(system, id, a, actor));
    return {};
  };
  // Oliver Bennett: abroad, then stranded by the entry suspension; his needs; help given.
  TX_CHECK(move(made[0], "abroad", -40, std::nullopt, "Manchester", "GB", std::nullopt));
  TX_CHECK(move(made[0], "stranded", -12, "entry_ban", "Manchester", "GB",
                "自3月28日起暂停持有效签证、居留许可的外国人入境。Entry of foreign nationals with valid visas and "
                "residence permits suspended from 28 March.",
                10));  // a new planned return: the first flight once entry reopens
  travel::PositionInput pos;
  pos.location = "Manchester";
  pos.location_country = "GB";
  pos.needs = std::vector<std::string>{"visa_extension", "tickets"};
  pos.needs_note = "Residence permit expires next month; a seat on the first flight once entry reopens.";
  TX_CHECK(trips.ReportPosition(system, made[0], pos, actor));
  TX_CHECK(assist(made[0], "office", "与人事处确认工作安排，远程授课至可返校。Remote teaching agreed with HR until he can return.",
                  "", ""));
  TX_CHECK(assist(made[0], "embassy", "British Embassy Beijing: registered for updates on entry for residence permit holders.",
                  "", ""));
  // Li Na: abroad, then stranded when the flights home were cancelled.
  TX_CHECK(move(made[1], "abroad", -30, std::nullopt, "Milano", "IT", std::nullopt));
  TX_CHECK(move(made[1], "stranded", -12, "flights_cancelled", "Torino", "IT",
                "CA950 取消，意大利境内航班停飞。CA950 cancelled; flights out of Italy suspended.",
                4));  // a seat on the embassy's temporary flight
  travel::PositionInput li;
  li.location = "Torino";
  li.location_country = "IT";
  li.needs = std::vector<std::string>{"tickets", "medicine"};
  li.needs_note = "口罩不足，需要返程机票。Short of masks; a ticket home.";
  TX_CHECK(trips.ReportPosition(system, made[1], li, actor));
  TX_CHECK(assist(made[1], "embassy", "中国驻意大利使馆登记临时航班需求。Embassy of China in Italy registered her for a "
                                      "temporary flight.", "", ""));
  TX_CHECK(assist(made[1], "office", "寄送口罩 50 只、连花清瘟一盒。Sent 50 masks and medicine by courier.", "380.00",
                  "CNY"));
  // Sophie Martin: at her conference; Emily Carter: home.
  TX_CHECK(move(made[2], "abroad", -5, std::nullopt, "Lyon", "FR", std::nullopt));
  TX_CHECK(move(made[4], "abroad", -60, std::nullopt, std::nullopt, std::nullopt, std::nullopt));
  TX_CHECK(move(made[4], "home", -45, std::nullopt, std::nullopt, std::nullopt, std::nullopt));
  return {};
}

}  // namespace tongxin::app
