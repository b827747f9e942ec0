// The migrations compiled into the binary from migrations/*.sql (generated source).
#pragma once

#include <string>
#include <vector>

namespace tongxin::storage {

struct MigrationSource {
  std::string name;  // "0001_init" (or "0007_x.sqlite"): the leading number is the version
  std::string sql;   // statements separated by ";" at line ends; {{PK}} per dialect
};

const std::vector<MigrationSource>& EmbeddedMigrations();

}  // namespace tongxin::storage
