// The texts of health notifications, in zh-CN and en: reminders to report, missing lists
// for unit staff, alerts, re-check requests and escalations.
#pragma once

#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "modules/notify/notify_service.hpp"

namespace tongxin::health::notices {

// "morning" → 上午 / morning; unknown names are shown as they are.
std::string SlotLabel(const std::string& slot_name, core::Lang lang);
// "2026-11-30T23:00:00Z" → "2026-12-01 07:00" in tz.
std::string Local(const std::string& iso, const std::string& tz);

struct SlotText {
  std::string day, slot_name, starts_at, ends_at, late_until, tz;  // times ISO UTC
};
struct Named {
  std::string name_zh, name_latin, unit_zh, unit_en;
};
std::string NameFor(const Named& n, core::Lang lang);

notify::Message Reminder(const SlotText& s, const Named& person, core::Lang lang);
notify::Message MissingList(const SlotText& s, const std::vector<Named>& people, core::Lang lang);

struct AlertText {
  std::string kind, detail, escalation, recheck_due_at, day, slot_name, tz;
};
notify::Message AlertRaised(const AlertText& a, const Named& person, core::Lang lang);
notify::Message RecheckRequest(const AlertText& a, const Named& person, core::Lang lang);
notify::Message AlertEscalated(const AlertText& a, const Named& person, core::Lang lang);

}  // namespace tongxin::health::notices
