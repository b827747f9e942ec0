// Posts, shifts and sign-ups storage. Times are UTC ISO strings, compared as text.
#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/roles.hpp"
#include "modules/community/shift.hpp"

namespace tongxin::community::repo {

// Posts of communities in who's scope under the path ("" = all in scope).
std::vector<Post> Posts(soci::session& sql, const core::Principal& who, const std::string& community_path);
std::optional<Post> FindPost(soci::session& sql, std::int64_t id);
std::int64_t InsertPost(soci::session& sql, const Post& p);
void UpdatePost(soci::session& sql, const Post& p);

// False when the post already has a shift starting then.
bool InsertShift(soci::session& sql, const Shift& s);
std::optional<Shift> FindShift(soci::session& sql, std::int64_t id);
// Shifts starting in [from, to) of one post (post_id) or of the communities in scope under
// the path.
std::vector<Shift> Shifts(soci::session& sql, const core::Principal& who, std::optional<std::int64_t> post_id,
                          const std::string& community_path, const std::string& from, const std::string& to);
void DeleteShift(soci::session& sql, std::int64_t id);

std::vector<Signup> SignupsOf(soci::session& sql, const std::vector<std::int64_t>& shift_ids);
// The person's shifts, latest first (for the calendar and their hours).
std::vector<Shift> ShiftsOfPerson(soci::session& sql, std::int64_t person_id);
// A shift of the person's that meets [starts_at, ends_at), other than `except`.
std::optional<Shift> Clash(soci::session& sql, std::int64_t person_id, const std::string& starts_at,
                           const std::string& ends_at, std::int64_t except);
bool SignedUp(soci::session& sql, std::int64_t shift_id, std::int64_t person_id);
void InsertSignup(soci::session& sql, std::int64_t shift_id, std::int64_t person_id, const std::string& at);
void DeleteSignup(soci::session& sql, std::int64_t shift_id, std::int64_t person_id);
// Minutes of shifts already ended, per person.
std::map<std::int64_t, std::int64_t> MinutesServed(soci::session& sql, const std::vector<std::int64_t>& person_ids,
                                                   const std::string& now);

// The calendar feed: set (replacing any), the person it belongs to, revoke.
void SetFeed(soci::session& sql, std::int64_t person_id, const std::string& token_hash, const std::string& now);
std::optional<std::int64_t> FeedOwner(soci::session& sql, const std::string& token_hash);
bool RevokeFeed(soci::session& sql, std::int64_t person_id);

}  // namespace tongxin::community::repo
