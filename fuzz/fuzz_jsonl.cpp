// libFuzzer target for ParseJsonLine: one JSON Lines record into a Document.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "recon/ingest.h"
#include "recon/text_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  recon::Document doc;
  recon::Diagnostics diags;
  bool ok = recon::ParseJsonLine("fuzz.jsonl", 7, line, &doc, &diags);
  if (ok) {
    if (!recon::IsValidUtf8(doc.text)) std::abort();
    if (doc.text.find('\r') != std::string::npos) std::abort();
    if (doc.text.find('\0') != std::string::npos) std::abort();
    if (recon::Trim(doc.text).empty()) std::abort();
    if (doc.id.empty() || doc.first_line != 7) std::abort();
    if (doc.reliability && !(*doc.reliability >= 0 && *doc.reliability <= 1)) std::abort();
    if (diags.error_count() != 0) std::abort();
  } else if (diags.error_count() == 0) {
    std::abort();
  }
  for (const auto& d : diags.items())
    if (d.file != "fuzz.jsonl" || d.line != 7 || d.column < 0 || d.message.empty()) std::abort();
  return 0;
}
