// Trips abroad through the API, on SQLite and on PostgreSQL: Oliver Bennett, stranded in the
// UK by the entry suspension, reports his needs from his phone; the office logs the help
// given and the embassy's, plans his return and marks his arrival, which starts his
// observation plan in health monitoring — shown on the trip, ended by the scheduler, which
// then brings the trip home. Overdue returns alert the office once per planned day; bad
// input is named by field; department staff see the travellers of their units only, and a
// traveller only their own trip.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class TripsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.clock().Set("2020-04-01T02:00:00Z");  // 10:00 in Wuhan
    office_ = server_.As("office");
    foreign_ = server_.As("foreign");
  }
  // The demo trip of this traveller.
  std::int64_t TripOf(const std::string& name) {
    auto r = office_->Get("/api/v1/trips?q=" + Encoded(name));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = r.Json();
    const auto& items = body.at("items").as_array();
    if (items.empty()) {
      ADD_FAILURE() << "no trip of " << name;
      return 0;
    }
    return items[0].at("id").as_int64();
  }
  std::int64_t PersonId(const std::string& q) {
    const auto body = office_->Get("/api/v1/people?q=" + Encoded(q)).Json();
    return body.at("items").as_array()[0].at("id").as_int64();
  }
  static std::string Encoded(std::string q) {
    for (std::size_t i; (i = q.find(' ')) != std::string::npos;) q.replace(i, 1, "%20");
    return q;
  }
  // Time moves on by days: sessions lapse, so the clients log in again.
  void SetTime(const std::string& iso) {
    server_.clock().Set(iso);
    office_ = server_.As("office");
    foreign_ = server_.As("foreign");
  }
  static std::string Url(std::int64_t id) { return "/api/v1/trips/" + std::to_string(id); }
  int NoticesAbout(HttpClient& c, const std::string& text) {
    const auto notices = c.Get("/api/v1/notices?page_size=200").Json();
    int n = 0;
    for (const auto& x : notices.at("items").as_array()) {
      n += std::string(x.at("subject").as_string()).find(text) != std::string::npos ? 1 : 0;
    }
    return n;
  }

  TestServer server_{ServerOptions{.start_time = "2020-04-01T02:00:00Z"}};
  std::unique_ptr<HttpClient> office_, foreign_;
};

