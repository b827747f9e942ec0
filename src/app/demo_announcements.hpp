// Demo notices for `make run`, from the bulletin's story: the office's service guide for
// international exchange during the epidemic (public, pinned), a protection reminder that
// foreign staff acknowledge, the return-to-campus procedure scheduled for tomorrow, a
// forwarded entry-control policy whose English is still to come (in review), and a draft.
#pragma once

#include "app/app.hpp"
#include "core/result.hpp"

namespace tongxin::app {

core::Status LoadAnnouncements(App& app);
// Message channels, set up and stopped (no real webhook to post to).
core::Status LoadChannels(App& app);
// The daily briefing to foreign staff, paused (no notification is queued at demo load).
core::Status LoadBroadcasts(App& app);

}  // namespace tongxin::app
