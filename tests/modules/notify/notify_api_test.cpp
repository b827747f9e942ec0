// The outbox through the real parts: email delivered to a real SMTP listener, retried
// with back-off after a refusal, given up after the last attempt, sent again by an
// administrator, never sent twice; in-app notices read and marked over HTTP.
#include <gtest/gtest.h>

#include "modules/notify/notify_repo.hpp"
#include "storage/query.hpp"
#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

constexpr const char* kStart = "2026-03-02T01:30:00Z";

class NotifyApiTest : public ::testing::Test {
 protected:
  // Queues one notification for the demo user `username` (in-app) and `email`.
  void Queue(const std::string& username, const std::string& key, const std::string& email) {
    auto& app = server_.app();
    auto st = app.db().InTransaction([&](soci::session& sql) -> core::Status {
      auto id = storage::Query("SELECT id FROM users WHERE username = :u").Bind("u", username).Scalar(sql);
      notify::Recipient to;
      to.user_id = id;
      to.email = email;
      to.lang = core::Lang::kEn;
      app.notify().Queue(sql, to, "test", key,
                         [&](core::Lang) { return notify::Message{"Subject " + key, "Body of " + key}; }, "/me");
      return {};
    });
    ASSERT_TRUE(st) << st.error().reason;
  }
  void Send() {
    auto r = server_.app().notify().SendDue();
    ASSERT_TRUE(r) << r.error().reason << " " << r.error().log;
  }
  // "status/attempts" of the email queued for the demo user `foreign` under event `event`.
  std::string Status(const std::string& event) {
    auto r = server_.app().db().WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
      auto uid = storage::Query("SELECT id FROM users WHERE username = 'foreign'").Scalar(sql);
      return storage::Query("SELECT id FROM notifications WHERE dedup_key = :k")
          .Bind("k", event + ":u" + std::to_string(uid) + ":email")
          .Scalar(sql);
    });
    if (!r) return "not queued: " + r.error().reason;
    auto n = server_.app().db().WithSession([&](soci::session& sql) -> core::Result<notify::Notification> {
      auto found = notify::repo::FindNotification(sql, *r);
      if (!found) return core::NotFound("notify.not_found");
      return *found;
    });
    if (!n) return "not found";
    return n->status + "/" + std::to_string(n->attempts);
  }

  SmtpListener smtp_;
  TestServer server_{{.start_time = kStart, .smtp_url = smtp_.url()}};
};

TEST_F(NotifyApiTest, EmailIsDeliveredOnceAndQueuedOnce) {
  Queue("foreign", "ev1", "oliver@example.org");
  Queue("foreign", "ev1", "oliver@example.org");  // the same event again: nothing new
  EXPECT_EQ(server_.Count("notifications"), 2);  // one in-app, one email
  Send();
  ASSERT_EQ(smtp_.Messages().size(), 1u);
  EXPECT_EQ(smtp_.Messages()[0].to[0], "<oliver@example.org>");
  EXPECT_EQ(smtp_.Messages()[0].Subject(), "Subject ev1");
  EXPECT_EQ(smtp_.Messages()[0].Body(), "Body of ev1");
  EXPECT_EQ(Status("ev1"), "sent/1");
  Send();
  Send();
  EXPECT_EQ(smtp_.Messages().size(), 1u);
}

TEST_F(NotifyApiTest, RefusedEmailIsRetriedWithBackOffThenDelivered) {
  Queue("foreign", "ev2", "oliver@example.org");
  smtp_.FailNext(1);
  Send();
  EXPECT_EQ(smtp_.refused(), 1);
  EXPECT_EQ(Status("ev2"), "pending/1");
  Send();  // not due yet: the first retry waits a minute
  EXPECT_EQ(smtp_.refused(), 1);
  EXPECT_TRUE(smtp_.Messages().empty());
  server_.clock().Advance(std::chrono::seconds(61));
  Send();
  ASSERT_EQ(smtp_.Messages().size(), 1u);
  EXPECT_EQ(Status("ev2"), "sent/2");
  auto admin = server_.As("admin");
  auto outbox = admin->Get("/api/v1/admin/outbox?channel=email").Json();
  ASSERT_EQ(outbox.at("total").as_int64(), 1);
  EXPECT_EQ(outbox.at("items").as_array()[0].at("address").as_string(), "o***r@example.org");
  EXPECT_EQ(outbox.at("email_enabled").as_bool(), true);
}

