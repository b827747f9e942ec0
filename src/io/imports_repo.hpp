// Storage of import previews (the rows of an uploaded file, checked and waiting for the
// user's confirmation): one table for every kind of import, each row owned by its user.
#pragma once

#include <boost/describe/class.hpp>

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace tongxin::io::imports {

struct StoredImport {
  std::string id;  // random, unguessable
  std::int64_t user_id = 0;
  std::string kind;      // "people", ...
  std::string filename;
  std::string status;    // pending | done
  int total_rows = 0, valid_rows = 0;
  std::string payload;   // the module's own JSON
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(StoredImport, (), (
    id, user_id, kind, filename, status, total_rows, valid_rows, payload, created_at))

void Insert(soci::session& sql, const StoredImport& i);
// The user's import of this kind, if any.
std::optional<StoredImport> Find(soci::session& sql, const std::string& id, std::int64_t user_id,
                                 const std::string& kind);
// pending → done; false when it was not pending (already confirmed by a racing request).
bool Claim(soci::session& sql, const std::string& id);

}  // namespace tongxin::io::imports
