// A partner's history (item 6 of the partners issue): one timeline of the letters in and
// out, the visits received and made, and the donations of the donors linked to the
// partner, newest first, with the partner's contacts and tags (agreements) beside it;
// as JSON for its page and as a PDF for a briefing.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "modules/partners/partner.hpp"

namespace tongxin::partners {

struct HistoryEntry {
  std::string kind;       // letter, visit, donation
  std::int64_t id = 0;    // the letter's, visit's or donation's
  std::string direction;  // in, out (visits: incoming = in, outgoing = out)
  std::string on;         // YYYY-MM-DD
  std::string title;      // subject; purpose; purpose of a donation
  std::string detail;     // summary; what was discussed; the donor
  std::string channel;    // letters: email, post...; donations: money, goods; visits: the place
  std::string who;        // letters: the contact; visits: visitors and people visited, counted
  std::string currency;   // money donations
  std::int64_t amount_minor = 0;
  std::int64_t count = 0;  // letters: attachments; visits: visitors; donations: goods lines
  std::int64_t extra = 0;  // visits: people visited; letters: 1 when awaiting an answer
};
BOOST_DESCRIBE_STRUCT(HistoryEntry, (), (kind, id, direction, on, title, detail, channel, who, currency,
                                         amount_minor, count, extra))

struct PartnerHistory {
  Partner partner;  // with its contacts unmasked
  std::vector<HistoryEntry> entries;
  std::int64_t letters_in = 0, letters_out = 0, visits = 0, donations = 0;
  bool truncated = false;  // more than the newest kHistoryLimit of a kind exist
};

inline constexpr int kHistoryLimit = 300;

boost::json::object HistoryToJson(const PartnerHistory& h, core::Lang lang);
// The briefing PDF in `lang`; `printed_at` is local time text.
std::string HistoryPdf(const PartnerHistory& h, core::Lang lang, const std::string& printed_at);

}  // namespace tongxin::partners
