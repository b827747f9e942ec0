// Column readers tolerant of driver type differences.
#include "storage/rows.hpp"

#include <cmath>

namespace tongxin::storage {
namespace {

std::size_t Index(const soci::row& row, const std::string& name) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row.get_properties(i).get_name() == name) return i;
  }
  throw soci::soci_error("no column named " + name);
}

}  // namespace

std::int64_t GetInt(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return 0;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer: return row.get<int>(i);
    case soci::dt_long_long: return row.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<std::int64_t>(std::llround(row.get<double>(i)));
    case soci::dt_string: {
      const std::string s = row.get<std::string>(i);
      return s.empty() ? 0 : std::stoll(s);
    }
    default: throw soci::soci_error("column is not an integer");
  }
}

std::string GetStr(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(i);
    case soci::dt_integer: return std::to_string(row.get<int>(i));
    case soci::dt_long_long: return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long: return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double: return std::to_string(row.get<double>(i));
    default: throw soci::soci_error("column is not text");
  }
}

std::int64_t GetInt(const soci::row& row, const std::string& name) { return GetInt(row, Index(row, name)); }
std::string GetStr(const soci::row& row, const std::string& name) { return GetStr(row, Index(row, name)); }

std::optional<std::int64_t> GetOptInt(const soci::row& row, const std::string& name) {
  std::size_t i = Index(row, name);
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  return GetInt(row, i);
}

double GetDouble(const soci::row& row, const std::string& name) {
  std::size_t i = Index(row, name);
  if (row.get_indicator(i) == soci::i_null) return 0;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_double: return row.get<double>(i);
    case soci::dt_string: return std::stod(row.get<std::string>(i));
    default: return static_cast<double>(GetInt(row, i));
  }
}

}  // namespace tongxin::storage
