// Message channels' pure parts: request checks (not http, pointing at the server itself, a
// placeholder with no data), templates, DingTalk's signature, quiet hours across midnight,
// and reading a robot's reply.
#include "modules/notify/channel.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/clock.hpp"

namespace tongxin::notify {
namespace {

core::Result<Channel> Make(const std::string& json, SelfAddress self = {8080, "", 0}) {
  auto in = ParseChannelInput(boost::json::parse(json).as_object(), true);
  if (!in) return in.error();
  return ApplyInput(Channel{}, *in, self);
}

std::string FieldOf(const core::Error& e) { return e.fields.empty() ? e.details.at("field") : e.fields[0].field; }
std::string ReasonOf(const core::Error& e) { return e.fields.empty() ? e.reason : e.fields[0].reason; }

TEST(ChannelTest, AddressesMustBeHttpAndNotTheServerItself) {
  auto ok = Make(R"({"kind":"wecom","name":"Office group","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k","kinds":["alert"]})");
  ASSERT_TRUE(ok) << ok.error().reason;
  EXPECT_TRUE(ok->Relays("alert"));
  EXPECT_FALSE(ok->Relays("reminder"));
  for (const char* url : {"ftp://example.org/x", "javascript:alert(1)", "not a url", "http://"}) {
    auto bad = Make(std::string(R"({"kind":"wecom","name":"g","kinds":[],"url":")") + url + "\"}");
    ASSERT_FALSE(bad) << url;
    EXPECT_EQ(FieldOf(bad.error()), "url") << url;
    EXPECT_EQ(ReasonOf(bad.error()), "notify.url_not_http") << url;
  }
  for (const char* url : {"http://127.0.0.1:8080/api/v1/hooks", "http://localhost:8080/x", "http://[::1]:8080/"}) {
    auto self = Make(std::string(R"({"kind":"dingtalk","name":"g","kinds":[],"url":")") + url + "\"}");
    ASSERT_FALSE(self) << url;
    EXPECT_EQ(ReasonOf(self.error()), "notify.url_is_self") << url;
  }
  // Another port on this machine is someone else (a local gateway).
  EXPECT_TRUE(Make(R"({"kind":"dingtalk","name":"g","kinds":[],"url":"http://127.0.0.1:9000/send"})"));
  auto public_self = Make(R"({"kind":"wecom","name":"g","kinds":[],"url":"https://tongxin.example.edu/x"})",
                          SelfOf("https://tongxin.example.edu", 8080));
  ASSERT_FALSE(public_self);
  EXPECT_EQ(ReasonOf(public_self.error()), "notify.url_is_self");
}

TEST(ChannelTest, TemplatesNameOnlyFieldsThatHaveData) {
  auto bad = Make(R"({"kind":"sms","name":"SMS","url":"https://sms.example.org/send","kinds":["alert"],
                      "template_zh":"【同心】{subject}：{city_cases}"})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(FieldOf(bad.error()), "template_zh");
  EXPECT_EQ(ReasonOf(bad.error()), "notify.unknown_placeholder");
  auto none = Make(R"({"kind":"sms","name":"SMS","url":"https://sms.example.org/send","kinds":["alert"]})");
  ASSERT_FALSE(none);
  EXPECT_EQ(ReasonOf(none.error()), "notify.template_needed");
  auto kinds = Make(R"({"kind":"wecom","name":"g","url":"https://example.org/h","kinds":["alert","gossip"]})");
  ASSERT_FALSE(kinds);
  EXPECT_EQ(FieldOf(kinds.error()), "kinds[1]");
  EXPECT_EQ(RenderTemplate("【同心】{subject} {link}", "体温异常", "b", "http://x/y"), "【同心】体温异常 http://x/y");
  EXPECT_EQ(RenderTemplate("{body}{body}{", "s", "b", ""), "bb{");
}

TEST(ChannelTest, DingTalkPostsAreSignedWithTheSecret) {
  Channel c;
  c.kind = "dingtalk";
  c.url = "https://oapi.dingtalk.com/robot/send?access_token=t";
  c.secret = "SEC123";
  const core::TimePoint now = *core::ParseIso("2026-03-02T01:30:00Z");
  auto out = GroupPost(c, "Fever alert", "Body", "http://x/health", now);
  const std::string ms = "1772415000000";
  EXPECT_NE(out.url.find("&timestamp=" + ms + "&sign="), std::string::npos) << out.url;
  // The signature is base64 of a 32-byte HMAC, percent-encoded in the URL.
  const std::string sign = DingTalkSign("SEC123", 1772415000000);
  EXPECT_EQ(sign.size(), 44u);
  EXPECT_NE(sign, DingTalkSign("other", 1772415000000));
  auto body = boost::json::parse(out.body).as_object();
  EXPECT_EQ(body.at("msgtype").as_string(), "text");
  EXPECT_EQ(body.at("text").at("content").as_string(), "Fever alert\nBody\nhttp://x/health");
}

TEST(ChannelTest, QuietHoursMayRunPastMidnight) {
  const std::string tz = "Asia/Shanghai";
  // 23:30 in Shanghai = 15:30Z: quiet 22:00-07:00 ends at 07:00 next morning = 23:00Z.
  auto end = QuietEnd("22:00", "07:00", *core::ParseIso("2026-03-02T15:30:00Z"), tz);
  ASSERT_TRUE(end);
  EXPECT_EQ(core::FormatIso(*end), "2026-03-02T23:00:00Z");
  // 06:00 the next morning (22:00Z): still quiet, until 07:00.
  end = QuietEnd("22:00", "07:00", *core::ParseIso("2026-03-02T22:00:00Z"), tz);
  ASSERT_TRUE(end);
  EXPECT_EQ(core::FormatIso(*end), "2026-03-02T23:00:00Z");
  EXPECT_FALSE(QuietEnd("22:00", "07:00", *core::ParseIso("2026-03-02T04:00:00Z"), tz));  // noon
  EXPECT_FALSE(QuietEnd("", "", *core::ParseIso("2026-03-02T15:30:00Z"), tz));
  end = QuietEnd("12:00", "14:00", *core::ParseIso("2026-03-02T04:30:00Z"), tz);  // 12:30 local
  ASSERT_TRUE(end);
  EXPECT_EQ(core::FormatIso(*end), "2026-03-02T06:00:00Z");
  EXPECT_FALSE(ParseClock("24:00"));
  EXPECT_FALSE(ParseClock("7:00"));
  EXPECT_EQ(ParseClock("07:05"), 425);
}

TEST(ChannelTest, ARobotThatRefusesIsAFailure) {
  Channel robot;
  robot.kind = "wecom";
  EXPECT_TRUE(ReadReply(robot, 200, R"({"errcode":0,"errmsg":"ok"})"));
  auto refused = ReadReply(robot, 200, R"({"errcode":93000,"errmsg":"invalid webhook url"})");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().details.at("reason").find("93000"), std::string::npos);
  EXPECT_FALSE(ReadReply(robot, 502, "bad gateway"));
  EXPECT_FALSE(ReadReply(robot, 200, "<html>"));
  Channel sms;
  sms.kind = "sms";
  auto id = ReadReply(sms, 200, R"({"id":"gw-77"})");
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, "gw-77");
  EXPECT_FALSE(ReadReply(sms, 429, "slow down"));
}

}  // namespace
}  // namespace tongxin::notify
