// Driver errors -> core::Error, translated here and nowhere else.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include "storage/database.hpp"

namespace tongxin::storage {

core::Error TranslateDbError(const std::exception& e) {
  core::Error err = core::Internal(e.what());
  if (const auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    const int code = se->result() & 0xFF;
    if (code == SQLITE_CONSTRAINT) {
      err.code = core::Errc::kConflict;
      err.reason = "db.conflict";
    } else if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
      err.code = core::Errc::kUnavailable;
      err.reason = "server.unavailable";
    }
  } else if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pe->sqlstate();
    if (state.rfind("23", 0) == 0) {  // integrity constraint violation class
      err.code = core::Errc::kConflict;
      err.reason = "db.conflict";
    } else if (state.rfind("08", 0) == 0 || state == "57P01" || state == "40001" || state == "40P01") {
      err.code = core::Errc::kUnavailable;
      err.reason = "server.unavailable";
    }
  } else if (const auto* soe = dynamic_cast<const soci::soci_error*>(&e)) {
    if (soe->get_error_category() == soci::soci_error::connection_error) {
      err.code = core::Errc::kUnavailable;
      err.reason = "server.unavailable";
    } else if (soe->get_error_category() == soci::soci_error::constraint_violation) {
      err.code = core::Errc::kConflict;
      err.reason = "db.conflict";
    }
  }
  return err;
}

}  // namespace tongxin::storage