TEST_F(TripsApiTest, AStrandedTravellerIsHelpedHomeAndObservedOnArrival) {
  // The board: the demo's two stranded travellers come first.
  auto board = office_->Get("/api/v1/trips").Json();
  EXPECT_EQ(board.at("counts").at("stranded").as_int64(), 2);
  EXPECT_EQ(board.at("counts").at("abroad").as_int64(), 1);
  EXPECT_EQ(board.at("items").as_array()[0].at("status").as_string(), "stranded");
  EXPECT_EQ(board.at("items").as_array()[0].as_object().count("events"), 0u);  // the list is light

  // Oliver sees his own trip only, and reports from his phone where he is and what he needs.
  auto mine = foreign_->Get("/api/v1/trips").Json();
  ASSERT_EQ(mine.at("total").as_int64(), 1);
  const std::int64_t id = mine.at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(id, TripOf("Oliver"));
  EXPECT_EQ(mine.at("items").as_array()[0].at("stranded_reason").as_string(), "entry_ban");
  auto pos = foreign_->Post(Url(id) + "/position", {{"location", "London, staying with family"},
                                                    {"location_country", "GB"},
                                                    {"needs", array{"tickets", "visa_extension", "medicine"}},
                                                    {"needs_note", "Blood-pressure tablets for two more weeks"}});
  ASSERT_EQ(pos.status, 200) << pos.body;
  auto t = pos.Json();
  EXPECT_EQ(t.at("location").as_string(), "London, staying with family");
  EXPECT_EQ(t.at("needs").as_array().size(), 3u);
  const auto& last = t.at("events").as_array().back();
  EXPECT_EQ(last.at("kind").as_string(), "position");
  EXPECT_EQ(last.at("party").as_string(), "traveller");
  EXPECT_EQ(last.at("needs").as_array()[2].as_string(), "medicine");
  // He may not change the trip's status or log help: those are the office's.
  EXPECT_EQ(foreign_->Post(Url(id) + "/status", {{"status", "returning"}}).status, 403);
  EXPECT_EQ(foreign_->Post(Url(id) + "/assistance", {{"party", "office"}, {"note", "x"}}).status, 403);

  // The office logs what it and the embassy did, with the cost of the ticket.
  auto help = office_->Post(Url(id) + "/assistance", {{"party", "office"},
                                                      {"note", "Booked a seat on the first flight for residents"},
                                                      {"cost", "612.40"},
                                                      {"currency", "GBP"}});
  ASSERT_EQ(help.status, 201) << help.body;
  ASSERT_EQ(office_->Post(Url(id) + "/assistance", {{"party", "embassy"}, {"note", "Visa extension letter issued"}})
                .status,
            201);
  t = office_->Get(Url(id)).Json();
  ASSERT_EQ(t.at("costs").as_array().size(), 1u);
  EXPECT_EQ(t.at("costs").as_array()[0].at("currency").as_string(), "GBP");
  EXPECT_EQ(t.at("costs").as_array()[0].at("total").as_string(), "612.40");

  // The return: returning with the new day, then arrival, which starts his observation.
  auto ret = office_->Post(Url(id) + "/status", {{"status", "returning"}, {"return_on", "2020-04-03"},
                                                 {"note", "CA938 London–Beijing"}});
  ASSERT_EQ(ret.status, 200) << ret.body;
  EXPECT_EQ(ret.Json().at("return_on").as_string(), "2020-04-03");
  SetTime("2020-04-03T08:00:00Z");
  auto home = office_->Post(Url(id) + "/status", {{"status", "observation"}});
  ASSERT_EQ(home.status, 200) << home.body;
  t = home.Json();
  EXPECT_EQ(t.at("status").as_string(), "observation");
  EXPECT_EQ(t.at("returned_on").as_string(), "2020-04-03");
  EXPECT_TRUE(t.at("needs").as_array().empty());
  ASSERT_TRUE(t.at("observation_plan_id").is_int64());
  EXPECT_EQ(t.at("observation_start").as_string(), "2020-04-03");
  EXPECT_EQ(t.at("observation_end").as_string(), "2020-04-16");  // 14 days
  EXPECT_TRUE(t.at("observation_active").as_bool());
  // The plan is health monitoring's own, for him, with the configured slots.
  const auto plans = office_->Get("/api/v1/health/plans").Json();
  object p;
  for (const auto& x : plans.at("items").as_array()) {
    if (x.at("id").as_int64() == t.at("observation_plan_id").as_int64()) p = x.as_object();
  }
  ASSERT_FALSE(p.empty()) << "no observation plan";
  EXPECT_EQ(p.at("kind").as_string(), "observation");
  ASSERT_EQ(p.at("person_ids").as_array().size(), 1u);
  EXPECT_EQ(p.at("person_ids").as_array()[0].as_int64(), t.at("person_id").as_int64());
  EXPECT_EQ(p.at("slots").as_array().size(), 2u);
  // Trips of travellers home no longer take position reports.
  EXPECT_EQ(foreign_->Post(Url(id) + "/position", {{"location", "Wuhan"}}).ErrorCode(), "travel.trip_not_away");

  // The observation ends: the scheduler brings the trip home.
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(office_->Get(Url(id)).Json().at("status").as_string(), "observation");
  SetTime("2020-04-17T02:00:00Z");
  server_.app().scheduler().RunOnce();
  t = office_->Get(Url(id)).Json();
  EXPECT_EQ(t.at("status").as_string(), "home");
  EXPECT_EQ(t.at("events").as_array().back().at("note").as_string(), "observation_ended");
  // Every write was audited, and so is a staff member's read.
  auto audit = server_.As("admin")->Get("/api/v1/audit?entity=trip&entity_id=" + std::to_string(id)).Json();
  int reads = 0, updates = 0;
  for (const auto& a : audit.at("items").as_array()) {
    reads += a.at("action").as_string() == "read" ? 1 : 0;
    updates += a.at("action").as_string() == "update" ? 1 : 0;
  }
  EXPECT_GE(reads, 3);
  EXPECT_GE(updates, 3);  // returning, observation, home
}

