// Duty shifts through the API, on SQLite and on PostgreSQL: community staff set up a post
// and a week of shifts; the demo volunteer (吴倩, deployed there) signs herself up; a clash
// with another shift is a 409 naming it, as are a full shift and one needing a skill she
// lacks; the week's roster shows who is on and what is unfilled; her hours count once a
// shift has ended; her calendar feed lists her shifts in the office's time zone and stops
// working when revoked; bad input is named by field; ids outside the caller's scope are
// refused.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class ShiftsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = server_.As("admin");
    staff_ = server_.As("community");
    volunteer_ = server_.As("volunteer");
    office_ = server_.As("office");
    community_ = server_.UnitId("COMM");
    wu_ = admin_->Get("/api/v1/people?q=吴倩").Json().at("items").as_array()[0].at("id").as_int64();
  }
  std::int64_t PersonId(const std::string& q) {
    return admin_->Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  // A post with shifts on 2020-02-10 and 11 (the server's today is 2020-02-05).
  std::int64_t Post(const std::string& name, const array& times, int capacity = 2, const std::string& skill = "") {
    auto post = staff_->Post("/api/v1/community/posts", {{"community_id", community_}, {"kind", "gate"}, {"name", name}});
    EXPECT_EQ(post.status, 201) << post.body;
    const std::int64_t id = post.Json().at("id").as_int64();
    object body{{"from", "2020-02-10"}, {"to", "2020-02-11"}, {"times", times}, {"capacity", capacity}};
    if (!skill.empty()) body["skill"] = skill;
    auto made = staff_->Post("/api/v1/community/posts/" + std::to_string(id) + "/shifts", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return id;
  }
  boost::json::array Roster(std::int64_t post) {
    auto r = staff_->Get("/api/v1/community/shifts?post_id=" + std::to_string(post) + "&from=2020-02-10").Json();
    return r.at("items").as_array();
  }

  TestServer server_{ServerOptions{.start_time = "2020-02-05T02:00:00Z"}};
  std::unique_ptr<HttpClient> admin_, staff_, volunteer_, office_;
  std::int64_t community_ = 0, wu_ = 0;
};

TEST_F(ShiftsApiTest, VolunteersSignThemselvesUpWithoutDoubleBooking) {
  const std::int64_t gate = Post("西院大门", array{object{{"start", "08:00"}, {"end", "12:00"}},
                                                  object{{"start", "12:00"}, {"end", "18:00"}}});
  const std::int64_t desk = Post("西院登记点", array{object{{"start", "10:00"}, {"end", "14:00"}}}, 1);
  const std::int64_t clinic = Post("西院测温点", array{object{{"start", "15:00"}, {"end", "17:00"}}}, 1, "medical");
  auto shifts = Roster(gate);
  ASSERT_EQ(shifts.size(), 4u);  // two days, two shifts a day
  EXPECT_EQ(shifts[0].at("day").as_string(), "2020-02-10");
  EXPECT_EQ(shifts[0].at("start").as_string(), "08:00");
  EXPECT_EQ(shifts[0].at("starts_at").as_string(), "2020-02-10T00:00:00Z");  // Asia/Shanghai
  EXPECT_TRUE(shifts[0].at("unfilled").as_bool());
  const std::int64_t morning = shifts[0].at("id").as_int64();
  const std::int64_t afternoon = shifts[1].at("id").as_int64();

  // She signs up for the morning; the 10:00 desk shift overlaps it.
  auto mine = volunteer_->Post("/api/v1/community/shifts/" + std::to_string(morning) + "/signups", object{});
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.Json().at("taken").as_int64(), 1);
  EXPECT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(morning) + "/signups", object{}).ErrorCode(),
            "community.already_signed_up");
  const std::int64_t desk_shift = Roster(desk)[0].at("id").as_int64();
  volunteer_->SetLanguage("zh-CN");
  auto clash = volunteer_->Post("/api/v1/community/shifts/" + std::to_string(desk_shift) + "/signups", object{});
  EXPECT_EQ(clash.status, 409);
  EXPECT_EQ(clash.ErrorCode(), "community.shift_clash");
  EXPECT_NE(clash.body.find("西院大门"), std::string::npos) << clash.body;
  EXPECT_NE(clash.body.find("2020-02-10 08:00"), std::string::npos) << clash.body;
  // Back to back is no clash.
  EXPECT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(afternoon) + "/signups", object{}).status, 201);
  // A skill she lacks; a full shift.
  const std::int64_t clinic_shift = Roster(clinic)[1].at("id").as_int64();  // the 11th
  EXPECT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(clinic_shift) + "/signups", object{})
                .ErrorCode(),
            "community.skill_needed");
  const std::int64_t desk_11 = Roster(desk)[1].at("id").as_int64();
  ASSERT_EQ(staff_->Post("/api/v1/community/shifts/" + std::to_string(desk_11) + "/signups",
                         {{"person_id", PersonId("黄磊")}})
                .status,
            201);
  auto full = volunteer_->Post("/api/v1/community/shifts/" + std::to_string(desk_11) + "/signups", object{});
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(full.ErrorCode(), "community.shift_full");
  // Someone not deployed there.
  auto outsider = staff_->Post("/api/v1/community/shifts/" + std::to_string(morning) + "/signups",
                               {{"person_id", PersonId("王芳")}});
  EXPECT_EQ(outsider.status, 400);
  EXPECT_EQ(outsider.ErrorField(), "person_id");

  // The roster: who is on, what is unfilled, mine marked.
  const auto roster = volunteer_->Get("/api/v1/community/shifts?post_id=" + std::to_string(gate) + "&from=2020-02-10")
                          .Json();
  const auto& first = roster.at("items").as_array()[0].as_object();
  EXPECT_TRUE(first.at("mine").as_bool());
  EXPECT_EQ(first.at("people").as_array()[0].at("name").as_string(), "吴倩");
  EXPECT_TRUE(first.at("unfilled").as_bool());  // one of two places taken
  EXPECT_EQ(volunteer_->Get("/api/v1/community/shifts/mine").Json().at("items").as_array().size(), 2u);

  // She drops the afternoon; a shift with people on it cannot be removed.
  EXPECT_EQ(volunteer_->Delete("/api/v1/community/shifts/" + std::to_string(afternoon) + "/signups/" +
                               std::to_string(wu_))
                .status,
            204);
  EXPECT_EQ(staff_->Delete("/api/v1/community/shifts/" + std::to_string(morning)).ErrorCode(),
            "community.shift_has_signups");
  EXPECT_EQ(staff_->Delete("/api/v1/community/shifts/" + std::to_string(afternoon)).status, 204);

  // Once the morning has passed it counts: four hours; it can no longer be dropped.
  server_.clock().Advance(std::chrono::hours(24 * 5 + 6));  // 2020-02-10 16:00 in Wuhan
  volunteer_ = server_.As("volunteer");  // sessions do not last five days
  staff_ = server_.As("community");
  admin_ = server_.As("admin");
  auto me = staff_->Get("/api/v1/community/volunteers/" + std::to_string(wu_)).Json();
  EXPECT_DOUBLE_EQ(me.at("hours_served").as_double(), 4.0);
  EXPECT_EQ(volunteer_->Delete("/api/v1/community/shifts/" + std::to_string(morning) + "/signups/" +
                               std::to_string(wu_))
                .ErrorCode(),
            "community.shift_started");
  // Every sign-up and its removal is audited.
  EXPECT_GE(admin_->Get("/api/v1/audit?entity=shift_signup").Json().at("total").as_int64(), 4);
}

