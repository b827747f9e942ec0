// The database under test: a fresh SQLite file, or a fresh database on the PostgreSQL server
// named by TONGXIN_TEST_DB (set by scripts/test.sh). Removed again on destruction.
//
// Most tests start from the same content (the demo data at a given time), which takes far
// longer to load than to copy: a TestDb made from a Template is a copy of a database that
// the first test process to ask for that template filled, kept for the other processes of
// the same test binary (a file beside the temporary directory; a template database on
// PostgreSQL, copied by CREATE DATABASE ... TEMPLATE).
#pragma once

#include <functional>
#include <string>

namespace tongxin::testing {

struct Template {
  std::string key;  // everything the content depends on
  // Fills the empty database at `url`; returns a note kept with the template (its clock).
  std::function<std::string(const std::string& url)> build;
};

class TestDb {
 public:
  TestDb();
  explicit TestDb(const Template& tpl);
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }
  // The note the template's build returned ("" for an empty database).
  const std::string& note() const { return note_; }

 private:
  void Create(const std::string& from_template);
  std::string url_;
  std::string path_;      // SQLite file
  std::string database_;  // PostgreSQL database
  std::string admin_url_;
  std::string note_;
  bool postgres_ = false;
};

// A unique temporary directory (created), removed by the caller if wanted.
std::string TempDir(const std::string& prefix);
// The standard output of a shell command (poppler's pdftotext and pdftoppm, zbarimg).
std::string Shell(const std::string& cmd);

}  // namespace tongxin::testing
