-- Messaging channels beside in-app and email: WeCom and DingTalk group robots (one post per
-- event to a group) and an SMS gateway over HTTP (one text per recipient with a phone),
-- each relaying the notification kinds it lists, at most rate_per_minute messages a
-- minute. Their messages are outbox rows like those of email (pending -> sending -> sent, retried
-- with back-off, "unknown" when a sender stopped mid-send: never sent twice).
CREATE TABLE message_channels (
  id {{PK}},
  kind TEXT NOT NULL,                            -- wecom, dingtalk, sms
  name TEXT NOT NULL,
  url TEXT NOT NULL,                             -- the webhook of the robot or the send URL of the gateway
  secret TEXT NOT NULL DEFAULT '',               -- dingtalk: signing secret, sms: bearer token
  template_zh TEXT NOT NULL DEFAULT '',          -- sms text: {subject} {body} {link}
  template_en TEXT NOT NULL DEFAULT '',
  kinds TEXT NOT NULL DEFAULT '',                -- notification kinds relayed, comma-separated
  lang TEXT NOT NULL DEFAULT 'zh-CN',            -- group robots: the language posted
  rate_per_minute INTEGER NOT NULL DEFAULT 20,
  active INTEGER NOT NULL DEFAULT 1,
  callback_token TEXT NOT NULL DEFAULT '',       -- sms: the token delivery callbacks carry
  updated_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The channel of a row, the message id the SMS gateway gave, and what its callback said
-- (delivered | undelivered).
ALTER TABLE notifications ADD COLUMN channel_id BIGINT;
ALTER TABLE notifications ADD COLUMN external_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN delivery TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN delivered_at TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_channel_due ON notifications(channel_id, status, next_attempt_at);
CREATE INDEX notifications_channel_claimed ON notifications(channel_id, claimed_at);

-- Quiet hours per account (local "HH:MM" in the time zone of the office; both empty = none):
-- email and SMS wait until they end; in-app notices and urgent alerts do not.
CREATE TABLE notify_prefs (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  quiet_from TEXT NOT NULL DEFAULT '',
  quiet_to TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