TEST_F(ShiftsApiTest, TheCalendarFeedListsHerShiftsUntilRevoked) {
  const std::int64_t gate = Post("西院大门", array{object{{"start", "08:00"}, {"end", "12:00"}}});
  const std::int64_t morning = Roster(gate)[0].at("id").as_int64();
  ASSERT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(morning) + "/signups", object{}).status, 201);
  const std::string cal = "/api/v1/community/volunteers/" + std::to_string(wu_) + "/calendar";
  auto feed = volunteer_->Post(cal, object{});
  ASSERT_EQ(feed.status, 201) << feed.body;
  const std::string path(feed.Json().at("path").as_string());
  auto anyone = server_.Anonymous();
  auto ics = anyone->Get(path);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.Header("content-type").rfind("text/calendar", 0), 0u);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.body.find("TZID:Asia/Shanghai\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART;TZID=Asia/Shanghai:20200210T080000\r\n"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("DTEND;TZID=Asia/Shanghai:20200210T120000\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("西院大门"), std::string::npos);
  // Someone else's feed is not hers to make; a new address replaces the old; revoked, it is gone.
  EXPECT_EQ(volunteer_->Post("/api/v1/community/volunteers/" + std::to_string(PersonId("黄磊")) + "/calendar", object{})
                .status,
            403);
  auto again = volunteer_->Post(cal, object{});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(anyone->Get(path).status, 404);
  const std::string second(again.Json().at("path").as_string());
  EXPECT_EQ(anyone->Get(second).status, 200);
  EXPECT_EQ(volunteer_->Delete(cal).status, 204);
  EXPECT_EQ(anyone->Get(second).status, 404);
  EXPECT_EQ(anyone->Get("/api/v1/public/calendar/nonsense.ics").status, 404);
}

TEST_F(ShiftsApiTest, BadInputIsNamedAndOutOfScopeIdsAreRefused) {
  const std::int64_t gate = Post("西院大门", array{object{{"start", "08:00"}, {"end", "12:00"}}});
  const std::string shifts = "/api/v1/community/posts/" + std::to_string(gate) + "/shifts";
  const auto before = server_.Count("duty_shifts");
  auto field = [](const HttpResponse& r) { return r.status == 400 ? r.ErrorField() : std::to_string(r.status); };
  EXPECT_EQ(field(staff_->Post(shifts, {{"from", "2020-02-12"}, {"times", array{object{{"start", "18:00"}, {"end", "08:00"}}}}})),
            "times[0].end");
  EXPECT_EQ(field(staff_->Post(shifts, {{"from", "2020-02-12"}, {"times", array{object{{"start", "8am"}, {"end", "12:00"}}}}})),
            "times[0].start");
  EXPECT_EQ(field(staff_->Post(shifts, {{"from", "2020-02-12"}, {"times", array{}}})), "times");
  EXPECT_EQ(field(staff_->Post(shifts, {{"from", "2020-02-12"}, {"to", "2020-02-11"},
                                        {"times", array{object{{"start", "08:00"}, {"end", "12:00"}}}}})),
            "to");
  EXPECT_EQ(field(staff_->Post(shifts, {{"from", "2020-02-12"}, {"capacity", 0},
                                        {"times", array{object{{"start", "08:00"}, {"end", "12:00"}}}}})),
            "capacity");
  EXPECT_EQ(server_.Count("duty_shifts"), before);
  EXPECT_EQ(field(staff_->Post("/api/v1/community/posts", {{"community_id", community_}, {"kind", "tower"}, {"name", "x"}})),
            "kind");
  EXPECT_EQ(field(staff_->Post("/api/v1/community/posts", {{"community_id", server_.UnitId("COMM-A-1")},
                                                           {"kind", "gate"}, {"name", "x"}})),
            "community_id");

  // The office's units are not the community's.
  EXPECT_EQ(office_->Post("/api/v1/community/posts", {{"community_id", community_}, {"kind", "gate"}, {"name", "x"}})
                .status,
            403);
  EXPECT_EQ(office_->Patch("/api/v1/community/posts/" + std::to_string(gate), {{"name", "x"}}).status, 403);
  EXPECT_EQ(office_->Post(shifts, {{"from", "2020-02-12"}, {"times", array{object{{"start", "08:00"}, {"end", "12:00"}}}}})
                .status,
            403);
  const std::int64_t shift = Roster(gate)[0].at("id").as_int64();
  EXPECT_EQ(office_->Get("/api/v1/community/shifts?post_id=" + std::to_string(gate)).status, 403);
  EXPECT_EQ(office_->Delete("/api/v1/community/shifts/" + std::to_string(shift)).status, 403);
  EXPECT_EQ(office_->Post("/api/v1/community/shifts/" + std::to_string(shift) + "/signups",
                          {{"person_id", PersonId("黄磊")}})
                .status,
            403);
  ASSERT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(shift) + "/signups", object{}).status, 201);
  EXPECT_EQ(office_->Delete("/api/v1/community/shifts/" + std::to_string(shift) + "/signups/" + std::to_string(wu_))
                .status,
            403);
  // A volunteer takes no one else off a shift, and signs no one else up.
  EXPECT_EQ(volunteer_->Post("/api/v1/community/shifts/" + std::to_string(shift) + "/signups",
                             {{"person_id", PersonId("黄磊")}})
                .status,
            403);
  // Someone who is not a volunteer has no shifts to take.
  EXPECT_EQ(server_.As("foreign")->Post("/api/v1/community/shifts/" + std::to_string(shift) + "/signups", object{})
                .ErrorCode(),
            "community.not_a_volunteer");
  EXPECT_EQ(staff_->Post("/api/v1/community/shifts/999999/signups", {{"person_id", wu_}}).status, 404);
  EXPECT_EQ(staff_->Patch("/api/v1/community/posts/999999", {{"name", "x"}}).status, 404);
}

}  // namespace
}  // namespace tongxin::testing
