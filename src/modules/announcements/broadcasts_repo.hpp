// Broadcasts storage: the broadcasts, their editor figures, runs, and the outbox rows of a
// run (who was sent what, by which channel). SQL only; runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/announcements/broadcast.hpp"

namespace tongxin::announcements::repo {

core::Page<Broadcast> ListBroadcasts(soci::session& sql, const core::PageRequest& page);
std::vector<Broadcast> ActiveBroadcasts(soci::session& sql);
std::optional<Broadcast> FindBroadcast(soci::session& sql, std::int64_t id);
std::int64_t InsertBroadcast(soci::session& sql, const Broadcast& b);
void UpdateBroadcast(soci::session& sql, const Broadcast& b);

std::vector<EditorFigure> FiguresOf(soci::session& sql, std::int64_t broadcast_id);
void SetFigures(soci::session& sql, std::int64_t broadcast_id, const std::vector<EditorFigure>& figures);

// Claims the run key: nullopt when that sending happened already (here or on another
// instance); else the run's id.
std::optional<std::int64_t> StartRun(soci::session& sql, const BroadcastRun& r);
// Records the text and counts as sent, and sets r.reached (recipients given a message).
void FinishRun(soci::session& sql, BroadcastRun& r);
std::optional<BroadcastRun> FindRun(soci::session& sql, std::int64_t id);
std::optional<BroadcastRun> LastRun(soci::session& sql, std::int64_t broadcast_id);
bool HasRun(soci::session& sql, const std::string& run_key);
core::Page<BroadcastRun> Runs(soci::session& sql, std::int64_t broadcast_id, const core::PageRequest& page);

// One recipient of a run: their outbox rows' channels and statuses.
struct RunRecipient {
  std::optional<std::int64_t> user_id, person_id;
  std::string name, unit_name_zh, unit_name_en, lang;
  std::string inapp, email, sms;  // the status of each ("" = not sent that way); in-app "read" once read
};
// The run's recipients in the caller's units (an admin's: all), by name.
core::Page<RunRecipient> RunRecipients(soci::session& sql, const core::Principal& who, std::int64_t run_id,
                               const core::PageRequest& page);
// Per channel and status, the run's outbox rows (all of them).
std::vector<std::pair<std::string, std::int64_t>> RunDelivery(soci::session& sql, std::int64_t run_id);

}  // namespace tongxin::announcements::repo
