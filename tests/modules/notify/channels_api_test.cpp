// Message channels through the real parts: an administrator sets up WeCom, DingTalk and SMS
// channels over HTTP; notifications are relayed to a real local HTTP listener standing in
// for the robots and the gateway, once per event for a group and once per recipient for
// SMS, within each channel's rate limit, retried after a refusal with the error visible
// to the administrator, never posted twice; the gateway reports delivery; quiet hours hold
// email and SMS but not alerts; bad input is refused naming the field, writing nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "modules/notify/notify_repo.hpp"
#include "storage/query.hpp"
#include "support/http_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

constexpr const char* kStart = "2026-03-02T01:30:00Z";  // 09:30 in Shanghai

class ChannelsApiTest : public ::testing::Test {
 protected:
  // Queues a notification of `kind` for event `key` to the demo account `username`.
  void Queue(const std::string& username, const std::string& kind, const std::string& key) {
    auto& app = server_.app();
    auto st = app.db().InTransaction([&](soci::session& sql) -> core::Status {
      auto id = storage::Query("SELECT id FROM users WHERE username = :u").Bind("u", username).Scalar(sql);
      auto to = app.notify().ForUser(sql, id);
      if (!to) return core::NotFound("no such user");
      app.notify().Queue(sql, *to, kind, key, [&](core::Lang lang) {
        return lang == core::Lang::kEn ? notify::Message{"Fever alert " + key, "Body " + key}
                                       : notify::Message{"体温异常 " + key, "内容 " + key};
      }, "/health/alerts");
      return {};
    });
    ASSERT_TRUE(st) << st.error().reason;
  }
  notify::SendReport Send() {
    auto r = server_.app().channels().SendDue();
    EXPECT_TRUE(r) << (r ? "" : r.error().reason);
    return r ? *r : notify::SendReport{};
  }
  std::int64_t AddChannel(const boost::json::object& body) {
    auto r = admin_->Post("/api/v1/admin/channels", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json().at("id").as_int64() : 0;
  }
  // The channel of this id as the administrators' list shows it (the demo has stopped ones).
  boost::json::object Listed(std::int64_t id) {
    auto list = admin_->Get("/api/v1/admin/channels").Json();
    for (const auto& item : list.at("items").as_array()) {
      if (item.at("id").as_int64() == id) return item.as_object();
    }
    ADD_FAILURE() << "channel " << id << " not listed";
    return {};
  }
  std::int64_t Rows(const std::string& where) {
    auto r = server_.app().db().WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
      return storage::Query("SELECT COUNT(*) FROM notifications WHERE " + where).Scalar(sql);
    });
    return r ? *r : -1;
  }

  HttpListener hook_;
  TestServer server_{{.start_time = kStart}};
  std::unique_ptr<HttpClient> admin_ = server_.As("admin");
};

TEST_F(ChannelsApiTest, AGroupRobotGetsOnePostPerEventWithinItsRateAndNeverTwice) {
  const auto id = AddChannel({{"kind", "wecom"}, {"name", "防控办工作群"}, {"url", hook_.url("/cgi-bin/webhook/send?key=k1")},
                              {"kinds", {"alert"}}, {"rate_per_minute", 2}});
  ASSERT_GT(id, 0);
  for (const char* key : {"a1", "a2", "a3"}) {
    Queue("office", "alert", key);
    Queue("admin", "alert", key);  // the same event told to someone else: still one post
  }
  Queue("office", "reminder", "r1");  // a kind the group does not take
  EXPECT_EQ(Rows("channel = 'wecom'"), 3);
  auto first = Send();
  EXPECT_EQ(first.sent, 2);  // two a minute
  ASSERT_EQ(hook_.Requests().size(), 2u);
  const auto req = hook_.Requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/cgi-bin/webhook/send?key=k1");
  auto payload = boost::json::parse(req.body).as_object();
  EXPECT_EQ(payload.at("msgtype").as_string(), "text");
  const std::string content(payload.at("text").at("content").as_string());
  EXPECT_NE(content.find("体温异常 a1"), std::string::npos) << content;  // the group's language
  EXPECT_NE(content.find("/health/alerts"), std::string::npos) << content;
  server_.clock().Advance(std::chrono::seconds(61));
  EXPECT_EQ(Send().sent, 1);
  Send();
  server_.clock().Advance(std::chrono::seconds(61));
  Send();
  EXPECT_EQ(hook_.Requests().size(), 3u);
  const auto item = Listed(id);
  EXPECT_EQ(item.at("sent").as_int64(), 3);
  EXPECT_EQ(item.at("pending").as_int64(), 0);
  EXPECT_FALSE(item.at("has_secret").as_bool());
}

