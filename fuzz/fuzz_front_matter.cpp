// libFuzzer target for ParseArticle: front matter, BOM and line-end handling, text checks.
// Besides "does not crash", checks the promises of include/recon/document.h on what it accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "recon/ingest.h"
#include "recon/text_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  recon::Document doc;
  recon::Diagnostics diags;
  bool ok = recon::ParseArticle("fuzz.md", bytes, &doc, &diags);
  if (ok) {
    // An accepted document is UTF-8 text with LF line ends, no BOM, no NUL, and some content.
    if (!recon::IsValidUtf8(doc.text)) std::abort();
    if (doc.text.find('\r') != std::string::npos) std::abort();
    if (doc.text.find('\0') != std::string::npos) std::abort();
    // Leading byte-order marks are removed; a U+FEFF after the front matter is text, not a BOM.
    if (doc.first_line == 1 && doc.text.rfind("\xEF\xBB\xBF", 0) == 0) std::abort();
    if (recon::Trim(doc.text).empty()) std::abort();
    if (doc.id.empty() || doc.first_line < 1) std::abort();
    if (doc.reliability && !(*doc.reliability >= 0 && *doc.reliability <= 1)) std::abort();
    if (diags.error_count() != 0) std::abort();
  } else if (diags.error_count() == 0) {
    std::abort();  // a skipped document must say why
  }
  for (const auto& d : diags.items())
    if (d.file != "fuzz.md" || d.line < 0 || d.column < 0 || d.message.empty()) std::abort();
  return 0;
}