TEST_F(NotifyApiTest, EmailGivesUpAfterTheLastAttemptAndAnAdministratorCanSendItAgain) {
  Queue("foreign", "ev3", "oliver@example.org");
  smtp_.FailNext(100);
  for (int i = 0; i < 6; ++i) {
    Send();
    server_.clock().Advance(std::chrono::hours(1));
  }
  EXPECT_EQ(smtp_.refused(), 6);
  EXPECT_EQ(Status("ev3"), "failed/6");
  auto admin = server_.As("admin");
  auto failed = admin->Get("/api/v1/admin/outbox?status=failed").Json();
  ASSERT_EQ(failed.at("total").as_int64(), 1);
  EXPECT_NE(std::string(failed.at("items").as_array()[0].at("last_error").as_string()).find("451"), std::string::npos);
  const auto id = failed.at("items").as_array()[0].at("id").as_int64();
  smtp_.FailNext(0);
  auto requeued = admin->Post("/api/v1/admin/outbox/" + std::to_string(id) + "/requeue", boost::json::object{});
  ASSERT_EQ(requeued.status, 200) << requeued.body;
  Send();
  EXPECT_EQ(smtp_.Messages().size(), 1u);
  // Only failed or unknown email can be sent again.
  EXPECT_EQ(admin->Post("/api/v1/admin/outbox/" + std::to_string(id) + "/requeue", boost::json::object{}).status, 409);
  auto audit = admin->Get("/api/v1/audit?entity=notification").Json();
  EXPECT_EQ(audit.at("total").as_int64(), 1);
}

TEST_F(NotifyApiTest, AnEmailWhoseSenderDiedIsNeverSentAgain) {
  Queue("foreign", "ev4", "oliver@example.org");
  // A sender claimed it and died before recording the result.
  auto st = server_.app().db().InTransaction([&](soci::session& sql) -> core::Status {
    storage::Query("UPDATE notifications SET status = 'sending', attempts = 1, claimed_at = '2026-03-02T01:00:00Z' "
                   "WHERE channel = 'email'").Exec(sql);
    return {};
  });
  ASSERT_TRUE(st);
  Send();
  EXPECT_TRUE(smtp_.Messages().empty());
  EXPECT_EQ(Status("ev4"), "unknown/1");
}

TEST_F(NotifyApiTest, UnreachableServerIsRetried) {
  // A server that stopped listening: the attempt fails at connect and is retried later.
  const std::string url = [] {
    SmtpListener gone;
    return gone.url();
  }();
  TestServer other({.start_time = kStart, .smtp_url = url});
  auto st = other.app().db().InTransaction([&](soci::session& sql) -> core::Status {
    notify::Recipient to;
    to.person_id = storage::Query("SELECT MIN(id) FROM people").Scalar(sql);
    to.email = "someone@example.org";
    other.app().notify().Queue(sql, to, "test", "ev5", [](core::Lang) { return notify::Message{"s", "b"}; }, "");
    return {};
  });
  ASSERT_TRUE(st);
  ASSERT_TRUE(other.app().notify().SendDue());
  auto admin = other.As("admin");
  auto list = admin->Get("/api/v1/admin/outbox").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array()[0].at("status").as_string(), "pending");
  EXPECT_FALSE(std::string(list.at("items").as_array()[0].at("last_error").as_string()).empty());
}

TEST_F(NotifyApiTest, NoticesAreListedCountedAndMarkedRead) {
  Queue("foreign", "a", "");
  Queue("foreign", "b", "");
  Queue("office", "c", "");
  EXPECT_EQ(server_.Count("notifications"), 3);  // no address: in-app only
  auto me = server_.As("foreign");
  auto list = me->Get("/api/v1/notices").Json();
  ASSERT_EQ(list.at("total").as_int64(), 2);
  EXPECT_EQ(list.at("unread").as_int64(), 2);
  EXPECT_EQ(list.at("items").as_array()[0].at("subject").as_string(), "Subject b");  // newest first
  const auto first = list.at("items").as_array()[1].at("id").as_int64();
  ASSERT_EQ(me->Post("/api/v1/notices/" + std::to_string(first) + "/read", boost::json::object{}).status, 200);
  EXPECT_EQ(me->Get("/api/v1/notices/unread-count").Json().at("unread").as_int64(), 1);
  EXPECT_EQ(me->Get("/api/v1/notices?unread=1").Json().at("total").as_int64(), 1);
  // Someone else's notice does not exist for me.
  auto office = server_.As("office");
  auto theirs = office->Get("/api/v1/notices").Json().at("items").as_array()[0].at("id").as_int64();
  auto denied = me->Post("/api/v1/notices/" + std::to_string(theirs) + "/read", boost::json::object{});
  EXPECT_EQ(denied.status, 404);
  EXPECT_EQ(denied.ErrorCode(), "notify.not_found");
  EXPECT_EQ(me->Post("/api/v1/notices/read-all", boost::json::object{}).Json().at("marked").as_int64(), 1);
  EXPECT_EQ(me->Get("/api/v1/notices/unread-count").Json().at("unread").as_int64(), 0);
  EXPECT_EQ(office->Get("/api/v1/notices/unread-count").Json().at("unread").as_int64(), 1);
  auto bad = me->Get("/api/v1/notices?unread=yes");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("error").at("details").at("field").as_string(), "unread");
}

}  // namespace
}  // namespace tongxin::testing
