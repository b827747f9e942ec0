// Notices (通知公告, 服务指南): a bilingual text (zh-CN and en side by side, one side possibly a
// translation still pending) of a category, for an audience, through a workflow draft ->
// review -> approved (published from publish_at until expire_at) or withdrawn; pinned,
// public (the page and feed without login), with read receipts and, where required,
// acknowledgements. Plain structs, request parsing, state and JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tongxin::core {
class JsonReader;
}

namespace tongxin::announcements {

inline constexpr std::string_view kCategories[] = {"service_guide", "procedure", "protection_reminder", "policy"};

struct Announcement {
  std::int64_t id = 0;
  std::string category, title_zh, title_en, body_zh, body_en, pending_lang, status, publish_at, expire_at;
  std::int64_t pinned = 0, is_public = 0, ack_required = 0;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  std::optional<std::int64_t> submitted_by;
  std::string submitted_by_name;
  std::optional<std::int64_t> reviewed_by;
  std::string reviewed_by_name, review_note, announced_at, created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(Announcement, (),
                      (id, category, title_zh, title_en, body_zh, body_en, pending_lang, status, publish_at, expire_at,
                       pinned, is_public, ack_required, created_by, created_by_name, submitted_by, submitted_by_name,
                       reviewed_by, reviewed_by_name, review_note, announced_at, created_at, updated_at))

// Who it is for: nobody named = everyone; else anyone matching one entry.
struct Audience {
  std::vector<std::string> roles, categories, nationalities;
  std::vector<std::int64_t> units;  // and their sub-units
  bool Everyone() const { return roles.empty() && categories.empty() && nationalities.empty() && units.empty(); }
};

// "2020-02-02T09:00:00Z", "2020-02-02T17:00+08:00" -> the instant in UTC, as stored;
// nullopt when it is not one (a time without its zone is ambiguous).
std::optional<std::string> ParseInstant(const std::string& s);
// The body's "audience" (absent: nullopt; null: everyone). Field errors name the member
// (audience.roles[1]); units are checked against the units by the caller.
std::optional<Audience> ParseAudience(core::JsonReader& r, const boost::json::object& body);

// With the reader's receipt (for the inbox and the page) and the audience.
struct AnnouncementView {
  Announcement a;
  Audience audience;
  std::string read_at, acked_at;  // the reader's; "" = not yet
};

// draft, review, scheduled (approved, publish_at to come), published, expired (past
// expire_at, or withdrawn).
std::string State(const Announcement& a, const std::string& now);

struct AnnouncementInput {
  std::optional<std::string> category, title_zh, title_en, body_zh, body_en, pending_lang, publish_at, expire_at;
  std::optional<bool> pinned, is_public, ack_required;
  std::optional<Audience> audience;
};
// Errors (field errors): category invalid choice; title_zh announcements.title_needed
// (neither title), body_zh announcements.body_needed; pending_lang invalid choice;
// publish_at/expire_at validation.invalid_datetime; audience.roles[i] invalid choice,
// audience.units[i] (checked against the units by the service), audience.categories[i]
// invalid choice, audience.nationalities[i] validation.invalid_country.
core::Result<AnnouncementInput> ParseAnnouncementInput(const boost::json::object& body, bool create);
// The notice after `in`. Errors: title_zh/body_zh as above (each language with a title has
// a body), announcements.pending_side_filled... see the .cpp; expire_at
// announcements.expires_before_publish.
core::Result<Announcement> ApplyInput(Announcement a, const AnnouncementInput& in);

struct ReviewInput {
  bool approve = false;
  std::string note;
};
// decision: approve | reject (a note is required to reject: announcements.note_needed).
core::Result<ReviewInput> ParseReviewInput(const boost::json::object& body);

struct AnnouncementFilter {
  std::string state, category, q;  // state as State(); empty = any
};

// A member of the audience and their receipt.
struct Receipt {
  std::int64_t user_id = 0;
  std::string display_name, username, role, unit_name_zh, unit_name_en, read_at, acked_at;
};
struct ReceiptPage {
  std::int64_t audience = 0, read = 0, acked = 0, matching = 0;
  std::vector<Receipt> items;
};

boost::json::object AudienceToJson(const Audience& a);
// Both languages as stored, plus the reader's language's title and body (the other side
// when that one is pending or empty, with `shown_lang` saying which).
boost::json::object AnnouncementToJson(const AnnouncementView& v, core::Lang lang, const std::string& now,
                                       bool full);
// What the public sees: no audience, no people.
boost::json::object PublicJson(const Announcement& a, core::Lang lang);
std::string CategoryLabel(std::string_view category, core::Lang lang);

}  // namespace tongxin::announcements
