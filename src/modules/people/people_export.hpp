// People lists as spreadsheets, in the caller's language, identifiers masked unless the
// caller may see them.
#pragma once

#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "io/table.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::people {

io::SheetShape PeopleColumns(core::Lang lang);
// One person as a spreadsheet row, matching PeopleColumns.
std::vector<io::Cell> PersonCells(const PersonRow& r, bool reveal, core::Lang lang);
// Label of a choice value ("foreign_staff" -> "外籍工作人员" / "Foreign staff").
std::string ChoiceLabel(const std::string& field, const std::string& value, core::Lang lang);

}  // namespace tongxin::people
