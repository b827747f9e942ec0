// Broadcasts (当日疫情通报). The office (admins and office staff) writes them and types their
// figures; the office and the leaders read them, their previews (the text with today's real
// figures and who would get it) and their history (each sending: the text as sent, the
// figures used, who got it by which channel). The broadcasts job sends each when its time
// comes, once per day (daily) or once (once), on whichever instance gets there first; the
// office may also send one by hand. Each recipient gets it in their language: in the app,
// by email (unless turned off) and through the message channels relaying "broadcast".
// Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "app/figures.hpp"
#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/announcements/broadcast.hpp"
#include "modules/announcements/broadcasts_repo.hpp"
#include "modules/notify/notify_service.hpp"
#include "storage/database.hpp"

namespace tongxin::announcements {

// A figure as a template sees it: live (from a module) or typed by the editor.
struct FigureValue {
  std::string key, label_zh, label_en, value, source, updated_at;  // source: live | editor | date
};

struct BroadcastPreview {
  std::string subject_zh, subject_en, body_zh, body_en;
  std::vector<FigureValue> figures;
  // reachable: those the outbox can tell (an account, an email it sends, a phone a text
  // channel relaying broadcasts can use); the others are matched but get nothing.
  std::int64_t recipients = 0, recipients_en = 0, with_email = 0, with_phone = 0, reachable = 0;
};

struct RunDetail {
  BroadcastRun run;
  std::vector<std::pair<std::string, std::int64_t>> delivery;  // "email:sent" -> rows
};

class BroadcastsService {
 public:
  BroadcastsService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify,
                    const app::Figures& figures, std::string time_zone);

  // Errors: auth.forbidden (not office, admin or leader).
  core::Result<core::Page<BroadcastView>> List(const core::Principal& who, const core::PageRequest& page);
  // Errors: auth.forbidden, broadcasts.not_found.
  core::Result<BroadcastView> Get(const core::Principal& who, std::int64_t id);
  // Errors: auth.forbidden (not office or admin), field errors (see ParseBroadcastInput,
  // ApplyInput); figures[i].key broadcasts.key_is_live; subject/body
  // broadcasts.unknown_placeholder; audience.units[i] units.not_found / auth.out_of_scope.
  core::Result<BroadcastView> Create(const core::Principal& who, const BroadcastInput& in, const auth::Actor& actor);
  core::Result<BroadcastView> Update(const core::Principal& who, std::int64_t id, const BroadcastInput& in,
                                     const auth::Actor& actor);
  // The text with the figures as they are now, and who would get it.
  core::Result<BroadcastPreview> Preview(const core::Principal& who, std::int64_t id);
  // Sends it now (audited). Errors: auth.forbidden, broadcasts.not_found,
  // broadcasts.just_sent (409: sent by hand this very second).
  core::Result<RunDetail> SendNow(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  core::Result<core::Page<BroadcastRun>> Runs(const core::Principal& who, std::int64_t id,
                                              const core::PageRequest& page);
  // Errors: auth.forbidden, broadcasts.run_not_found.
  core::Result<RunDetail> Run(const core::Principal& who, std::int64_t run_id);
  // Those of a run's recipients in the caller's units, with how each was told.
  core::Result<core::Page<repo::RunRecipient>> RunRecipients(const core::Principal& who, std::int64_t run_id,
                                                             const core::PageRequest& page);
  // All of them, for a spreadsheet (the export audited). Errors as Run.
  core::Result<std::vector<repo::RunRecipient>> AllRunRecipients(const core::Principal& who, std::int64_t run_id,
                                                                 const auth::Actor& actor);
  // The live figures templates may use, with their values now.
  core::Result<std::vector<FigureValue>> LiveFigures(const core::Principal& who);

  // The job: sends each broadcast whose time has come (a daily one within six hours of its
  // time, not on the day it was created after it). Returns the runs sent.
  core::Result<std::int64_t> SendDue();

 private:
  core::Result<BroadcastView> Save(const core::Principal& who, std::optional<std::int64_t> id,
                                   const BroadcastInput& in, const auth::Actor& actor);
  BroadcastView ViewOf(soci::session& sql, const Broadcast& b);
  // Every figure the broadcast's templates may use, with its value now.
  std::vector<FigureValue> Values(soci::session& sql, const std::vector<EditorFigure>& editor);
  std::vector<notify::Recipient> Recipients(soci::session& sql, const Broadcast& b);
  // One sending, if `run_key` has not been sent yet (nullopt when it has).
  std::optional<BroadcastRun> Send(soci::session& sql, const Broadcast& b, const std::string& run_key,
                                   const std::string& by_name);
  // The next scheduled sending after `now` ("" = none) and the key of the one due now, if any.
  std::string NextAt(soci::session& sql, const Broadcast& b, core::TimePoint now);
  std::optional<std::string> DueKey(soci::session& sql, const Broadcast& b, core::TimePoint now);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  notify::NotifyService& notify_;
  const app::Figures& figures_;
  std::string time_zone_;
};

}  // namespace tongxin::announcements