TEST_F(TripsApiTest, ATripIsRegisteredWithItsFlightsAndMovesOnlyAlongItsStatuses) {
  auto made = office_->Post("/api/v1/trips", {{"person_id", PersonId("Sato")},
                                              {"kind", "official"},
                                              {"purpose", "Conference in Kyoto"},
                                              {"countries", array{"JP"}},
                                              {"cities", "Kyoto"},
                                              {"depart_on", "2020-04-10"},
                                              {"return_on", "2020-04-15"},
                                              {"approval_ref", "WHUT-2020-044"},
                                              {"legs", array{object{{"flight", "mu2091"},
                                                                    {"from_place", "Wuhan"},
                                                                    {"to_place", "Osaka"},
                                                                    {"depart_at", "2020-04-10T09:00"},
                                                                    {"arrive_at", "2020-04-10T13:20"}}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto t = made.Json();
  const std::string url = Url(t.at("id").as_int64());
  EXPECT_EQ(t.at("status").as_string(), "planned");
  EXPECT_EQ(t.at("legs").as_array()[0].at("flight").as_string(), "MU2091");
  EXPECT_EQ(t.at("next_statuses").as_array().size(), 2u);  // abroad, cancelled
  // Planned cannot jump home; a stranded trip needs its reason.
  auto jump = office_->Post(url + "/status", {{"status", "home"}});
  EXPECT_EQ(jump.status, 409) << jump.body;
  EXPECT_EQ(jump.ErrorCode(), "travel.bad_transition");
  ASSERT_EQ(office_->Post(url + "/status", {{"status", "abroad"}}).status, 200);
  auto no_reason = office_->Post(url + "/status", {{"status", "stranded"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.ErrorField(), "reason");
  auto stranded = office_->Post(url + "/status", {{"status", "stranded"}, {"reason", "illness"},
                                                  {"location", "Osaka hospital"}, {"location_country", "JP"}});
  ASSERT_EQ(stranded.status, 200) << stranded.body;
  EXPECT_EQ(stranded.Json().at("stranded_reason").as_string(), "illness");
  // Details change; the flights are replaced as a list.
  auto changed = office_->Patch(url, {{"return_on", "2020-04-30"}, {"legs", array{}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.Json().at("legs").as_array().empty());
  EXPECT_EQ(office_->Patch(url, {{"return_on", "2020-04-01"}}).ErrorField(), "return_on");  // before departure
  // Cancelled and home are final.
  ASSERT_EQ(office_->Post(url + "/status", {{"status", "home"}}).status, 200);
  EXPECT_EQ(office_->Post(url + "/status", {{"status", "abroad"}}).status, 409);
  // The list filters by status and country, and exports.
  auto jp = office_->Get("/api/v1/trips?country=JP&status=home").Json();
  EXPECT_EQ(jp.at("total").as_int64(), 1);
  auto xlsx = office_->Get("/api/v1/trips/export?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto csv = office_->Get("/api/v1/trips/export?format=csv&status=stranded");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Oliver Bennett"), std::string::npos);
  EXPECT_EQ(csv.body.find("Sato Ken"), std::string::npos);
}

TEST_F(TripsApiTest, BadInputIsNamedByFieldInTheCallersLanguageAndWritesNothing) {
  const auto trips_before = server_.Count("trips");
  const auto events_before = server_.Count("trip_events");
  const auto plans_before = server_.Count("report_plans");
  const object good{{"person_id", PersonId("Sato")}, {"purpose", "Conference"}, {"countries", array{"JP"}},
                    {"depart_on", "2020-04-10"}, {"return_on", "2020-04-15"}};
  auto with = [&](const char* key, boost::json::value v) {
    object o = good;
    o[key] = std::move(v);
    return office_->Post("/api/v1/trips", o);
  };
  EXPECT_EQ(with("return_on", "2020-04-01").ErrorField(), "return_on");
  EXPECT_EQ(with("countries", array{"JP", "XX"}).ErrorField(), "countries[1]");
  EXPECT_EQ(with("countries", array{}).ErrorField(), "countries");
  EXPECT_EQ(with("depart_on", "2020-02-30").ErrorField(), "depart_on");
  EXPECT_EQ(with("kind", "holiday").ErrorField(), "kind");
  EXPECT_EQ(with("legs", array{object{{"flight", "MU1"}, {"depart_at", "10 April 9am"}}}).ErrorField(),
            "legs[0].depart_at");
  EXPECT_EQ(with("legs", array{object{{"flight", "MU1"}, {"depart_at", "2020-04-10T09:00"},
                                      {"arrive_at", "2020-04-07T09:00"}}})
                .ErrorField(),
            "legs[0].arrive_at");
  EXPECT_EQ(with("person_id", 999999).ErrorField(), "person_id");
  EXPECT_EQ(with("colour", "red").ErrorField(), "colour");
  office_->SetLanguage("zh-CN");
  auto zh = with("return_on", "2020-04-01");
  EXPECT_EQ(zh.status, 400);
  EXPECT_NE(zh.body.find("早于出发日期"), std::string::npos) << zh.body;
  office_->SetLanguage("en");
  EXPECT_NE(with("return_on", "2020-04-01").body.find("before the departure"), std::string::npos);

  const std::int64_t id = TripOf("Oliver");
  EXPECT_EQ(office_->Post(Url(id) + "/position", {{"needs", array{"tickets", "caviar"}}}).ErrorField(), "needs[1]");
  EXPECT_EQ(office_->Post(Url(id) + "/position", object{}).ErrorField(), "location");
  EXPECT_EQ(office_->Post(Url(id) + "/position", {{"location_country", "UK"}}).ErrorField(), "location_country");
  EXPECT_EQ(office_->Post(Url(id) + "/assistance", {{"party", "office"}, {"note", "x"}, {"cost", "12"}}).ErrorField(),
            "currency");
  EXPECT_EQ(office_->Post(Url(id) + "/assistance", {{"party", "office"}, {"note", "x"}, {"cost", "12.345"},
                                                    {"currency", "GBP"}})
                .ErrorField(),
            "cost");
  EXPECT_EQ(office_->Post(Url(id) + "/assistance", {{"party", "office"}, {"note", "x"}, {"cost", "12"},
                                                    {"currency", "XYZ"}})
                .ErrorField(),
            "currency");
  EXPECT_EQ(office_->Post(Url(id) + "/assistance", {{"party", "the pope"}, {"note", "x"}}).ErrorField(), "party");
  EXPECT_EQ(office_->Post(Url(id) + "/status", {{"status", "returning"}, {"return_on", "2019-01-01"}}).ErrorField(),
            "return_on");
  EXPECT_EQ(office_->Post(Url(id) + "/status", {{"status", "observation"}, {"date", "2020-05-01"}}).ErrorField(),
            "date");  // in the future
  EXPECT_EQ(office_->Patch(Url(id), {{"person_id", PersonId("Sato")}}).ErrorField(), "person_id");
  EXPECT_EQ(office_->Get("/api/v1/trips?status=lost").ErrorField(), "status");
  EXPECT_EQ(office_->Get("/api/v1/trips?country=ZZ").ErrorField(), "country");
  EXPECT_EQ(office_->Get("/api/v1/trips/999999").status, 404);
  EXPECT_EQ(server_.Count("trips"), trips_before);
  EXPECT_EQ(server_.Count("trip_events"), events_before);
  EXPECT_EQ(server_.Count("report_plans"), plans_before);
}

TEST_F(TripsApiTest, OverdueReturnsAlertTheOfficeOncePerPlannedDay) {
  // The stranded travellers' new planned returns (Li Na 5 April, Oliver 11 April) are ahead.
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 0);
  EXPECT_EQ(NoticesAbout(*office_, "李娜"), 0);
  SetTime("2020-04-06T02:00:00Z");  // Li Na's has passed; she is still stranded
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*office_, "李娜"), 1);
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 0);  // not due yet
  EXPECT_EQ(NoticesAbout(*office_, "Sophie Martin"), 0);   // at her conference until 10 April
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*office_, "李娜"), 1);  // once
  // Oliver gets a seat for 8 April; Li Na gets home.
  const std::int64_t oliver = TripOf("Oliver");
  ASSERT_EQ(office_->Post(Url(oliver) + "/status", {{"status", "returning"}, {"return_on", "2020-04-08"}}).status, 200);
  ASSERT_EQ(office_->Post(Url(TripOf("Li Na")) + "/status", {{"status", "home"}}).status, 200);
  const auto events = office_->Get(Url(oliver)).Json().at("events").as_array();
  EXPECT_EQ(events.back().at("return_on").as_string(), "2020-04-08");  // the timeline shows the new day
  SetTime("2020-04-09T02:00:00Z");
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 1);
  // A new planned day, passed too, alerts again; a traveller home does not.
  ASSERT_EQ(office_->Patch(Url(oliver), {{"return_on", "2020-04-10"}}).status, 200);
  SetTime("2020-04-11T02:00:00Z");
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 2);
  EXPECT_EQ(NoticesAbout(*office_, "李娜"), 1);
  EXPECT_EQ(NoticesAbout(*office_, "Sophie Martin"), 1);  // her return has passed too
  // Department staff are not the ones alerted.
  EXPECT_EQ(NoticesAbout(*server_.As("hr"), "Oliver Bennett"), 0);
}

