// The database under test: a fresh SQLite file, or a fresh schema on the PostgreSQL server
// named by TONGXIN_TEST_DB (set by scripts/test.sh). Removed again on destruction.
#pragma once

#include <string>

namespace tongxin::testing {

class TestDb {
 public:
  TestDb();
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }

 private:
  std::string url_;
  std::string path_;    // SQLite file
  std::string schema_;  // PostgreSQL schema
  std::string admin_url_;
  bool postgres_ = false;
};

// A unique temporary directory (created), removed by the caller if wanted.
std::string TempDir(const std::string& prefix);
// The standard output of a shell command (poppler's pdftotext and pdftoppm, zbarimg).
std::string Shell(const std::string& cmd);

}  // namespace tongxin::testing
