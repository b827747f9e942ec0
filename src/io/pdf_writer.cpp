// PDF with cairo + pango.
#include "io/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>

namespace tongxin::io {
namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4 in points
constexpr double kMargin = 56.0;
constexpr const char* kFont = "Noto Sans CJK SC";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

struct PdfWriter::Impl {
  std::string out;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  double y = kMargin;
  bool finished = false;

  Impl() {
    surface = cairo_pdf_surface_create_for_stream(&Append, &out, kPageW, kPageH);
    cr = cairo_create(surface);
  }
  ~Impl() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  // Lays text out at x with width w; breaks the page first when it would not fit.
  double Draw(const std::string& text, double size, bool bold, double x, double w, double r = 0.1, double g = 0.1,
              double b = 0.1, bool advance = true, PangoAlignment align = PANGO_ALIGN_LEFT) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, text.c_str(), -1);
    int pw = 0, ph = 0;
    pango_layout_get_size(layout, &pw, &ph);
    const double height = static_cast<double>(ph) / PANGO_SCALE;
    if (y + height > kPageH - kMargin) {
      cairo_show_page(cr);
      y = kMargin;
    }
    cairo_set_source_rgb(cr, r, g, b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
    if (advance) y += height;
    return height;
  }
};

PdfWriter::PdfWriter() : impl_(std::make_unique<Impl>()) {}
PdfWriter::~PdfWriter() = default;

void PdfWriter::Title(const std::string& text) {
  impl_->Draw(text, 18, true, kMargin, kPageW - 2 * kMargin, 0.72, 0.11, 0.11);
  impl_->y += 10;
}

void PdfWriter::Heading(const std::string& text) {
  impl_->y += 8;
  impl_->Draw(text, 13, true, kMargin, kPageW - 2 * kMargin);
  impl_->y += 4;
}

void PdfWriter::Paragraph(const std::string& text, bool muted) {
  const double c = muted ? 0.42 : 0.1;
  impl_->Draw(text, 10, false, kMargin, kPageW - 2 * kMargin, c, c, c);
  impl_->y += 3;
}

void PdfWriter::Fields(const std::vector<std::pair<std::string, std::string>>& rows) {
  const double label_w = 110;
  for (const auto& [label, value] : rows) {
    const double y0 = impl_->y;
    const double h = impl_->Draw(value.empty() ? "—" : value, 10, false, kMargin + label_w,
                                 kPageW - 2 * kMargin - label_w);
    // The label goes beside its value, on the value's page.
    const double top = impl_->y - h;
    const double saved = impl_->y;
    impl_->y = top < y0 ? top : y0;
    impl_->Draw(label, 10, true, kMargin, label_w - 8, 0.42, 0.42, 0.42, false);
    impl_->y = saved + 3;
  }
}

void PdfWriter::Item(const std::string& mark, const std::string& text, const std::string& detail) {
  const double indent = 18;
  const double h = impl_->Draw(text, 10, false, kMargin + indent, kPageW - 2 * kMargin - indent);
  const double saved = impl_->y;
  impl_->y -= h;
  impl_->Draw(mark, 10, true, kMargin, indent, 0.1, 0.1, 0.1, false);
  impl_->y = saved;
  if (!detail.empty()) impl_->Draw(detail, 8.5, false, kMargin + indent, kPageW - 2 * kMargin - indent, 0.42, 0.42, 0.42);
  impl_->y += 4;
}

