// Demo data, modelled on the office in bulletin no. 56.
#include "app/demo_data.hpp"

#include <boost/json.hpp>
#include <map>

#include "app/demo_partners.hpp"
#include "app/demo_announcements.hpp"
#include "app/demo_community.hpp"
#include "app/demo_travel.hpp"
#include "auth/auth_repo.hpp"
#include "core/local_time.hpp"
#include "modules/supplies/supply.hpp"

namespace tongxin::app {
namespace {

struct DemoUnit {
  const char* code;
  const char* parent;
  const char* name_zh;
  const char* name_en;
  const char* kind;
};

struct DemoPerson {
  const char* name_zh;
  const char* name_latin;
  const char* gender;
  const char* birth;
  const char* country;
  const char* unit;
  const char* embassy;
};

// The bulletin's supplies: protective stock at the clinic, living supplies at logistics,
// the office cupboard, and HR's cupboard kept by the HR account; a donation of masks in
// boxes, the suits and disinfectant later given on to hospitals, a weekly living stock.
core::Status LoadSupplies(App& app, const core::Principal& system, const auth::Actor& actor,
                          const std::map<std::string, std::int64_t>& units) {
  auto& s = app.supplies();
  struct DemoItem {
    const char *code, *zh, *en, *category, *unit_zh, *unit_en;
    int decimals;
    bool batched;
    const char *pack_zh, *pack_en;
    double factor;
  };
  const DemoItem items[] = {
      {"KN95", "KN95 口罩", "KN95 mask", "mask_n95", "只", "piece", 0, true, "盒", "box", 50},
      {"MASK-SURG", "医用外科口罩", "Surgical mask", "mask_surgical", "只", "piece", 0, true, "盒", "box", 50},
      {"SUIT", "医用防护服", "Protective suit", "protective_suit", "套", "suit", 0, true, "箱", "carton", 20},
      {"GOGGLES", "护目镜", "Goggles", "goggles", "副", "pair", 0, false, "", "", 0},
      {"GLOVES", "一次性手套", "Disposable gloves", "gloves", "只", "piece", 0, false, "盒", "box", 100},
      {"DISINF", "84 消毒液", "Disinfectant (84)", "disinfectant", "升", "L", 1, true, "桶", "barrel", 25},
      {"SANITISER", "免洗洗手液", "Hand sanitiser", "hand_sanitiser", "瓶", "bottle", 0, true, "箱", "carton", 24},
      {"THERMO", "电子体温计", "Digital thermometer", "thermometer", "支", "piece", 0, false, "", "", 0},
      {"RICE", "大米", "Rice", "rice", "公斤", "kg", 1, false, "袋", "bag", 5},
      {"OIL", "食用油", "Cooking oil", "oil", "升", "L", 1, false, "瓶", "bottle", 1.8},
      {"EGGS", "鸡蛋", "Eggs", "eggs", "枚", "egg", 0, false, "托", "tray", 30},
      {"NOODLES", "挂面", "Noodles", "noodles", "包", "pack", 0, false, "", "", 0},
      {"VEG", "蔬菜包", "Vegetable box", "vegetables", "份", "box", 0, false, "", "", 0},
      {"TISSUE", "纸巾", "Tissues", "daily_necessities", "包", "pack", 0, false, "提", "bundle", 10},
  };
  std::map<std::string, supplies::Item> made;
  for (const auto& d : items) {
    supplies::ItemInput in;
    in.code = d.code;
    in.name_zh = d.zh;
    in.name_en = d.en;
    in.category = d.category;
    in.unit_zh = d.unit_zh;
    in.unit_en = d.unit_en;
    in.decimals = d.decimals;
    in.batched = d.batched;
    in.packs = std::vector<supplies::ItemInput::PackIn>{};
    if (d.factor > 0) in.packs->push_back({d.pack_zh, d.pack_en, d.factor});
    TX_TRY(item, s.CreateItem(in, actor));
    made[d.code] = *item;
  }
  TX_TRY(hr_user, app.db().WithSession([](soci::session& sql) -> core::Result<std::int64_t> {
    auto u = auth::repo::FindUserByName(sql, "hr");
    return u ? u->id : 0;
  }));
  auto store = [&](const char* unit, const char* zh, const char* en, const char* where,
                   std::vector<std::int64_t> keepers) -> core::Result<std::int64_t> {
    supplies::StoreInput in;
    in.unit_id = units.at(unit);
    in.name_zh = zh;
    in.name_en = en;
    in.location = where;
    in.keeper_ids = std::move(keepers);
    TX_TRY(st, s.CreateStore(system, in, actor));
    return st->id;
  };
  TX_TRY(clinic, store("CLINIC", "校医院防疫物资库", "Clinic protective store", "校医院一楼", {}));
  TX_TRY(logistics, store("LOGISTICS", "后勤集团生活物资仓库", "Logistics warehouse", "南湖校区后勤仓库", {}));
  TX_TRY(intl, store("INTL", "国际处物资柜", "International Office cupboard", "行政楼 305", {}));
  TX_TRY(hr, store("HR", "人事处物资柜", "HR cupboard", "行政楼 210", {*hr_user}));
  auto line = [&](const char* code, double qty, bool in_packs, const char* batch = "", const char* expiry = "") {
    supplies::LineInput l;
    l.item_id = made.at(code).id;
    l.quantity = qty;
    if (in_packs) l.pack_id = made.at(code).packs.front().id;
    l.batch = batch;
    l.expiry = expiry;
    return l;
  };
  auto post = [&](const char* kind, const char* source, std::int64_t at, std::vector<supplies::LineInput> lines,
                  const char* reference, const char* note, std::optional<std::int64_t> to = std::nullopt) -> core::Status {
    supplies::PostingInput in;
    in.kind = kind;
    in.source = source;
    in.store_id = at;
    in.to_store_id = to;
    in.lines = std::move(lines);
    in.reference = reference;
    in.note = note;
    TX_CHECK(s.Post(system, in, actor));
    return {};
  };
  // Donors and donations: an alumni company's protective goods received into the clinic
  // store, the partner university's 20,000 GBP, and the donations members coordinated for
  // the university clinic and Wuhan hospitals: 40,000+ masks, 1,100+ suits, 12 barrels.
  auto& dn = app.donations();
  const std::string today = s.Today();
  auto donor = [&](const char* unit, const char* kind, const char* zh, const char* en, const char* country,
                   const char* contact, const char* email) {
    supplies::DonorInput in;
    in.unit_id = units.at(unit);
    in.kind = kind;
    in.name_zh = zh;
    in.name_en = en;
    in.country = country;
    in.contact_name = contact;
    in.email = email;
    return dn.CreateDonor(system, in, actor);
  };
  TX_TRY(uwtsd, donor("INTL", "institution", "英国威尔士三一圣大卫大学", "University of Wales Trinity Saint David", "GB",
                      "Medwin Hughes", "vc@uwtsd.example"));
  TX_TRY(alumni, donor("INTL", "company", "校友企业 武汉长江医疗器械有限公司", "Wuhan Changjiang Medical Devices (alumni)",
                       "CN", "李强", "liqiang@cjmed.example"));
  TX_TRY(association, donor("INTL", "institution", "武汉理工大学英国校友会", "WHUT Alumni Association UK", "GB",
                            "Chen Jing", "ukalumni@whut.example"));
  supplies::RateInput gbp{"GBP", core::AddDays(today, -30), "中国人民银行中间价 / PBoC central parity", 8874500};
  TX_CHECK(dn.SetRate(system, gbp, actor));
  auto donation = [&](const char* direction, const char* kind, std::int64_t donor_id, int days_ago) {
    supplies::DonationInput in;
    in.direction = direction;
    in.kind = kind;
    in.unit_id = units.at("INTL");
    if (donor_id) in.donor_id = donor_id;
    in.donated_on = core::AddDays(today, -days_ago);
    return in;
  };
  auto goods_in = donation("in", "goods", alumni->id, 21);
  goods_in.store_id = *clinic;
  goods_in.receipt_no = "JZ-001";
  goods_in.purpose = "校医院防护物资 / protective supplies for the clinic";
  goods_in.lines = {line("KN95", 800, true, "KN-2601", "2028-12-31"), line("SUIT", 55, true, "FH-2602", "2028-06-30"),
                    line("DISINF", 12, true, "84-2603", "2027-03-31"),
                    line("MASK-SURG", 200, true, "SM-2511", "2027-11-30")};
  TX_TRY(received, dn.Create(system, goods_in, actor));
  TX_CHECK(dn.SetThanks(system, received->id, "acknowledged", actor));
  auto money = donation("in", "money", uwtsd->id, 18);
  money.currency = "GBP";
  money.amount_minor = 2000000;
  money.receipt_no = "JZ-002";
  money.purpose = "Medwin Hughes 校长组织师生捐赠，支持学校抗击疫情 / raised by staff and students under Vice-Chancellor "
                  "Medwin Hughes to support the university's fight against the epidemic";
  TX_TRY(gift, dn.Create(system, money, actor));
  TX_CHECK(dn.SetThanks(system, gift->id, "letter_sent", actor));
  auto out = [&](const char* recipient, const char* kind, std::int64_t donor_id, int days_ago,
                 std::vector<supplies::LineInput> lines, bool delivered) -> core::Status {
    auto in = donation("out", "goods", donor_id, days_ago);
    in.recipient_name = recipient;
    in.recipient_kind = kind;
    in.lines = std::move(lines);
    in.purpose = "党员协调捐赠 / coordinated by party members";
    TX_TRY(d, dn.Create(system, in, actor));
    if (delivered) TX_CHECK(dn.Deliver(system, d->id, {"delivered", in.donated_on, "医务处 / medical affairs"}, actor));
    return {};
  };
  TX_CHECK(out("武汉理工大学校医院", "hospital", alumni->id, 28, {line("KN95", 10500, false), line("SUIT", 320, false)},
               true));
  TX_CHECK(out("武汉市第一医院", "hospital", association->id, 26,
               {line("KN95", 30000, false), line("SUIT", 800, false), line("DISINF", 12, true)}, true));
  TX_CHECK(post("receipt", "purchase", *clinic,
                {line("THERMO", 120, false), line("GLOVES", 30, true), line("GOGGLES", 60, false),
                 line("SANITISER", 10, true, "XS-2601", "2027-06-30")},
                "CG-2026-014", ""));
  TX_CHECK(post("receipt", "purchase", *logistics,
                {line("RICE", 100, true), line("OIL", 60, true), line("EGGS", 40, true), line("NOODLES", 300, false),
                 line("VEG", 80, false), line("TISSUE", 50, true)},
                "CG-2026-021", "每周生活物资 / weekly living supplies"));
  TX_CHECK(post("transfer", "", *clinic, {line("KN95", 20, true), line("SANITISER", 1, true)}, "", "", *intl));
  TX_CHECK(post("transfer", "", *clinic, {line("KN95", 4, true), line("THERMO", 10, false)}, "", "", *hr));

  // From our own stock: gloves from the clinic store for the community's door-to-door checks.
  auto gloves = donation("out", "goods", 0, 1);
  gloves.recipient_name = "马房山社区";
  gloves.recipient_kind = "community";
  gloves.store_id = *clinic;
  gloves.lines = {line("GLOVES", 2, true)};
  gloves.purpose = "入户排查用 / for door-to-door screening";
  TX_CHECK(dn.Create(system, gloves, actor));

  // The weekly living package for foreign staff on campus, handed out this week (one
  // share recorded as taken by a colleague, the rest to confirm on their phones), and
  // protective supplies planned for next week.
  auto& d = app.distributions();
  auto package = [&](const char* zh, const char* en, std::vector<supplies::LineInput> lines) {
    supplies::PackageInput in;
    in.name_zh = zh;
    in.name_en = en;
    in.lines = std::move(lines);
    return d.CreatePackage(in, actor);
  };
  TX_TRY(weekly, package("外籍教职工每周生活物资包", "Weekly living package for foreign staff",
                         {line("RICE", 5, false), line("OIL", 1.8, false), line("EGGS", 30, false),
                          line("NOODLES", 2, false), line("VEG", 1, false)}));
  TX_TRY(protective, package("防护物资包", "Protective package",
                             {line("KN95", 20, false), line("SANITISER", 1, false), line("GLOVES", 20, false)}));
  auto distribute = [&](std::int64_t at, std::int64_t pkg, const char* title, bool now) {
    supplies::DistributionInput in;
    in.store_id = at;
    in.package_id = pkg;
    in.title = title;
    in.recipients.unit_id = units.at("WHUT");
    in.recipients.category = "foreign_staff";
    in.post = now;
    return d.Create(system, in, actor);
  };
  TX_TRY(week, distribute(*logistics, weekly->id, "第 10 周外籍教职工生活物资 / Week 10 living supplies", true));
  TX_TRY(shares, d.RecipientsOf(system, week->id, "", core::PageRequest{}));
  if (shares->items.size() > 1) {
    TX_CHECK(d.Confirm(system, shares->items.back().id, {"同事代领 / taken by a colleague"}, actor));
  }
  TX_CHECK(distribute(*clinic, protective->id, "下周防护物资 / Protective supplies, next week", false));
  return {};
}

}  // namespace

core::Result<bool> LoadDemoData(App& app) {
  auto has_users = app.db().WithSession([](soci::session& sql) -> core::Result<bool> {
    return auth::repo::AnyUser(sql);
  });
  if (!has_users) return has_users.error();
  if (*has_users) return false;

  core::Principal system;
  system.all_units = true;
  system.role = core::Role::kAdmin;
  auth::Actor actor;
  actor.username = "demo";

  const DemoUnit units[] = {
      {"WHUT", nullptr, "武汉理工大学", "Wuhan University of Technology", "university"},
      {"HQ", "WHUT", "疫情防控工作指挥部", "Epidemic Headquarters", "headquarters"},
      {"INTL", "WHUT", "国际交流与合作处（港澳台办）", "International Office", "office"},
      {"HR", "WHUT", "人事处", "Human Resources", "department"},
      {"CLINIC", "WHUT", "校医院", "University Clinic", "department"},
      {"LOGISTICS", "WHUT", "后勤集团", "Logistics Group", "department"},
      {"FINANCE", "WHUT", "财务处", "Finance Office", "department"},
      {"SIE", "WHUT", "国际教育学院", "School of International Education", "school"},
      {"SCS", "WHUT", "计算机与人工智能学院", "School of Computer Science", "school"},
      {"SMAT", "WHUT", "材料科学与工程学院", "School of Materials Science", "school"},
      {"COMM", nullptr, "马房山社区", "Mafangshan Community", "community"},
      {"COMM-A", "COMM", "东院小区", "East Campus Compound", "compound"},
      {"COMM-A-1", "COMM-A", "1栋", "Building 1", "building"},
      {"COMM-A-2", "COMM-A", "2栋", "Building 2", "building"},
  };
  std::map<std::string, std::int64_t> ids;
  for (const auto& u : units) {
    people::UnitInput in;
    in.code = u.code;
    in.name_zh = u.name_zh;
    in.name_en = u.name_en;
    in.kind = u.kind;
    if (u.parent) in.parent_id = ids.at(u.parent);
    TX_TRY(made, app.people().CreateUnit(system, in, actor));
    ids[u.code] = made->id;
  }

  const DemoPerson foreign[] = {
      {"", "Oliver Bennett", "male", "1978-04-12", "GB", "SIE", "British Embassy Beijing"},
      {"", "Emily Carter", "female", "1985-09-03", "US", "SIE", "U.S. Consulate General Wuhan"},
      {"", "Liam O'Connor", "male", "1982-01-22", "IE", "SCS", "Embassy of Ireland"},
      {"", "Sophie Martin", "female", "1990-06-30", "FR", "SIE", "Consulat général de France à Wuhan"},
      {"", "Lukas Becker", "male", "1976-11-15", "DE", "SMAT", "German Embassy Beijing"},
      {"", "Giulia Rossi", "female", "1988-02-11", "IT", "SIE", "Embassy of Italy"},
      {"", "Pablo García", "male", "1984-07-19", "ES", "SIE", "Embassy of Spain"},
      {"", "Anna Ivanova", "female", "1980-03-08", "RU", "SMAT", "Embassy of Russia"},
      {"佐藤健", "Sato Ken", "male", "1979-12-01", "JP", "SCS", "Embassy of Japan"},
      {"", "Kim Min-jun", "male", "1987-05-25", "KR", "SCS", "Consulate General of Korea in Wuhan"},
      {"", "Ayesha Khan", "female", "1991-08-14", "PK", "SIE", "Embassy of Pakistan"},
      {"", "Rahul Sharma", "male", "1983-10-02", "IN", "SCS", "Embassy of India"},
      {"", "Chinedu Okafor", "male", "1986-04-04", "NG", "SMAT", "Embassy of Nigeria"},
      {"", "Mona Hassan", "female", "1989-01-17", "EG", "SIE", "Embassy of Egypt"},
      {"", "Lucas Silva", "male", "1981-09-09", "BR", "SCS", "Embassy of Brazil"},
      {"", "María López", "female", "1992-12-21", "MX", "SIE", "Embassy of Mexico"},
      {"", "Jack Wilson", "male", "1975-06-06", "AU", "SIE", "Australian Embassy"},
      {"", "Chloe Thompson", "female", "1993-03-13", "NZ", "SIE", "New Zealand Embassy"},
      {"", "Noah Tremblay", "male", "1984-08-28", "CA", "SCS", "Embassy of Canada"},
      {"", "Sanne de Vries", "female", "1987-11-11", "NL", "SMAT", "Embassy of the Netherlands"},
      {"", "Erik Lindqvist", "male", "1977-02-02", "SE", "SMAT", "Embassy of Sweden"},
      {"", "Somchai Wongsa", "male", "1985-05-05", "TH", "SIE", "Royal Thai Embassy"},
      {"", "Nguyen Thi Lan", "female", "1990-10-10", "VN", "SIE", "Embassy of Viet Nam"},
      {"", "Budi Santoso", "male", "1982-07-07", "ID", "SCS", "Embassy of Indonesia"},
      {"", "Nur Aisyah", "female", "1994-04-24", "MY", "SIE", "Embassy of Malaysia"},
      {"", "Daniyar Abenov", "male", "1988-09-19", "KZ", "SMAT", "Embassy of Kazakhstan"},
      {"", "Olena Kovalenko", "female", "1986-06-16", "UA", "SIE", "Embassy of Ukraine"},
      {"", "Piotr Nowak", "male", "1980-01-01", "PL", "SCS", "Embassy of Poland"},
      {"", "Kwame Mensah", "male", "1983-03-03", "GH", "SIE", "Embassy of Ghana"},
      {"", "Thandiwe Ndlovu", "female", "1991-11-29", "ZA", "SIE", "Embassy of South Africa"},
  };
  std::int64_t first_foreign = 0;
  int n = 0;
  for (const auto& f : foreign) {
    people::PersonInput in;
    in.unit_id = ids.at(f.unit);
    if (*f.name_zh) in.name_zh = f.name_zh;
    in.name_latin = f.name_latin;
    in.gender = f.gender;
    in.birth_date = f.birth;
    in.nationality = f.country;
    in.id_type = "passport";
    in.id_number = std::string(f.country) + std::to_string(52840000 + n * 7919);
    in.phone = "1380713" + std::to_string(1000 + n);
    std::string mail = f.name_latin;
    for (auto& c : mail) c = (c == ' ' || c == '\'') ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    in.email = mail + "@whut.edu.cn";
    in.language = "en";
    in.category = "foreign_staff";
    in.employment_status = "active";
    in.embassy = f.embassy;
    in.emergency_contact_name = "Office duty phone";
    in.emergency_contact_phone = "027-87651234";
    TX_TRY(p, app.people().CreatePerson(system, in, actor));
    if (!first_foreign) first_foreign = p->person.id;
    ++n;
  }

  const DemoPerson staff[] = {
      {"张伟", "Zhang Wei", "male", "1975-03-15", "CN", "INTL", ""},
      {"王芳", "Wang Fang", "female", "1982-07-21", "CN", "INTL", ""},
      {"李娜", "Li Na", "female", "1986-12-02", "CN", "INTL", ""},
      {"刘洋", "Liu Yang", "male", "1979-05-30", "CN", "HR", ""},
      {"陈静", "Chen Jing", "female", "1984-09-18", "CN", "CLINIC", ""},
      {"杨帆", "Yang Fan", "male", "1981-02-14", "CN", "LOGISTICS", ""},
      {"赵敏", "Zhao Min", "female", "1988-08-08", "CN", "FINANCE", ""},
      {"黄磊", "Huang Lei", "male", "1977-10-26", "CN", "SIE", ""},
      {"周杰", "Zhou Jie", "male", "1990-04-01", "CN", "HQ", ""},
      {"吴倩", "Wu Qian", "female", "1992-06-12", "CN", "INTL", ""},
  };
  n = 0;
  std::map<std::string, std::int64_t> staff_ids;
  for (const auto& s : staff) {
    people::PersonInput in;
    in.unit_id = ids.at(s.unit);
    in.name_zh = s.name_zh;
    in.name_latin = s.name_latin;
    in.gender = s.gender;
    in.birth_date = s.birth;
    in.nationality = s.country;
    in.id_type = "id_card";
    in.id_number = "42010619" + std::to_string(80010100 + n * 3571) + "X";
    in.phone = "1597126" + std::to_string(2000 + n);
    in.language = "zh-CN";
    in.category = "staff";
    in.employment_status = "active";
    TX_TRY(p, app.people().CreatePerson(system, in, actor));
    staff_ids[s.name_zh] = p->person.id;
    ++n;
  }
  // The community's residents come with their households (demo_community.cpp).
  TX_CHECK(LoadCommunity(app, system, actor, ids));

  struct DemoUser {
    const char* username;
    const char* display;
    const char* role;
    std::vector<const char*> units;
    const char* person;  // the person record of the account: a staff member's name, or the first foreign staff
  };
  const DemoUser users[] = {
      {"admin", "系统管理员", "admin", {}, nullptr},
      {"office", "国际处 王芳", "office", {"WHUT"}, nullptr},
      {"hr", "人事处 刘洋", "department", {"HR", "SIE", "SCS", "SMAT"}, nullptr},
      {"finance", "财务处 赵敏", "department", {"FINANCE"}, nullptr},
      {"leader", "指挥部 周杰", "leader", {"WHUT"}, nullptr},
      {"volunteer", "下沉党员 吴倩", "volunteer", {"COMM"}, "吴倩"},
      {"community", "社区工作人员 陈静", "department", {"COMM"}, nullptr},
      {"foreign", "Oliver Bennett", "foreign_staff", {}, "Oliver Bennett"},
  };
  for (const auto& u : users) {
    auth::UserInput in;
    in.username = u.username;
    in.display_name = u.display;
    in.password = kDemoPassword;
    in.role = u.role;
    in.language = std::string(u.role) == "foreign_staff" ? "en" : "";
    std::vector<std::int64_t> unit_ids;
    for (const char* code : u.units) unit_ids.push_back(ids.at(code));
    in.unit_ids = unit_ids;
    if (u.person) in.person_id = std::string(u.person) == "Oliver Bennett" ? first_foreign : staff_ids.at(u.person);
    TX_TRY(made, app.auth().CreateUser(in, actor));
  }
  // Two checks, two reports a day for every foreign staff member, from today.
  health::PlanInput plan;
  plan.name = "外籍工作人员双测温两报告";
  plan.kind = "group";
  plan.target = "category";
  plan.category = "foreign_staff";
  plan.time_zone = app.config().time_zone;
  plan.start_date = app.health().Today();
  core::Principal office_scope = system;
  TX_TRY(made_plan, app.health().CreatePlan(office_scope, plan, actor));
  TX_CHECK(LoadSupplies(app, system, actor, ids));
  TX_CHECK(LoadPartners(app, system, actor, ids));
  TX_CHECK(LoadEntryRules(app, system, actor));
  TX_CHECK(LoadTravel(app, system, actor));
  TX_CHECK(LoadAnnouncements(app));
  TX_CHECK(LoadChannels(app));
  TX_CHECK(LoadBroadcasts(app));
  return true;
}

}  // namespace tongxin::app
