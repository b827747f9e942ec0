// Letters as PDF.
#include "modules/partners/letter_pdf.hpp"

#include "io/pdf.hpp"

namespace tongxin::partners {

std::string RenderLetterPdf(const LetterTemplate& t, const std::string& lang, const std::string& subject,
                            const std::string& body, const std::string& dated_on) {
  using Align = io::PdfWriter::Align;
  const bool zh = lang == "zh";
  auto pick = [&](const std::string& a, const std::string& b) { return zh ? (a.empty() ? b : a) : (b.empty() ? a : b); };
  io::PdfWriter pdf;
  if (!t.letterhead_png.empty()) pdf.Image(t.letterhead_png, 220, 64, Align::kCenter);
  const std::string head = pick(t.letterhead_zh, t.letterhead_en);
  if (!head.empty()) {
    pdf.Space(4);
    pdf.Text(head, 9, Align::kCenter, false, true);
  }
  if (!t.letterhead_png.empty() || !head.empty()) {
    pdf.Space(6);
    pdf.Rule();
  }
  pdf.Space(8);
  pdf.Text(LetterDate(dated_on, lang), 10.5, Align::kRight);
  pdf.Space(14);
  pdf.Text(subject, 13, Align::kCenter, true);
  pdf.Space(12);
  // Paragraphs are separated by blank lines; single line breaks stay as they are.
  std::size_t pos = 0;
  while (pos <= body.size()) {
    auto end = body.find("\n\n", pos);
    if (end == std::string::npos) end = body.size();
    std::string para = body.substr(pos, end - pos);
    while (!para.empty() && (para.back() == '\n' || para.back() == '\r')) para.pop_back();
    if (!para.empty()) {
      pdf.Text(para, 11);
      pdf.Space(8);
    }
    pos = end + 2;
  }
  pdf.Space(16);
  if (!t.signature_png.empty()) pdf.Image(t.signature_png, 150, 56, Align::kRight);
  const std::string name = pick(t.signer_name_zh, t.signer_name_en);
  const std::string title = pick(t.signer_title_zh, t.signer_title_en);
  if (!name.empty()) pdf.Text(name, 11, Align::kRight, true);
  if (!title.empty()) pdf.Text(title, 10, Align::kRight, false, true);
  return pdf.Finish();
}

}  // namespace tongxin::partners
