// Reading columns from soci::row whatever type the driver reports (SQLite and PostgreSQL
// report integers and text differently). NULL reads as 0 or "".
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace tongxin::storage {

std::int64_t GetInt(const soci::row& row, std::size_t i);
std::int64_t GetInt(const soci::row& row, const std::string& name);
std::string GetStr(const soci::row& row, std::size_t i);
std::string GetStr(const soci::row& row, const std::string& name);
std::optional<std::int64_t> GetOptInt(const soci::row& row, const std::string& name);
double GetDouble(const soci::row& row, const std::string& name);

}  // namespace tongxin::storage
