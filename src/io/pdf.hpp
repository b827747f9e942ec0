// PDF reports with cairo and pango: A4 pages, text laid out by pango (so Chinese renders
// with a CJK font, Noto Sans CJK by default), flowing onto new pages as needed. Not
// thread-safe; one writer per document.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace tongxin::io {

class PdfWriter {
 public:
  PdfWriter();
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  void Title(const std::string& text);
  void Heading(const std::string& text);
  void Paragraph(const std::string& text, bool muted = false);
  // "label: value" lines with aligned labels.
  void Fields(const std::vector<std::pair<std::string, std::string>>& rows);
  // A bullet item with a mark (✓, ✗, •) and an optional second, smaller line.
  void Item(const std::string& mark, const std::string& text, const std::string& detail = "");
  // A sign-off row: number, text and a smaller detail line, a signature line labelled
  // `sign_label`, and at the right a QR code of `qr_payload` (a URL). Rows do not break
  // across pages.
  void SignRow(const std::string& number, const std::string& text, const std::string& detail,
               const std::string& sign_label, const std::string& qr_payload);
  // Letters: text at a size, aligned; a PNG image scaled down to fit max_w × max_h points
  // (false when the bytes are not a PNG cairo can read); vertical space; a thin rule.
  enum class Align { kLeft, kCenter, kRight };
  void Text(const std::string& text, double size, Align align = Align::kLeft, bool bold = false, bool muted = false);
  bool Image(const std::string& png, double max_w, double max_h, Align align = Align::kLeft);
  void Space(double points);
  void Rule();

  // Finishes the document and returns the PDF bytes.
  std::string Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tongxin::io
