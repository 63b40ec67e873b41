// Ingest stage: files, folders, JSON Lines and standard input into a Corpus.
#ifndef RECON_INGEST_H_
#define RECON_INGEST_H_

#include <string>
#include <vector>

#include "recon/diagnostic.h"
#include "recon/document.h"

namespace recon {

// Reads every path: a `.txt` or `.md` file, a `.jsonl` file, a folder (recursively, in sorted
// order, only those extensions), or "-" for standard input (JSON Lines when it starts with `{`,
// else one article). A bad document becomes a diagnostic naming file and line and is skipped;
// the rest are read. Documents come back sorted by id, then path. A folder's files are read and
// parsed on `threads` threads (0: all cores); documents and diagnostics come out the same, in
// the same order, whatever the number.
Corpus Ingest(const std::vector<std::string>& paths, Diagnostics* diags, int threads = 1);

// Parses one article's bytes (front matter optional). Returns false, with a diagnostic, when the
// document must be skipped; warnings (BOM, CRLF) do not skip it.
bool ParseArticle(const std::string& path, std::string bytes, Document* doc, Diagnostics* diags);

// Parses one JSON line (`line_no` is 1-based); false with a diagnostic when it must be skipped.
bool ParseJsonLine(const std::string& path, int line_no, std::string_view line, Document* doc,
                   Diagnostics* diags);

}  // namespace recon

#endif  // RECON_INGEST_H_
