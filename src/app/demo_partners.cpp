// Demo partners and correspondence.
#include "app/demo_partners.hpp"

#include "core/local_time.hpp"

namespace tongxin::app {
namespace {

// The letter of sympathy the university sent in its president's name to partners abroad
// when the epidemic spread there (bulletin 56), and a mass letter of it ready to preview
// and send: the partner universities in Europe and North America.
core::Status LoadLetterTemplates(App& app, const core::Principal& system, const auth::Actor& actor,
                                 std::int64_t intl, const std::string& today) {
  partners::TemplateInput t;
  t.unit_id = intl;
  t.name = "海外合作伙伴慰问信 / Letter of sympathy to partners abroad";
  t.subject_zh = "武汉理工大学致{{partner.name}}的慰问信";
  t.body_zh =
      "{{contact.honorific}}{{contact.name}}：\n\n"
      "新冠肺炎疫情发生以来，贵校通过多种方式向我校表达问候与支持，我们深受感动。当前疫情在全球多个国家和地区蔓延，"
      "我谨代表武汉理工大学全体师生，向{{partner.name}}的师生员工致以诚挚的慰问。\n\n"
      "武汉的经验表明，只要坚定信心、同舟共济，就一定能够战胜疫情。我校愿与贵校分享防控经验，并期待疫情过后进一步加强"
      "务实合作和师生交流。\n\n祝贵校师生平安健康！";
  t.subject_en = "A letter of sympathy from Wuhan University of Technology to {{partner.name}}";
  t.body_en =
      "Dear {{contact.honorific}} {{contact.name}},\n\n"
      "Since the outbreak of COVID-19, your university has expressed its support to us in many ways, and we were "
      "deeply moved. As the epidemic now spreads across the world, on behalf of all staff and students of Wuhan "
      "University of Technology I send our heartfelt sympathy to everyone at {{partner.name}}.\n\n"
      "Wuhan has shown that with confidence and solidarity the epidemic can be overcome. We are ready to share "
      "what we have learned, and look forward to closer cooperation and exchanges once it has passed.\n\n"
      "With my best wishes for the health and safety of your staff and students,";
  t.third_lang = "fr";
  t.subject_third = "Lettre de sympathie de l'Université de technologie de Wuhan";
  t.body_third =
      "{{contact.honorific}},\n\n"
      "Depuis le début de l'épidémie, votre université nous a témoigné son soutien de bien des manières. Alors que "
      "l'épidémie gagne le monde, je vous adresse, au nom de toute l'Université de technologie de Wuhan, notre "
      "profonde sympathie et nos vœux de santé pour toute la communauté de {{partner.name}}.";
  t.letterhead_zh = "武汉理工大学 · 国际交流合作处\n湖北省武汉市洪山区珞狮路122号";
  t.letterhead_en = "Wuhan University of Technology · International Office\n122 Luoshi Road, Wuhan, Hubei, China";
  t.signer_name_zh = "张清杰";
  t.signer_name_en = "Zhang Qingjie";
  t.signer_title_zh = "武汉理工大学校长";
  t.signer_title_en = "President, Wuhan University of Technology";
  auto& ms = app.mailings();
  TX_TRY(tpl, ms.CreateTemplate(system, t, actor));
  partners::MailingInput m;
  m.template_id = tpl->id;
  m.title = "慰问信：欧美合作院校 / Sympathy: partner universities in Europe and North America";
  m.dated_on = today;
  m.filter.kind = "university";
  m.filter.countries = {"GB", "FR", "ES", "IT", "US", "CA"};
  TX_CHECK(ms.Create(system, m, actor));
  return {};
}

// The Pakistani embassy's third secretary visits the Pakistani students and postdocs.
core::Status LoadVisit(App& app, const core::Principal& system, const auth::Actor& actor, std::int64_t embassy,
                       const std::string& today) {
  people::PersonFilter f;
  f.nationality = "PK";
  auto pk = app.people().ListPeople(system, f, 0, core::PageRequest{});
  partners::VisitInput v;
  v.partner_id = embassy;
  v.direction = "incoming";
  v.visited_on = core::AddDays(today, -10);
  v.place = "马房山校区 / Mafangshan campus";
  v.purpose = "慰问巴基斯坦来华留学生和博士后研究人员 / To visit Pakistani students and postdoctoral researchers";
  v.hosts = "国际交流合作处 / International Office";
  v.visitors = std::vector<partners::VisitorInput>{{"Muhammad Junaid", "Third Secretary", "Embassy of Pakistan", "PK"}};
  std::vector<std::int64_t> ids;
  if (pk) {
    for (const auto& p : pk->items) ids.push_back(p.person.id);
  }
  v.person_ids = ids;
  v.discussed = "感谢学校在疫情期间为巴基斯坦公民提供充足的医疗防护用品和生活物资。Thanks for the medical protective "
                "supplies and daily necessities provided to Pakistani citizens during the epidemic.";
  v.promised = "每日保持联系；如有需要由使馆协调回国事宜。Daily contact; the embassy coordinates any return home.";
  auto& vs = app.visits();
  TX_TRY(made, vs.Create(system, v, actor));
  partners::ActionInput a;
  a.action = "向使馆发送在校巴基斯坦人员健康情况周报 / Weekly health summary of Pakistani staff and students to the embassy";
  a.due_on = core::AddDays(today, 3);
  TX_CHECK(vs.AddAction(system, made->id, a, actor));
  return {};
}

}  // namespace

core::Status LoadPartners(App& app, const core::Principal& system, const auth::Actor& actor,
                          const std::map<std::string, std::int64_t>& units) {
  auto& ps = app.partners();
  const std::string today = ps.Today();
  struct DemoPartner {
    const char *kind, *zh, *en, *country, *city, *langs, *tags;
    const char *contact, *title, *honorific, *email, *contact_lang;
    bool assigned_hr;  // also assigned to HR's schools (department staff see it)
  };
  const DemoPartner demo[] = {
      {"university", "英国威尔士三一圣大卫大学", "University of Wales Trinity Saint David", "GB", "Carmarthen", "en,cy",
       "MoU,Europe", "Medwin Hughes", "Vice-Chancellor", "Professor", "vc@uwtsd.example", "en", true},
      {"embassy", "巴基斯坦驻华大使馆", "Embassy of Pakistan in China", "PK", "Beijing", "en", "embassy,Asia",
       "Muhammad Junaid", "Third Secretary", "Mr", "junaid@pakembassy.example", "en", false},
      {"embassy", "科摩罗联盟驻华大使馆", "Embassy of the Union of the Comoros in China", "KM", "Beijing", "fr,ar",
       "embassy,Africa", "Said Abdou", "Counsellor", "M.", "ambassade@comores.example", "fr", false},
      {"university", "五大湖理工学院", "Great Lakes Institute of Technology", "US", "Ann Arbor", "en",
       "MoU,North America", "Sarah Mitchell", "Provost", "Dr", "provost@glit.example", "en", true},
      {"university", "里昂理工大学", "Université de technologie de Lyon", "FR", "Lyon", "fr,en", "MoU,Europe",
       "Claire Dubois", "Présidente", "Madame la Présidente", "presidence@utlyon.example", "fr", false},
      {"university", "安大略北方理工大学", "Northern Ontario Polytechnic", "CA", "Sudbury", "en,fr",
       "exchange,North America", "David Tremblay", "President", "Dr", "president@nop.example", "en", false},
      {"university", "黎凡特理工大学", "Universidad Politécnica de Levante", "ES", "Valencia", "es,en", "MoU,Europe",
       "Javier Morales", "Rector", "Prof.", "rector@upl.example", "es", false},
      {"university", "皮埃蒙特理工学院", "Politecnico del Piemonte", "IT", "Turin", "it,en", "exchange,Europe",
       "Giulia Rossi", "Rettrice", "Prof.ssa", "rettrice@polipiemonte.example", "en", false},
      {"university", "南十字星理工学院", "Southern Cross Institute of Technology", "AU", "Brisbane", "en",
       "MoU,Oceania", "Emma Walsh", "Vice-Chancellor", "Professor", "vc@scit.example", "en", false},
      {"university", "关西工业大学", "Kansai Institute of Technology", "JP", "Osaka", "ja,en", "MoU,Asia",
       "Tanaka Kenji", "President", "Professor", "president@kit-osaka.example", "en", true},
      {"university", "亚历山大科技大学", "Alexandria University of Science and Technology", "EG", "Alexandria", "ar,en",
       "Belt and Road,Africa", "Ahmed Hassan", "President", "Professor", "president@aust.example", "en", false},
  };
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      auto end = s.find(',', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    return out;
  };
  std::vector<partners::Partner> made;
  for (const auto& d : demo) {
    partners::PartnerInput in;
    in.unit_id = units.at("INTL");
    in.kind = d.kind;
    in.name_zh = d.zh;
    in.name_en = d.en;
    in.country = d.country;
    in.city = d.city;
    in.languages = split(d.langs);
    in.tags = split(d.tags);
    if (d.assigned_hr) in.unit_ids = std::vector<std::int64_t>{units.at("HR")};
    TX_TRY(p, ps.Create(system, in, actor));
    partners::ContactInput c;
    c.name = d.contact;
    c.title = d.title;
    c.honorific = d.honorific;
    c.email = d.email;
    c.language = d.contact_lang;
    TX_TRY(with_contact, ps.AddContact(system, p->id, c, actor));
    made.push_back(std::move(*with_contact));
  }
  // The Welsh partner is also the donor of the 20,000 GBP.
  auto donors = app.donations().ListDonors(system, "Trinity", "", core::PageRequest{});
  if (donors && !donors->items.empty()) {
    TX_CHECK(ps.LinkDonor(system, made[0].id, donors->items.front().id, true, actor));
  }
  auto letter = [&](const partners::Partner& p, const char* direction, const char* channel, int days_ago,
                    const char* subject, const char* summary, std::optional<std::int64_t> reply_to = std::nullopt,
                    int answer_in_days = -1) {
    partners::LetterInput in;
    in.partner_id = p.id;
    if (!p.contacts.empty()) in.contact_id = p.contacts.front().id;
    in.direction = direction;
    in.channel = channel;
    in.dated_on = core::AddDays(today, -days_ago);
    in.subject = subject;
    in.summary = summary;
    in.reply_to = reply_to;
    if (answer_in_days >= 0) {
      in.answer_needed = true;
      in.answer_by = core::AddDays(today, answer_in_days);
    }
    return ps.LogLetter(system, in, actor);
  };
  TX_TRY(wales, letter(made[0], "in", "email", 20, "Support from UWTSD / 威尔士三一圣大卫大学来信支持",
                       "The Vice-Chancellor writes that staff and students have raised 20,000 GBP to support the "
                       "university's fight against the epidemic.",
                       std::nullopt, 10));
  TX_CHECK(letter(made[0], "out", "email", 17, "感谢信 / Letter of thanks",
                  "以校长名义致谢 Medwin Hughes 校长及全体师生的捐赠。Thanks in the president's name.", wales->id));
  TX_CHECK(letter(made[1], "in", "diplomatic_note", 12, "拟来校慰问巴基斯坦留学生 / Proposed visit to Pakistani students",
                  "Third Secretary Muhammad Junaid proposes to visit Pakistani students and postdoctoral researchers.",
                  std::nullopt));
  TX_CHECK(letter(made[2], "in", "diplomatic_note", 9, "Note verbale: soutien du peuple comorien / 科摩罗使馆照会",
                  "L'Ambassade exprime sa solidarité et ses vœux de succès dans la lutte contre l'épidémie.",
                  std::nullopt, 2));
  for (std::size_t i = 3; i < made.size(); ++i) {
    TX_CHECK(letter(made[i], "in", "email", 18 - static_cast<int>(i), "Letter of support / 来信表达问候与支持",
                    "Expresses support to the people of Wuhan and looks forward to closer cooperation and exchanges "
                    "after the epidemic."));
  }
  TX_CHECK(LoadLetterTemplates(app, system, actor, units.at("INTL"), today));
  return LoadVisit(app, system, actor, made[1].id, today);
}

}  // namespace tongxin::app