void PdfWriter::SignRow(const std::string& number, const std::string& text, const std::string& detail,
                        const std::string& sign_label, const std::string& qr_payload) {
  constexpr double kRow = 62, kQr = 54;
  auto& im = *impl_;
  if (im.y + kRow > kPageH - kMargin) {
    cairo_show_page(im.cr);
    im.y = kMargin;
  }
  const double top = im.y;
  const double right = kPageW - kMargin;
  const double text_w = right - kMargin - kQr - 160;
  im.Draw(number, 10, true, kMargin, 24, 0.42, 0.42, 0.42, false);
  im.Draw(text, 10.5, true, kMargin + 26, text_w, 0.1, 0.1, 0.1);
  if (!detail.empty()) im.Draw(detail, 8.5, false, kMargin + 26, text_w, 0.42, 0.42, 0.42);
  // The signature line, beside the names.
  const double sign_x = kMargin + 26 + text_w + 8;
  im.y = top + kRow - 22;
  im.Draw(sign_label, 8, false, sign_x, 140, 0.42, 0.42, 0.42, false);
  cairo_set_source_rgb(im.cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(im.cr, 0.6);
  cairo_move_to(im.cr, sign_x, top + kRow - 10);
  cairo_line_to(im.cr, sign_x + 140, top + kRow - 10);
  cairo_stroke(im.cr);
  if (QRcode* qr = QRcode_encodeString(qr_payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)) {
    const double cell = kQr / qr->width;
    const double x0 = right - kQr, y0 = top + (kRow - kQr) / 2 - 2;
    cairo_set_source_rgb(im.cr, 0, 0, 0);
    for (int r = 0; r < qr->width; ++r) {
      for (int c = 0; c < qr->width; ++c) {
        if (qr->data[r * qr->width + c] & 1) cairo_rectangle(im.cr, x0 + c * cell, y0 + r * cell, cell, cell);
      }
    }
    cairo_fill(im.cr);
    QRcode_free(qr);
  }
  // A rule between rows.
  cairo_set_source_rgb(im.cr, 0.85, 0.85, 0.85);
  cairo_set_line_width(im.cr, 0.4);
  cairo_move_to(im.cr, kMargin, top + kRow);
  cairo_line_to(im.cr, right, top + kRow);
  cairo_stroke(im.cr);
  im.y = top + kRow + 4;
}

void PdfWriter::Text(const std::string& text, double size, Align align, bool bold, bool muted) {
  const double c = muted ? 0.42 : 0.1;
  const PangoAlignment a = align == Align::kCenter  ? PANGO_ALIGN_CENTER
                           : align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                    : PANGO_ALIGN_LEFT;
  impl_->Draw(text, size, bold, kMargin, kPageW - 2 * kMargin, c, c, c, true, a);
}

namespace {

struct PngSource {
  const std::string* data;
  std::size_t pos = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* out, unsigned int length) {
  auto* src = static_cast<PngSource*>(closure);
  if (src->pos + length > src->data->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(src->data->data() + src->pos, length, out);
  src->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

bool PdfWriter::Image(const std::string& png, double max_w, double max_h, Align align) {
  PngSource src{&png};
  cairo_surface_t* img = cairo_image_surface_create_from_png_stream(&ReadPng, &src);
  if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(img);
    return false;
  }
  const double w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
  const double scale = std::min({1.0, max_w / w, max_h / h});
  const double dw = w * scale, dh = h * scale;
  auto& im = *impl_;
  if (im.y + dh > kPageH - kMargin) {
    cairo_show_page(im.cr);
    im.y = kMargin;
  }
  const double x = align == Align::kCenter  ? (kPageW - dw) / 2
                   : align == Align::kRight ? kPageW - kMargin - dw
                                            : kMargin;
  cairo_save(im.cr);
  cairo_translate(im.cr, x, im.y);
  cairo_scale(im.cr, scale, scale);
  cairo_set_source_surface(im.cr, img, 0, 0);
  cairo_paint(im.cr);
  cairo_restore(im.cr);
  cairo_surface_destroy(img);
  im.y += dh;
  return true;
}

void PdfWriter::Space(double points) { impl_->y += points; }

void PdfWriter::Rule() {
  auto& im = *impl_;
  cairo_set_source_rgb(im.cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(im.cr, 0.6);
  cairo_move_to(im.cr, kMargin, im.y);
  cairo_line_to(im.cr, kPageW - kMargin, im.y);
  cairo_stroke(im.cr);
  im.y += 6;
}

std::string PdfWriter::Finish() {
  if (!impl_->finished) {
    cairo_show_page(impl_->cr);
    cairo_surface_finish(impl_->surface);
    cairo_destroy(impl_->cr);
    impl_->cr = nullptr;
    cairo_surface_destroy(impl_->surface);
    impl_->surface = nullptr;
    impl_->finished = true;
  }
  return impl_->out;
}

}  // namespace tongxin::io
