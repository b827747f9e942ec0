// A letter as a PDF (A4, pango with CJK and Latin fonts): the letterhead (logo and its
// lines), the date at the right, the subject, the body's paragraphs, the signature image
// and the signer's name and title, in the letter's language.
#pragma once

#include <string>

#include "modules/partners/letter_template.hpp"

namespace tongxin::partners {

// `subject` and `body` are merged already; `lang` picks the letterhead and signer texts.
std::string RenderLetterPdf(const LetterTemplate& t, const std::string& lang, const std::string& subject,
                            const std::string& body, const std::string& dated_on);

}  // namespace tongxin::partners
