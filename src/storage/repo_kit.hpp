// What a repository source file uses: statements, column readers and row maps, brought in
// with one `using namespace storage::kit;` inside the repository's namespace.
#pragma once

#include "storage/query.hpp"
#include "storage/row_map.hpp"
#include "storage/rows.hpp"

namespace tongxin::storage::kit {

using storage::GetDouble;
using storage::GetInt;
using storage::GetOptInt;
using storage::GetStr;
using storage::kNotRead;
using storage::PageClause;
using storage::Query;
using storage::RowMap;

}  // namespace tongxin::storage::kit
