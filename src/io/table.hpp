// A plain table of text cells: what CSV/XLSX readers produce and writers consume.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tongxin::io {

using Row = std::vector<std::string>;
using Table = std::vector<Row>;

struct Cell {
  Cell(std::string t) : text(std::move(t)) {}  // NOLINT: implicit from text
  Cell(const char* t) : text(t) {}             // NOLINT
  static Cell Number(double v) {
    Cell c(std::string{});
    c.number = v;
    return c;
  }
  std::string text;
  std::optional<double> number;
  bool highlight = false;  // e.g. a fever: red fill
  bool bold = false;       // e.g. a totals row
};

// Text a spreadsheet could take for a formula (it starts with =, +, -, @, a tab or a
// carriage return, or their full-width forms) gets a leading apostrophe, so a cell typed
// by a user is never executed when an export is opened (CSV injection). Numbers are
// written as numbers (Cell::Number) and never pass through here.
std::string NeutraliseFormula(std::string text);

struct Sheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
  std::vector<double> widths;  // optional column widths in characters
};

// A sheet's name, column headers and column widths (in characters), as a spreadsheet
// writer starts it.
struct SheetShape {
  std::string sheet_name;
  std::vector<std::string> headers;
  std::vector<double> widths;
};

}  // namespace tongxin::io
