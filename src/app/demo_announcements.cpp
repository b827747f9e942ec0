// Demo notices and message channels.
#include "app/demo_announcements.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "core/clock.hpp"
#include "modules/announcements/announcements_repo.hpp"
#include "modules/announcements/audience_repo.hpp"
#include "modules/announcements/broadcasts_repo.hpp"

namespace tongxin::app {
namespace {

// The demo account as the service sees it (written by the office, approved by the admin).
core::Result<std::pair<core::Principal, auth::Actor>> As(App& app, const char* username) {
  return app.db().WithSession([&](soci::session& sql) -> core::Result<std::pair<core::Principal, auth::Actor>> {
    auto u = auth::repo::FindUserByName(sql, username);
    if (!u) return core::Internal(std::string("demo notices: no user ") + username);
    core::Principal p;
    p.user_id = u->id;
    p.username = u->username;
    p.display_name = u->display_name;
    p.role = u->role;
    p.all_units = true;
    auth::Actor a;
    a.user_id = u->id;
    a.username = u->username;
    return std::pair{p, a};
  });
}

}  // namespace

core::Status LoadAnnouncements(App& app) {
  auto& notices = app.announcements();
  TX_TRY(office, As(app, "office"));
  TX_TRY(admin, As(app, "admin"));
  const auto& [op, oa] = *office;
  const auto& [ap, aa] = *admin;
  struct Demo {
    const char* category;
    const char *title_zh, *title_en, *body_zh, *body_en, *pending;
    bool pinned, is_public, ack;
    announcements::Audience audience;
    const char* stage;  // draft, review, approved, scheduled
  };
  const Demo demo[] = {
      {"service_guide", "关于疫情防控期间国际交流业务办理安排的通知",
       "Arrangements for international exchange services during the epidemic",
       "疫情防控期间，国际交流与合作处暂停现场办公，各项业务改为线上办理：\n"
       "一、因公出国（境）申请、外籍教师证件办理、来访接待等事项，请通过学校办事大厅在线提交；\n"
       "二、咨询电话：027-87651234（工作日 8:30–17:30），邮箱：intl@whut.edu.cn；\n"
       "三、紧急情况请拨打 24 小时值班电话。\n请各单位转告相关人员。",
       "While the epidemic lasts the International Office does not receive visitors; all services are online:\n"
       "1. Applications for official trips abroad, foreign teachers' permits and visits are submitted through the "
       "university's online service hall;\n2. Questions: 027-87651234 (working days 8:30–17:30), "
       "intl@whut.edu.cn;\n3. In an emergency call the 24-hour duty phone.\nPlease pass this on.",
       "", true, true, false, {}, "approved"},
      {"protection_reminder", "关于做好个人防护、坚持每日两次健康报告的提醒",
       "Protecting yourself and reporting twice a day: a reminder",
       "请各位外籍教师尽量减少外出，外出时佩戴口罩，勤洗手、常通风；每天上午和下午各报告一次体温；"
       "如有发热、咳嗽等症状，请立即联系国际处，不要自行前往医院。",
       "Please go out as little as you can and wear a mask when you do; wash your hands often and air your "
       "rooms. Report your temperature every morning and afternoon. With a fever or a cough, call the "
       "International Office at once rather than going to a hospital yourself.",
       "", false, false, true, {{}, {"foreign_staff"}, {}, {}}, "approved"},
      {"procedure", "外籍教师返校流程", "Returning to campus: the steps for foreign teachers",
       "一、返校前 14 天每日健康报告；二、提前 3 天向所在学院和国际处报备行程；三、入校时出示健康码并测温；"
       "四、境外返校人员按规定居家观察 14 天。",
       "1. Report your health daily for the 14 days before you return; 2. tell your school and the International "
       "Office of your journey 3 days ahead; 3. show your health code and have your temperature taken at the gate; "
       "4. if you arrive from abroad, observe 14 days at home as required.",
       "", false, false, false, {{}, {"foreign_staff"}, {}, {}}, "scheduled"},
      {"policy", "关于转发国家移民管理局部分国家入境管控措施的通知", "",
       "现将国家移民管理局发布的部分国家和地区入境管控措施转发给你们，请有出访计划的单位和个人及时了解，"
       "合理安排行程。具体措施见“入境管制措施”页面。",
       "", "en", false, false, false, {{"office", "department", "leader"}, {}, {}, {}}, "review"},
      {"service_guide", "外籍教师线上授课平台使用指南（草稿）", "Teaching online: a guide for foreign teachers (draft)",
       "待教务处确认平台后补充。", "To be completed once the Academic Affairs Office confirms the platform.", "", false,
       false, false, {{}, {"foreign_staff"}, {}, {}}, "draft"},
  };
  const std::string tomorrow = core::FormatIso(app.clock().Now() + std::chrono::hours(24));
  for (const auto& d : demo) {
    announcements::AnnouncementInput in;
    in.category = d.category;
    in.title_zh = d.title_zh;
    in.title_en = d.title_en;
    in.body_zh = d.body_zh;
    in.body_en = d.body_en;
    in.pending_lang = d.pending;
    in.pinned = d.pinned;
    in.is_public = d.is_public;
    in.ack_required = d.ack;
    in.audience = d.audience;
    if (std::string(d.stage) == "scheduled") in.publish_at = tomorrow;
    TX_TRY(made, notices.Create(op, in, oa));
    const std::string stage = d.stage;
    if (stage == "draft") continue;
    TX_CHECK(notices.Submit(op, made->a.id, oa));
    if (stage == "review") continue;
    // The notices already out came out before today: their audience was told then, so
    // nothing of theirs waits in the outbox (the scheduled one is told when it comes out).
    if (stage != "scheduled") {
      TX_CHECK(app.db().InTransaction([&](soci::session& sql) -> core::Status {
        announcements::repo::SetAnnounced(sql, made->a.id, made->a.created_at);
        return {};
      }));
    }
    TX_CHECK(notices.Review(ap, made->a.id, {true, ""}, aa));
  }
  return {};
}

core::Status LoadChannels(App& app) {
  TX_TRY(admin, As(app, "admin"));
  const auth::Actor& actor = admin->second;
  // Set up but stopped: the office's group robots and the campus SMS gateway are real
  // services; an administrator puts in their own webhook and switches them on.
  const boost::json::object demo[] = {
      {{"kind", "wecom"}, {"name", "国际处防控工作群"}, {"url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=DEMO"},
       {"kinds", {"alert", "alert_escalated", "trip_overdue", "entry_rule_trip"}}, {"active", false}},
      {{"kind", "dingtalk"}, {"name", "Foreign staff group (DingTalk)"}, {"lang", "en"},
       {"url", "https://oapi.dingtalk.com/robot/send?access_token=DEMO"}, {"kinds", {"announcement", "entry_rule"}},
       {"active", false}},
      {{"kind", "sms"}, {"name", "校园短信平台"}, {"url", "https://sms.example.edu.cn/api/send"},
       {"kinds", {"alert", "reminder"}}, {"template_zh", "【同心】{subject}：{body}"},
       {"template_en", "[Tongxin] {subject}: {body}"}, {"rate_per_minute", 60}, {"active", false}},
  };
  for (const auto& body : demo) TX_CHECK(app.channels().Create(body, actor));
  return {};
}

core::Status LoadBroadcasts(App& app) {
  TX_TRY(office, As(app, "office"));
  const std::string now = core::FormatIso(app.clock().Now());
  // The daily briefing to foreign staff (当日疫情通报), paused: the office types the city's
  // figures, previews it and switches it on (then it goes at 08:00 every day).
  announcements::Broadcast b;
  b.name = "当日疫情通报（外籍教职工） Daily briefing for foreign staff";
  b.subject_zh = "{date} 疫情通报";
  b.subject_en = "Epidemic briefing, {date}";
  b.body_zh =
      "各位外籍教职工：\n武汉市昨日新增确诊 {city_cases} 例。我校昨日体温报告 {reports_yesterday} 人次，发热 "
      "{fevers_yesterday} 人；目前医学观察 {in_observation} 人；因公在外 {abroad} 人，其中滞留境外 {stranded} 人。\n"
      "请坚持每日两次体温报告，外出佩戴口罩。如有发热请立即联系国际交流与合作处。";
  b.body_en =
      "Dear colleagues,\nWuhan reported {city_cases} new cases yesterday. Yesterday we had {reports_yesterday} "
      "temperature reports, {fevers_yesterday} of them with a fever; {in_observation} people are in observation; "
      "{abroad} colleagues are abroad on official trips, {stranded} of them stranded.\nPlease keep reporting your "
      "temperature twice a day and wear a mask outside. If you have a fever, call the International Office at once.";
  b.schedule = "daily";
  b.send_time = "08:00";
  b.active = 0;
  b.created_by = office->second.user_id;
  b.created_by_name = office->first.display_name;
  b.updated_by_name = office->first.display_name;
  b.created_at = now;
  b.updated_at = now;
  return app.db().InTransaction([&](soci::session& sql) -> core::Status {
    const auto id = announcements::repo::InsertBroadcast(sql, b);
    announcements::Audience audience;
    audience.categories = {"foreign_staff"};
    announcements::repo::SetAudience(sql, announcements::repo::kBroadcastAudience, id, audience);
    announcements::repo::SetFigures(sql, id, {{"city_cases", "武汉市新增确诊", "New cases in Wuhan", "", "", ""}});
    return {};
  });
}

}  // namespace tongxin::app