TEST_F(ChannelsApiTest, ARefusalIsRetriedWithItsErrorShownAndDingTalkPostsAreSigned) {
  const auto id = AddChannel({{"kind", "dingtalk"}, {"name", "Foreign staff group"}, {"lang", "en"},
                              {"url", hook_.url("/robot/send?access_token=t")}, {"secret", "SECabc"},
                              {"kinds", {"alert", "test"}}});
  ASSERT_GT(id, 0);
  hook_.ReplyNext(1, {200, R"({"errcode":310000,"errmsg":"keywords not in content"})"});
  Queue("office", "alert", "d1");
  auto r = Send();
  EXPECT_EQ(r.retried, 1);
  auto outbox = admin_->Get("/api/v1/admin/outbox?channel=dingtalk").Json();
  ASSERT_EQ(outbox.at("total").as_int64(), 1);
  const auto& row = outbox.at("items").as_array()[0];
  EXPECT_EQ(row.at("status").as_string(), "pending");
  EXPECT_NE(std::string(row.at("last_error").as_string()).find("310000"), std::string::npos);
  EXPECT_EQ(row.at("address").as_string(), "Foreign staff group");
  Send();  // not due yet
  EXPECT_EQ(hook_.Requests().size(), 1u);
  server_.clock().Advance(std::chrono::seconds(61));
  EXPECT_EQ(Send().sent, 1);
  ASSERT_EQ(hook_.Requests().size(), 2u);
  const auto sent = hook_.Requests()[1];
  EXPECT_NE(sent.target.find("&timestamp="), std::string::npos) << sent.target;
  EXPECT_NE(sent.target.find("&sign="), std::string::npos) << sent.target;
  const std::string content(boost::json::parse(sent.body).at("text").at("content").as_string());
  EXPECT_NE(content.find("Fever alert d1"), std::string::npos) << content;
  // A test message through the API, and a robot that never answers 2xx ends as failed,
  // shown to the administrator, who can send it again.
  hook_.SetDefault({500, "down"});
  auto test = admin_->Post("/api/v1/admin/channels/" + std::to_string(id) + "/test", boost::json::object{});
  ASSERT_EQ(test.status, 202) << test.body;
  const auto row_id = test.Json().at("notification_id").as_int64();
  for (int i = 0; i < 6; ++i) {
    Send();
    server_.clock().Advance(std::chrono::hours(1));
    admin_ = server_.As("admin");
  }
  auto failed = admin_->Get("/api/v1/admin/outbox?status=failed").Json();
  ASSERT_EQ(failed.at("total").as_int64(), 1);
  EXPECT_NE(std::string(failed.at("items").as_array()[0].at("last_error").as_string()).find("HTTP 500"),
            std::string::npos);
  hook_.SetDefault({});
  auto again = admin_->Post("/api/v1/admin/outbox/" + std::to_string(row_id) + "/requeue", boost::json::object{});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Send().sent, 1);
  auto audit = admin_->Get("/api/v1/audit?entity=message_channel&entity_id=" + std::to_string(id)).Json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);  // created, tested
}

