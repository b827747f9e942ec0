// Driver errors -> core::Error, translated here and nowhere else.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include "storage/database.hpp"

namespace tongxin::storage {

namespace {

// The driver's message without what could carry personal data: SOCI's context repeats
// the statement with its bound values ("with :id_number=..."), and PostgreSQL's DETAIL
// line quotes the offending key ("Key (phone)=(138...) already exists").
std::string LogText(const std::exception& e) {
  std::string text = e.what();
  if (const auto* se = dynamic_cast<const soci::soci_error*>(&e)) text = se->get_error_message();
  for (auto pos = text.find("DETAIL:"); pos != std::string::npos; pos = text.find("DETAIL:")) {
    const auto end = text.find('\n', pos);
    text.erase(pos, end == std::string::npos ? std::string::npos : end - pos + 1);
  }
  if (auto with = text.find(" with :"); with != std::string::npos) text.erase(with);
  return text;
}

}  // namespace

core::Error TranslateDbError(const std::exception& e) {
  core::Error err = core::Internal(LogText(e));
  if (dynamic_cast<const WriterBusy*>(&e)) {
    err.code = core::Errc::kUnavailable;
    err.reason = "server.unavailable";
    return err;
  }
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
