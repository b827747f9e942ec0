// Test databases, empty or copied from a template.
#include "support/test_env.hpp"

#include <fcntl.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "storage/database.hpp"

namespace tongxin::testing {
namespace {

namespace fs = std::filesystem;

std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(rd() % 100000);
}

// This build of the test binary: a template another build made may hold other data.
const std::string& BinaryStamp() {
  static const std::string stamp = [] {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const auto written = fs::last_write_time(exe, ec).time_since_epoch().count();
    const auto size = fs::file_size(exe, ec);
    return std::to_string(written) + "_" + std::to_string(size);
  }();
  return stamp;
}

std::string Hex(std::size_t h) {
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

// The server's URL with another database: postgresql://user@host:port/NAME[?params].
std::string WithDatabase(const std::string& url, const std::string& name) {
  const auto q = url.find('?');
  const std::string base = url.substr(0, q);
  const std::string params = q == std::string::npos ? "" : url.substr(q);
  const auto authority = base.find("//");
  const auto slash = base.find('/', authority == std::string::npos ? 0 : authority + 2);
  return (slash == std::string::npos ? base : base.substr(0, slash)) + "/" + name + params;
}

soci::session Admin(const std::string& url) {
  return soci::session(soci::postgresql, storage::PostgresConnectString(url).value());
}

// An exclusive lock on a file, held while it lives.
class FileLock {
 public:
  explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + path.string());
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFileAtomically(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.string() + ".tmp";
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, p);
}

// Templates of other builds, left by earlier runs, go once they are a day old (never those
// of a run of another build that may still be going).
void PruneOldBuilds(const fs::path& root) {
  std::error_code ec;
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.path().filename() == BinaryStamp()) continue;
    if (fs::last_write_time(entry.path(), ec) < cutoff) fs::remove_all(entry.path(), ec);
  }
}

// The SQLite file of the template (built under a lock by the first process to need it).
fs::path SqliteTemplate(const Template& tpl, std::string& note) {
  const fs::path root = fs::temp_directory_path() / "tongxin-templates";
  const fs::path dir = root / BinaryStamp();
  fs::create_directories(dir);
  const std::string name = Hex(std::hash<std::string>{}(tpl.key));
  const fs::path db = dir / (name + ".db");
  const fs::path note_file = dir / (name + ".note");
  FileLock lock(dir / (name + ".lock"));
  if (!fs::exists(note_file)) {
    PruneOldBuilds(root);
    const fs::path build = dir / (name + ".build.db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(build.string() + suffix);
    const std::string built = tpl.build("sqlite:" + build.string());
    // The builder has closed its connections, so the WAL is in the file; a WAL left over
    // is kept beside it and copied with it.
    if (fs::exists(build.string() + "-wal")) fs::rename(build.string() + "-wal", db.string() + "-wal");
    fs::remove(build.string() + "-shm");
    fs::rename(build, db);
    WriteFileAtomically(note_file, built);
  }
  note = ReadFile(note_file);
  return db;
}

// The PostgreSQL template database (built under an advisory lock, its note as its comment).
std::string PostgresTemplate(const Template& tpl, const std::string& admin_url, std::string& note) {
  const std::size_t h = std::hash<std::string>{}(BinaryStamp() + "\n" + tpl.key);
  const std::string name = "tpl_" + Hex(h);
  soci::session s = Admin(admin_url);
  s << "SELECT pg_advisory_lock(" + std::to_string(static_cast<long long>(h >> 1)) + ")";
  std::string comment;
  soci::indicator ind = soci::i_null;
  s << "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :n",
      soci::into(comment, ind), soci::use(name);
  if (!s.got_data()) {
    const std::string build = name + "_b";
    s << "DROP DATABASE IF EXISTS " + build + " WITH (FORCE)";
    s << "CREATE DATABASE " + build;
    comment = tpl.build(WithDatabase(admin_url, build));
    s << "ALTER DATABASE " + build + " RENAME TO " + name;
    std::string quoted;
    for (char c : comment) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    s << "COMMENT ON DATABASE " + name + " IS '" + quoted + "'";
  } else if (ind == soci::i_null) {
    comment.clear();
  }
  s << "SELECT pg_advisory_unlock(" + std::to_string(static_cast<long long>(h >> 1)) + ")";
  note = comment;
  return name;
}

}  // namespace

std::string TempDir(const std::string& prefix) {
  auto dir = fs::temp_directory_path() / UniqueName(prefix);
  fs::create_directories(dir);
  return dir.string();
}

TestDb::TestDb() { Create(""); }

TestDb::TestDb(const Template& tpl) {
  const char* pg = std::getenv("TONGXIN_TEST_DB");
  if (pg && *pg) {
    Create(PostgresTemplate(tpl, pg, note_));
  } else {
    const fs::path from = SqliteTemplate(tpl, note_);
    Create("");
    fs::copy_file(from, path_);
    if (fs::exists(from.string() + "-wal")) fs::copy_file(from.string() + "-wal", path_ + "-wal");
  }
}

void TestDb::Create(const std::string& from_template) {
  const char* pg = std::getenv("TONGXIN_TEST_DB");
  if (pg && *pg) {
    postgres_ = true;
    admin_url_ = pg;
    database_ = UniqueName("t_");
    soci::session s = Admin(admin_url_);
    const std::string create =
        "CREATE DATABASE " + database_ + (from_template.empty() ? "" : " TEMPLATE " + from_template);
    // Copying a template fails while another session is still connected to it (the last
    // moments of its build); that passes.
    for (int attempt = 0;; ++attempt) {
      try {
        s << create;
        break;
      } catch (const soci::soci_error& e) {
        if (attempt >= 100 || std::string(e.what()).find("other users") == std::string::npos) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    url_ = WithDatabase(admin_url_, database_);
  } else {
    path_ = TempDir("tongxin_db_") + "/test.db";
    url_ = "sqlite:" + path_;
  }
}

TestDb::~TestDb() {
  try {
    if (postgres_) {
      soci::session s = Admin(admin_url_);
      s << "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)";
    } else {
      fs::remove_all(fs::path(path_).parent_path());
    }
  } catch (...) {
  }
}

std::string Shell(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

}  // namespace tongxin::testing