TEST_F(ChannelsApiTest, SmsGoesToEachPhoneInTheirLanguageAndTheGatewayReportsDelivery) {
  const auto id = AddChannel({{"kind", "sms"}, {"name", "校园短信平台"}, {"url", hook_.url("/sms/send")},
                              {"secret", "gw-key"}, {"kinds", {"alert"}},
                              {"template_zh", "【同心】{subject}"}, {"template_en", "[Tongxin] {subject} {link}"}});
  ASSERT_GT(id, 0);
  auto st = server_.app().db().InTransaction([&](soci::session& sql) -> core::Status {
    storage::Query("UPDATE people SET phone = '13800138000' WHERE id = (SELECT person_id FROM users "
                   "WHERE username = 'foreign')").Exec(sql);
    return {};
  });
  ASSERT_TRUE(st);
  hook_.SetDefault({200, R"({"id":"gw-1001"})"});
  Queue("foreign", "alert", "s1");
  Queue("foreign", "alert", "s1");
  EXPECT_EQ(Rows("channel = 'sms'"), 1);
  EXPECT_EQ(Send().sent, 1);
  ASSERT_EQ(hook_.Requests().size(), 1u);
  const auto req = hook_.Requests()[0];
  EXPECT_EQ(req.headers.at("authorization"), "Bearer gw-key");
  auto body = boost::json::parse(req.body).as_object();
  EXPECT_EQ(body.at("to").as_string(), "13800138000");
  EXPECT_EQ(std::string(body.at("text").as_string()).rfind("[Tongxin] Fever alert s1 http://", 0), 0u)
      << body.at("text");
  const std::string ref(body.at("ref").as_string());
  const std::string callback(body.at("callback_url").as_string());
  const std::string path = callback.substr(callback.find("/api/"));
  auto gateway = server_.Anonymous();
  const std::string wrong = path.substr(0, path.find("token=") + 6) + "nope";
  EXPECT_EQ(gateway->Post(wrong, boost::json::object{{"ref", ref}, {"status", "delivered"}}).status, 403);
  EXPECT_EQ(gateway->Post(path, boost::json::object{{"ref", "n999999"}, {"status", "delivered"}}).status, 404);
  auto bad = gateway->Post(path, boost::json::object{{"ref", ref}, {"status", "lost"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "status");
  auto ok = gateway->Post(path, boost::json::object{{"id", "gw-1001"}, {"status", "delivered"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto outbox = admin_->Get("/api/v1/admin/outbox?channel=sms").Json();
  const auto& row = outbox.at("items").as_array()[0];
  EXPECT_EQ(row.at("delivery").as_string(), "delivered");
  EXPECT_EQ(row.at("address").as_string(), "138****8000");
  // The list shows where the gateway calls back, never the secret.
  const auto item = Listed(id);
  EXPECT_TRUE(item.at("has_secret").as_bool());
  EXPECT_FALSE(item.contains("secret"));
  EXPECT_NE(std::string(item.at("callback_url").as_string()).find("/api/v1/hooks/sms/"), std::string::npos);
}

TEST_F(ChannelsApiTest, QuietHoursHoldEmailAndSmsButNotAlerts) {
  AddChannel({{"kind", "sms"}, {"name", "SMS"}, {"url", hook_.url("/sms")}, {"kinds", {"alert", "reminder"}},
              {"template_zh", "{subject}"}});
  auto st = server_.app().db().InTransaction([&](soci::session& sql) -> core::Status {
    storage::Query("UPDATE people SET phone = '13900139000' WHERE id = (SELECT person_id FROM users "
                   "WHERE username = 'foreign')").Exec(sql);
    return {};
  });
  ASSERT_TRUE(st);
  auto foreign = server_.As("foreign");
  auto bad = foreign->Put("/api/v1/notices/quiet-hours", boost::json::object{{"quiet_from", "25:00"}, {"quiet_to", "07:00"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "quiet_from");
  auto half = foreign->Put("/api/v1/notices/quiet-hours", boost::json::object{{"quiet_from", "22:00"}});
  EXPECT_EQ(half.status, 400);
  EXPECT_EQ(half.ErrorField(), "quiet_to");
  // 09:30 in Shanghai: quiet from 09:00 until 12:00.
  auto set = foreign->Put("/api/v1/notices/quiet-hours", boost::json::object{{"quiet_from", "09:00"}, {"quiet_to", "12:00"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(foreign->Get("/api/v1/notices/quiet-hours").Json().at("quiet_to").as_string(), "12:00");
  Queue("foreign", "reminder", "q1");
  Queue("foreign", "alert", "q2");
  EXPECT_EQ(Send().sent, 1);  // the alert
  ASSERT_EQ(hook_.Requests().size(), 1u);
  EXPECT_NE(hook_.Requests()[0].body.find("q2"), std::string::npos);
  EXPECT_EQ(Rows("channel = 'sms' AND next_attempt_at = '2026-03-02T04:00:00Z'"), 1);
  server_.clock().Set("2026-03-02T04:00:01Z");
  EXPECT_EQ(Send().sent, 1);
  EXPECT_EQ(hook_.Requests().size(), 2u);
  // In-app notices are not held.
  EXPECT_EQ(Rows("channel = 'inapp' AND dedup_key LIKE 'q1:%'"), 1);
}

TEST_F(ChannelsApiTest, BadChannelsAreRefusedNamingTheFieldAndWriteNothing) {
  const auto before = server_.Count("message_channels");
  const std::string self = server_.base() + "/api/v1/hooks/sms/1/status";
  struct Case {
    boost::json::object body;
    const char* field;
    const char* code;
  };
  const Case cases[] = {
      {{{"kind", "wecom"}, {"name", "g"}, {"url", "ftp://example.org/x"}, {"kinds", {"alert"}}}, "url",
       "notify.url_not_http"},
      {{{"kind", "wecom"}, {"name", "g"}, {"url", self}, {"kinds", {"alert"}}}, "url", "notify.url_is_self"},
      {{{"kind", "sms"}, {"name", "g"}, {"url", hook_.url()}, {"kinds", {"alert"}}, {"template_en", "{city_cases}"}},
       "template_en", "notify.unknown_placeholder"},
      {{{"kind", "fax"}, {"name", "g"}, {"url", hook_.url()}, {"kinds", {"alert"}}}, "kind", ""},
      {{{"kind", "wecom"}, {"name", "g"}, {"url", hook_.url()}, {"kinds", {"alert"}}, {"rate_per_minute", 0}},
       "rate_per_minute", ""},
  };
  for (const auto& c : cases) {
    auto r = admin_->Post("/api/v1/admin/channels", c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.ErrorField(), c.field) << r.body;
    if (*c.code) EXPECT_NE(r.body.find(c.code), std::string::npos) << r.body;
  }
  admin_->SetLanguage("zh-CN");
  auto zh = admin_->Post("/api/v1/admin/channels", cases[1].body);
  EXPECT_NE(zh.body.find("不能指向本系统自身"), std::string::npos) << zh.body;
  EXPECT_EQ(server_.Count("message_channels"), before);
  // Only administrators set channels up; an unknown id is a 404.
  auto office = server_.As("office");
  EXPECT_EQ(office->Get("/api/v1/admin/channels").status, 403);
  EXPECT_EQ(office->Post("/api/v1/admin/channels", cases[0].body).status, 403);
  EXPECT_EQ(admin_->Patch("/api/v1/admin/channels/999999", boost::json::object{{"active", false}}).status, 404);
  EXPECT_EQ(admin_->Post("/api/v1/admin/channels/999999/test", boost::json::object{}).status, 404);
  // An inactive channel relays nothing.
  const auto id = AddChannel({{"kind", "wecom"}, {"name", "g"}, {"url", hook_.url()}, {"kinds", {"alert"}}});
  auto off = admin_->Patch("/api/v1/admin/channels/" + std::to_string(id), boost::json::object{{"active", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  Queue("office", "alert", "x1");
  EXPECT_EQ(Rows("channel = 'wecom'"), 0);
}

}  // namespace
}  // namespace tongxin::testing
