// A partner's history from storage: its letters, visits and the donations of its linked
// donors (those kept by a unit in the reader's scope), newest first, at most `limit` of
// each kind. SQL only; runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include "core/roles.hpp"
#include "modules/partners/partner_history.hpp"

namespace tongxin::partners::repo {

// Fills h.entries (merged, newest first) and the counts of h; sets h.truncated when a kind
// has more than `limit` rows.
void ReadHistory(soci::session& sql, const core::Principal& who, std::int64_t partner_id, int limit,
                 PartnerHistory& h);

}  // namespace tongxin::partners::repo
