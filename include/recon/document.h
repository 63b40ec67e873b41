// Document: one article, read once; every span and claim points into its text.
#ifndef RECON_DOCUMENT_H_
#define RECON_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "recon/date_range.h"

namespace recon {

// An article and its metadata from front matter or a JSON line. The text is UTF-8 with LF line
// ends and no byte-order mark. A value type, but large: move it, don't copy it.
struct Document {
  std::string id;                     // front matter `id`, else the file name without extension
  std::string source;                 // the outlet; "" when unknown
  std::optional<Date> published;      // document creation date; anchors relative dates
  std::string title;
  std::string url;
  std::optional<double> reliability;  // 0..1, overrides the outlet prior when set
  std::string path;                   // where it was read from ("-" for standard input)
  int first_line = 1;                 // line of `path` where `text` begins (for diagnostics)
  std::string text;                   // the body
};

// The documents of one run, in a deterministic order (sorted by id, then path).
struct Corpus {
  std::vector<Document> documents;
  size_t files_read = 0;
  size_t bytes_read = 0;
};

}  // namespace recon

#endif  // RECON_DOCUMENT_H_