TEST_F(TripsApiTest, EachRouteRefusesATripOrPersonOutsideTheCallersScope) {
  const std::int64_t oliver = TripOf("Oliver");  // SIE, in HR's units
  const std::int64_t li_na = TripOf("Li Na");    // the International Office, not in HR's
  auto hr = server_.As("hr");
  auto hr_board = hr->Get("/api/v1/trips").Json();
  for (const auto& t : hr_board.at("items").as_array()) EXPECT_NE(t.at("id").as_int64(), li_na);
  EXPECT_EQ(hr->Get(Url(oliver)).status, 200);
  EXPECT_EQ(hr->Get(Url(li_na)).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Get("/api/v1/trips?person_id=" + std::to_string(PersonId("Li Na"))).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Post(Url(oliver) + "/position", {{"location", "X"}}).status, 403);  // reads, does not keep
  EXPECT_EQ(server_.As("leader")->Get(Url(li_na)).status, 200);

  // A traveller sees nothing of anyone else's trip.
  EXPECT_EQ(foreign_->Get(Url(li_na)).status, 404);
  EXPECT_EQ(foreign_->Post(Url(li_na) + "/position", {{"location", "X"}}).status, 404);
  EXPECT_EQ(foreign_->Get("/api/v1/trips?status=stranded").Json().at("total").as_int64(), 1);
  EXPECT_EQ(server_.As("volunteer")->Get("/api/v1/trips").Json().at("total").as_int64(), 0);

  // An office whose units are HR's only: every route naming Li Na's trip, and her as a traveller.
  auto admin = server_.As("admin");
  ASSERT_EQ(admin->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                {"display_name", "HR office"},
                                                {"password", kPassword},
                                                {"role", "office"},
                                                {"unit_ids", array{server_.UnitId("HR")}}})
                .status,
            201);
  auto narrow = server_.As("office_hr");
  EXPECT_EQ(narrow->Get("/api/v1/trips").Json().at("total").as_int64(), 0);
  const std::int64_t li_na_person = PersonId("Li Na");  // the office's search is audited: before the count
  const auto audit_before = server_.Count("audit_log");
  const auto events_before = server_.Count("trip_events");
  EXPECT_EQ(narrow->Get(Url(li_na)).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(Url(li_na), {{"purpose", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(Url(li_na) + "/status", {{"status", "returning"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(Url(li_na) + "/position", {{"location", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(Url(li_na) + "/assistance", {{"party", "office"}, {"note", "X"}}).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/trips", {{"person_id", li_na_person}, {"purpose", "X"},
                                           {"countries", array{"IT"}}, {"depart_on", "2020-04-10"},
                                           {"return_on", "2020-04-15"}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(server_.Count("trip_events"), events_before);
  EXPECT_EQ(server_.Count("audit_log"), audit_before);
}

}  // namespace
}  // namespace tongxin::testing
