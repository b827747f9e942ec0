// Notification JSON.
#include "modules/notify/notification.hpp"

#include "core/text.hpp"

namespace tongxin::notify {

boost::json::object NoticeToJson(const Notification& n) {
  return {{"id", n.id},         {"kind", n.kind},       {"subject", n.subject}, {"body", n.body},
          {"link", n.link},     {"lang", n.lang},       {"created_at", n.created_at},
          {"read", !n.read_at.empty()}, {"read_at", n.read_at}};
}

boost::json::object OutboxToJson(const Notification& n) {
  return {{"id", n.id},
          {"channel", n.channel},
          {"kind", n.kind},
          {"address", n.channel == "sms"     ? core::MaskPhone(n.address)
                      : n.channel == "email" ? core::MaskEmail(n.address)
                                             : n.address},
          {"channel_id", n.channel_id ? boost::json::value(*n.channel_id) : boost::json::value(nullptr)},
          {"delivery", n.delivery},
          {"delivered_at", n.delivered_at},
          {"subject", n.subject},
          {"status", n.status},
          {"attempts", n.attempts},
          {"next_attempt_at", n.next_attempt_at},
          {"last_error", n.last_error},
          {"created_at", n.created_at},
          {"sent_at", n.sent_at}};
}

bool StaffMember::Covers(const std::string& unit_path) const {
  for (const auto& p : scope_paths) {
    if (unit_path.rfind(p, 0) == 0) return true;
  }
  return false;
}

}  // namespace tongxin::notify
