// XLSX reading: unzip in memory, resolve the first worksheet, read shared strings and cells.
#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "io/xlsx.hpp"

namespace tongxin::io {
namespace {

core::Error BadFile(const std::string& detail) {
  return core::MakeError(core::Errc::kInvalid, "imports.bad_file", {{"detail", detail}});
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

core::Error TooLarge(const char* limit, std::size_t max) {
  return core::MakeError(core::Errc::kTooLarge, "imports.too_large", {{"limit", limit}, {"max", std::to_string(max)}});
}

// Reads one part in chunks, counting against the archive's budget: the size a zip header
// declares is not trusted. Returns false when the part is missing or unreadable.
class PartReader {
 public:
  PartReader(zip_t* z, std::size_t budget) : z_(z), left_(budget), budget_(budget) {}
  core::Result<bool> Read(const std::string& name, std::string* out) {
    zip_file_t* f = zip_fopen(z_, name.c_str(), 0);
    if (!f) return false;
    out->clear();
    char buf[64 * 1024];
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        zip_fclose(f);
        return false;
      }
      if (n == 0) break;
      if (static_cast<std::size_t>(n) > left_) {
        zip_fclose(f);
        return TooLarge("uncompressed_bytes", budget_);
      }
      left_ -= static_cast<std::size_t>(n);
      out->append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
    return true;
  }

 private:
  zip_t* z_;
  std::size_t left_, budget_;
};

// "BC12" -> 54 (zero-based column index).
int ColumnIndex(const char* ref) {
  int col = 0;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + (*p - 'A' + 1);
    if (col > 1 << 20) return col;  // far past any limit; no overflow on "ZZZZZZZZ"
  }
  return col - 1;
}

std::string TextOf(pugi::xml_node si) {
  // A shared or inline string: plain <t> or rich-text runs <r><t>.
  std::string out;
  if (auto t = si.child("t")) out = t.text().get();
  for (auto r : si.children("r")) out += r.child("t").text().get();
  return out;
}

}  // namespace

std::string ExcelSerialToDate(const std::string& serial) {
  char* end = nullptr;
  double v = std::strtod(serial.c_str(), &end);
  if (serial.empty() || *end != '\0' || v < 1 || v > 100000) return "";
  // Excel day 25569 is 1970-01-01.
  std::time_t t = static_cast<std::time_t>((static_cast<long long>(v) - 25569) * 86400LL);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

core::Result<Table> ReadXlsx(std::string_view bytes, const XlsxLimits& limits) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) return BadFile("not a zip file");
  std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY, &zerr));
  if (!z) {
    zip_source_free(src);
    return BadFile("not an XLSX file");
  }
  if (zip_get_num_entries(z.get(), 0) > static_cast<zip_int64_t>(limits.max_entries)) {
    return TooLarge("entries", limits.max_entries);
  }
  PartReader parts(z.get(), limits.max_uncompressed);
  auto read = [&](const std::string& name, std::string* out) -> core::Result<bool> { return parts.Read(name, out); };
  // Find the first sheet's part through workbook.xml and its relationships.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  std::string wb_xml, rels_xml;
  TX_TRY(wb_read, read("xl/workbook.xml", &wb_xml));
  TX_TRY(rels_read, *wb_read ? read("xl/_rels/workbook.xml.rels", &rels_xml) : core::Result<bool>(false));
  if (*wb_read && *rels_read) {
    pugi::xml_document wb, rels;
    if (wb.load_string(wb_xml.c_str()) && rels.load_string(rels_xml.c_str())) {
      auto sheet = wb.child("workbook").child("sheets").child("sheet");
      std::string rid = sheet.attribute("r:id").value();
      for (auto rel : rels.child("Relationships").children("Relationship")) {
        if (rid == rel.attribute("Id").value()) {
          std::string target = rel.attribute("Target").value();
          sheet_path = target.rfind("/", 0) == 0 ? target.substr(1) : "xl/" + target;
        }
      }
    }
  }
  std::vector<std::string> shared;
  std::string ss_xml;
  TX_TRY(ss_read, read("xl/sharedStrings.xml", &ss_xml));
  if (*ss_read) {
    pugi::xml_document ss;
    if (!ss.load_string(ss_xml.c_str())) return BadFile("broken shared strings");
    for (auto si : ss.child("sst").children("si")) shared.push_back(TextOf(si));
  }
  std::string sheet_xml;
  TX_TRY(sheet_read, read(sheet_path, &sheet_xml));
  if (!*sheet_read) return BadFile("no worksheet");
  pugi::xml_document doc;
  if (!doc.load_string(sheet_xml.c_str())) return BadFile("broken worksheet");
  sheet_xml.clear();
  sheet_xml.shrink_to_fit();
  Table table;
  for (auto row : doc.child("worksheet").child("sheetData").children("row")) {
    const auto number = row.attribute("r").as_ullong(0);
    if (number > limits.max_rows || table.size() >= limits.max_rows) return TooLarge("rows", limits.max_rows);
    Row out;
    std::size_t next = 0;
    for (auto c : row.children("c")) {
      const int ref = c.attribute("r") ? ColumnIndex(c.attribute("r").value()) : static_cast<int>(next);
      if (ref < 0) return BadFile("bad cell reference");
      const auto col = static_cast<std::size_t>(ref);
      if (col >= limits.max_columns) return TooLarge("columns", limits.max_columns);
      if (out.size() < col) out.resize(col);
      std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        std::size_t idx = c.child("v").text().as_uint(UINT32_MAX);
        if (idx >= shared.size()) return BadFile("bad shared string index");
        value = shared[idx];
      } else if (type == "inlineStr") {
        value = TextOf(c.child("is"));
      } else {
        value = c.child("v").text().get();
      }
      out.push_back(value);
      next = col + 1;
    }
    // Keep row numbers as in the sheet: pad skipped rows with empty ones.
    while (number > 0 && table.size() + 1 < number) table.emplace_back();
    table.push_back(std::move(out));
  }
  return table;
}

}  // namespace tongxin::io
