// Ingest: reads articles (.txt/.md with optional YAML front matter), JSON Lines and standard
// input into a Corpus; every bad input becomes a diagnostic and the run goes on.
#include "recon/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>
#include <string_view>
#include <system_error>
#include <tuple>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "recon/parallel.h"
#include "recon/text_util.h"

namespace recon {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A path's file name, and the name's last extension as std::filesystem gives it (".md"; none
// for ".profile", "." or ".."), read from the string: building a path for them cost more than
// the rest of listing a folder.
std::string_view FileName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}
std::string_view Extension(std::string_view path) {
  std::string_view name = FileName(path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name == "..") return {};
  return name.substr(dot);
}

bool HasArticleExtension(std::string_view path) {
  std::string_view ext = Extension(path);
  return EqualsIgnoreCase(ext, ".txt") || EqualsIgnoreCase(ext, ".md") || EqualsIgnoreCase(ext, ".markdown");
}

bool IsJsonLines(std::string_view path) { return EqualsIgnoreCase(Extension(path), ".jsonl"); }

int LineOfOffset(std::string_view text, size_t offset) {
  return 1 + int(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// Strips byte-order marks (some tools write two) and converts CRLF/CR to LF, with one warning
// for each, so offsets into the text are stable. `line` is where the warnings point: 0 for the
// line in `bytes` itself (an article), else that line (a JSON record is one line of its file).
void Normalize(const std::string& path, int line, std::string* bytes, Diagnostics* diags) {
  if (std::string_view(*bytes).substr(0, 3) == kBom) {
    while (std::string_view(*bytes).substr(0, 3) == kBom) bytes->erase(0, 3);
    diags->Warning(path, line ? line : 1, line ? 0 : 1, "bom", "byte-order mark removed");
  }
  if (bytes->find('\r') != std::string::npos) {
    int first = line ? line : LineOfOffset(*bytes, bytes->find('\r'));
    std::string out;
    out.reserve(bytes->size());
    for (size_t i = 0; i < bytes->size(); ++i) {
      char c = (*bytes)[i];
      if (c == '\r') {
        out.push_back('\n');
        if (i + 1 < bytes->size() && (*bytes)[i + 1] == '\n') ++i;
      } else {
        out.push_back(c);
      }
    }
    *bytes = std::move(out);
    diags->Warning(path, first, 0, "crlf", "CRLF or CR line ends converted to LF");
  }
}

// Checks the bytes are text; false (with a diagnostic) for empty, binary or invalid UTF-8 input.
// `line` as for Normalize: 0 to point at the line and column in `bytes`, else that line.
bool CheckText(const std::string& path, int line, std::string_view bytes, Diagnostics* diags) {
  if (Trim(bytes).empty()) {
    diags->Error(path, line ? line : 1, 0, "empty", "document is empty; skipped");
    return false;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    diags->Error(path, line ? line : LineOfOffset(bytes, nul), 0, "binary",
                 "contains NUL bytes: looks like a binary file, not text; skipped");
    return false;
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
    int column = int(bad - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    diags->Error(path, line ? line : LineOfOffset(bytes, bad), line ? 0 : column, "invalid-utf8",
                 "invalid UTF-8 at byte " + std::to_string(bad) + "; skipped");
    return false;
  }
  return true;
}

// The file name without its last extension, as std::filesystem's stem() gives it ("a.b.md":
// "a.b"; ".profile" and ".." whole).
std::string IdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  std::string_view name = FileName(path);
  return std::string(name.substr(0, name.size() - Extension(name).size()));
}

// Applies one metadata key from front matter or JSON to the document. Returns "" or a problem.
std::string SetField(Document* doc, std::string_view key, const std::string& value) {
  if (key == "id") {
    if (Trim(value).empty()) return "'id' is empty";
    doc->id = std::string(Trim(value));
  } else if (key == "source") {
    doc->source = std::string(Trim(value));
  } else if (key == "title") {
    doc->title = value;
  } else if (key == "url") {
    doc->url = value;
  } else if (key == "published") {
    auto d = ParseIsoDate(Trim(value));
    if (!d) return "'published' is not an ISO date (YYYY-MM-DD or YYYY-MM-DDThh:mm): '" + value + "'";
    doc->published = d;
  } else if (key == "reliability") {
    char* end = nullptr;
    double r = std::strtod(value.c_str(), &end);
    // Written so that NaN ("nan") fails the range check too.
    if (value.empty() || *end != '\0' || !(r >= 0 && r <= 1))
      return "'reliability' must be a number from 0 to 1, not '" + value + "'";
    doc->reliability = r;
  } else {
    return "";  // other keys (author, tags, ...) are kept out of the model but are not errors
  }
  return "";
}

// The lines of `block`, each without its '\n'.
std::vector<std::string_view> Lines(std::string_view block) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < block.size();) {
    size_t eol = block.find('\n', pos);
    lines.push_back(block.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
    pos = eol == std::string_view::npos ? block.size() : eol + 1;
  }
  return lines;
}

// A top-level "key:" line: a plain word, a colon, then a space or nothing.
bool IsKeyLine(std::string_view line) {
  size_t k = 0;
  while (k < line.size() && (IsAsciiAlpha(line[k]) || IsAsciiDigit(line[k]) || line[k] == '_' || line[k] == '-')) ++k;
  return k > 0 && k < line.size() && line[k] == ':' && (k + 1 == line.size() || line[k + 1] == ' ');
}

// Front matter read without YAML: each line "key: value", the key a plain word, the value
// everything after the first ": " with one pair of enclosing quotes taken off. Blank lines,
// "#" comments and indented lines (a list's items, a folded value) pass; a key told twice keeps
// its first value. False when some line has another shape.
bool PlainFields(std::string_view block, std::vector<std::pair<std::string, std::string>>* out) {
  for (std::string_view raw : Lines(block)) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || raw[0] == ' ' || raw[0] == '\t' || line[0] == '-') continue;
    if (!IsKeyLine(line)) return false;
    size_t colon = line.find(':');
    std::string_view key = line.substr(0, colon);
    std::string_view value = Trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0])
      value = value.substr(1, value.size() - 2);
    if (std::none_of(out->begin(), out->end(), [&](const auto& f) { return f.first == key; }))
      out->emplace_back(key, value);
  }
  return true;
}

// One "key: value" line of front matter, the value as YAML reads it; line and column 0-based
// from the front matter's first line.
struct FrontField {
  std::string key, value;
  int line = 0, column = 0;
};

// Front matter whose every line YAML reads one way only: "key: value" with a plain word as the
// key and, as the value, a plain scalar no indicator starts and no ": " or " #" interrupts, or
// a quoted one without escapes or inner quotes. Blank lines and comments pass. Such front
// matter is most of it, and YAML's general parser cost more than the rest of ingest; anything
// else (lists, block scalars, escapes, a null or repeated key) is turned down, for YAML.
bool SimpleFrontMatter(std::string_view block, std::vector<FrontField>* out) {
  const std::vector<std::string_view> lines = Lines(block);
  for (int line_no = 0; line_no < int(lines.size()); ++line_no) {
    std::string_view line = lines[line_no];
    if (Trim(line).empty() && line.find('\t') == std::string_view::npos) continue;
    if (line[0] == '#') continue;
    size_t k = 0;
    while (k < line.size() && (IsAsciiAlpha(line[k]) || (k > 0 && (IsAsciiDigit(line[k]) || line[k] == '_' || line[k] == '-'))))
      ++k;
    if (k == 0 || line.substr(k, 2) != ": ") return false;
    size_t v = k + 2;
    while (v < line.size() && line[v] == ' ') ++v;
    size_t end = line.size();
    while (end > v && line[end - 1] == ' ') --end;
    if (v == end) return false;  // a null value
    std::string_view value = line.substr(v, end - v);
    const char q = value[0];
    const bool quoted = q == '"' || q == '\'';
    if (quoted) {
      if (value.size() < 2 || value.back() != q) return false;
      value = value.substr(1, value.size() - 2);
    } else if (std::string_view("-?:,[]{}#&*!|>%@`").find(q) != std::string_view::npos || value.back() == ':' ||
               value == "~" || value == "null" || value == "Null" || value == "NULL") {
      return false;
    }
    // One pass over the value's bytes for everything YAML could read another way.
    for (size_t i = 0; i < value.size(); ++i) {
      const unsigned char c = (unsigned char)value[i];
      if (c < 0x20 || c == 0x7F) return false;
      if (quoted) {
        if (c == (unsigned char)q || (q == '"' && c == '\\')) return false;
        continue;
      }
      const char next = i + 1 < value.size() ? value[i + 1] : '\0';
      if ((c == ':' && next == ' ') || (c == ' ' && next == '#')) return false;
      // Line and paragraph separators that YAML may take for line breaks, and a stray BOM.
      if (c >= 0x80) {
        const std::string_view rest(value.data() + i, value.size() - i);
        if (rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") ||
            rest.starts_with("\xE2\x80\xA9") || rest.starts_with("\xEF\xBB\xBF"))
          return false;
      }
    }
    std::string_view key = line.substr(0, k);
    if (std::any_of(out->begin(), out->end(), [&](const FrontField& f) { return f.key == key; })) return false;
    out->push_back({std::string(key), std::string(value), line_no, int(v)});
  }
  return true;
}

// Applies one scalar field; false, with a diagnostic at the value's line and column (1-based,
// in the file), when the document must be skipped.
bool ApplyField(const std::string& path, const std::string& key, const std::string& value, int line,
                int column, Document* doc, Diagnostics* diags) {
  std::string problem = SetField(doc, key, value);
  if (problem.empty()) return true;
  diags->Error(path, line, column, key == "published" ? "bad-date" : "front-matter", problem + "; skipped");
  return false;
}

// Whether the quoted scalar opening `value` closes on its line: a double quote not escaped by a
// backslash, or a single quote not doubled ('it''s').
bool QuoteCloses(std::string_view value) {
  const char q = value[0];
  for (size_t k = 1; k < value.size(); ++k) {
    if (q == '"' && value[k] == '\\') {
      ++k;
    } else if (value[k] == q) {
      if (q == '\'' && k + 1 < value.size() && value[k + 1] == '\'') {
        ++k;
        continue;
      }
      return true;
    }
  }
  return false;
}

// Where a value's opening quote is not closed on its line while the next line is a "key:"
// line: YAML would read that key and its value into the quoted text (a title with a lost
// closing quote swallows the date after it). The 0-based line and the quote's 0-based column;
// {-1, 0} when there is none.
std::pair<int, int> UnclosedQuote(std::string_view block) {
  const std::vector<std::string_view> lines = Lines(block);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!IsKeyLine(lines[i]) || !IsKeyLine(lines[i + 1])) continue;
    const size_t colon = lines[i].find(':');
    const size_t open = lines[i].find_first_not_of(' ', colon + 1);
    if (open == std::string_view::npos || (lines[i][open] != '"' && lines[i][open] != '\'')) continue;
    if (!QuoteCloses(lines[i].substr(open))) return {int(i), int(open)};
  }
  return {-1, 0};
}

// Reads front matter as plain "key: value" lines (PlainFields) after YAML turned it down, with a
// warning at the line YAML stopped at; false, with an error, when the lines have another shape.
bool PlainFrontMatter(const std::string& path, const std::string& yaml, int line, int column,
                      const std::string& why, YAML::Node* meta, Diagnostics* diags) {
  std::vector<std::pair<std::string, std::string>> fields;
  if (!PlainFields(yaml, &fields)) {
    diags->Error(path, line, column, "front-matter", why + "; skipped");
    return false;
  }
  diags->Warning(path, line, column, "front-matter",
                 why + "; read each line as 'key: value' instead (quote values that hold ': ')");
  *meta = YAML::Node(YAML::NodeType::Map);
  for (const auto& [k, v] : fields) (*meta)[k] = v;
  return true;
}

// Front matter that YAML must read: anything SimpleFrontMatter turns down. False, with a
// diagnostic, when the document must be skipped.
bool ApplyYamlFrontMatter(const std::string& path, const std::string& yaml, Document* doc,
                          Diagnostics* diags) {
  YAML::Node meta;
  if (const auto [line, column] = UnclosedQuote(yaml); line >= 0) {
    if (!PlainFrontMatter(path, yaml, line + 2, column + 1, "a quoted value is not closed on its line", &meta,
                          diags))
      return false;
  } else {
    try {
      meta = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
      // Headlines hold colons ("title: Defector: a story"), which YAML reads as a nested map.
      // Read as plain "key: value" lines, such front matter loses nothing; the warning says so.
      if (!PlainFrontMatter(path, yaml, e.mark.line + 2, e.mark.column + 1,
                            "front matter is not valid YAML: " + e.msg, &meta, diags))
        return false;
    }
  }
  if (!meta.IsNull() && !meta.IsMap()) {
    diags->Error(path, 2, 1, "front-matter", "front matter must be 'key: value' lines; skipped");
    return false;
  }
  for (const auto& kv : meta) {
    if (!kv.first.IsScalar()) {  // "? [a, b]": as<std::string>() would throw
      diags->Error(path, kv.first.Mark().line + 2, kv.first.Mark().column + 1, "front-matter",
                   "front matter keys must be plain words; skipped");
      return false;
    }
    std::string key = kv.first.Scalar();
    if (!kv.second.IsScalar()) {
      if (key == "id" || key == "source" || key == "published" || key == "title" ||
          key == "url" || key == "reliability") {
        diags->Error(path, kv.second.Mark().line + 2, kv.second.Mark().column + 1,
                     "front-matter", "'" + key + "' must be a single value; skipped");
        return false;
      }
      continue;
    }
    if (!ApplyField(path, key, kv.second.Scalar(), kv.second.Mark().line + 2,
                    kv.second.Mark().column + 1, doc, diags))
      return false;
  }
  return true;
}

}  // namespace

bool ParseArticle(const std::string& path, std::string bytes, Document* doc, Diagnostics* diags) {
  // A binary file gets one diagnostic, not BOM or line-end warnings about bytes that are not text.
  if (size_t nul = bytes.find('\0'); nul != std::string::npos) {
    diags->Error(path, LineOfOffset(bytes, nul), 0, "binary",
                 "contains NUL bytes: looks like a binary file, not text; skipped");
    return false;
  }
  Normalize(path, 0, &bytes, diags);
  if (!CheckText(path, 0, bytes, diags)) return false;
  doc->path = path;
  doc->id = IdFromPath(path);
  doc->first_line = 1;
  std::string_view text = bytes;
  if (text.substr(0, 4) == "---\n" || text == "---") {
    size_t close = std::string_view::npos;
    for (size_t pos = 4; pos < text.size();) {
      size_t eol = text.find('\n', pos);
      std::string_view line = text.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
      if (Trim(line) == "---" || Trim(line) == "...") {
        close = pos;
        break;
      }
      if (eol == std::string_view::npos) break;
      pos = eol + 1;
    }
    if (close == std::string_view::npos) {
      diags->Error(path, 1, 1, "front-matter",
                   "front matter opened with '---' on line 1 is never closed; add a '---' line "
                   "after the metadata; skipped");
      return false;
    }
    std::string_view block = text.substr(4, close - 4);
    std::vector<FrontField> simple;
    if (SimpleFrontMatter(block, &simple)) {
      for (const FrontField& f : simple)
        if (!ApplyField(path, f.key, f.value, f.line + 2, f.column + 1, doc, diags)) return false;
    } else if (!ApplyYamlFrontMatter(path, std::string(block), doc, diags)) {
      return false;
    }
    size_t body = text.find('\n', close);
    body = body == std::string_view::npos ? text.size() : body + 1;
    doc->first_line = LineOfOffset(text, body);
    bytes.erase(0, body);
  }
  if (Trim(bytes).empty()) {
    diags->Error(path, doc->first_line, 0, "empty", "document has metadata but no text; skipped");
    return false;
  }
  doc->text = std::move(bytes);
  return true;
}

bool ParseJsonLine(const std::string& path, int line_no, std::string_view line, Document* doc,
                   Diagnostics* diags) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::out_of_range&) {  // a number too large for a double: 1e999
    diags->Error(path, line_no, 0, "json", "JSON line does not parse: a number is out of range; skipped");
    return false;
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() starts "[json.exception...] parse error at line 1, column N: "; the line and column
    // are ours to give, so keep only the reason.
    std::string why = e.what();
    if (size_t col = why.find("column "); col != std::string::npos) {
      if (size_t colon = why.find(": ", col); colon != std::string::npos) why.erase(0, colon + 2);
    }
    diags->Error(path, line_no, int(e.byte), "json", "JSON line does not parse: " + why + "; skipped");
    return false;
  } catch (const nlohmann::json::exception& e) {
    diags->Error(path, line_no, 0, "json", std::string("JSON line does not parse: ") + e.what() + "; skipped");
    return false;
  }
  if (!j.is_object()) {
    diags->Error(path, line_no, 1, "json", "JSON line must be an object; skipped");
    return false;
  }
  doc->path = path;
  doc->first_line = line_no;
  doc->id = IdFromPath(path) + ":" + std::to_string(line_no);
  for (auto& [key, value] : j.items()) {
    if (key == "text") {
      if (!value.is_string()) {
        diags->Error(path, line_no, 0, "json", "'text' must be a string; skipped");
        return false;
      }
      doc->text = value.get<std::string>();
      continue;
    }
    std::string s;
    if (value.is_string()) s = value.get<std::string>();
    else if (value.is_number()) s = value.dump();
    else if (value.is_null()) continue;
    else continue;
    std::string problem = SetField(doc, key, s);
    if (!problem.empty()) {
      diags->Error(path, line_no, 0, key == "published" ? "bad-date" : "json", problem + "; skipped");
      return false;
    }
  }
  if (!j.contains("text")) {
    diags->Error(path, line_no, 0, "empty", "JSON line has no 'text' field; skipped");
    return false;
  }
  Normalize(path, line_no, &doc->text, diags);
  if (!CheckText(path, line_no, doc->text, diags)) return false;
  return true;
}

namespace {

void ReadJsonLines(const std::string& path, std::string_view bytes, Corpus* corpus,
                   Diagnostics* diags) {
  int line_no = 0;
  bool warned_cr = false;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t eol = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? bytes.size() : eol + 1;
    ++line_no;
    if (line_no == 1 && line.substr(0, 3) == kBom) {
      line.remove_prefix(3);
      diags->Warning(path, 1, 1, "bom", "byte-order mark removed");
    }
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      if (!warned_cr) diags->Warning(path, line_no, 0, "crlf", "CRLF line ends read as LF");
      warned_cr = true;
    }
    if (Trim(line).empty()) continue;
    Document doc;
    if (ParseJsonLine(path, line_no, line, &doc, diags)) corpus->documents.push_back(std::move(doc));
  }
}

void ReadOne(const std::string& path, std::string bytes, Corpus* corpus, Diagnostics* diags) {
  corpus->files_read++;
  corpus->bytes_read += bytes.size();
  std::string_view head = bytes;
  if (head.substr(0, 3) == kBom) head.remove_prefix(3);
  head = Trim(head);
  bool jsonl = IsJsonLines(path) || (path == "-" && !head.empty() && head.front() == '{');
  if (jsonl) {
    ReadJsonLines(path, bytes, corpus, diags);
    return;
  }
  Document doc;
  if (ParseArticle(path, std::move(bytes), &doc, diags)) corpus->documents.push_back(std::move(doc));
}

// In one read of the size the file has, then on to the end in case the file grew meanwhile.
// POSIX calls rather than an ifstream, whose setup (a locale, a buffer) cost more than the read.
bool ReadFile(const fs::path& p, std::string* out) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  out->resize(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? size_t(st.st_size) : 0);
  size_t got = 0;
  char more[4096];  // what comes after the size fstat gave: nothing, mostly
  bool ok = true;
  for (;;) {
    const bool into_out = got < out->size();
    const ssize_t r = into_out ? ::read(fd, out->data() + got, out->size() - got) : ::read(fd, more, sizeof more);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      ok = r == 0;
      break;
    }
    if (!into_out) out->append(more, size_t(r));
    got += size_t(r);
  }
  ::close(fd);
  out->resize(got);
  return ok;
}

// Reads and parses `files` on up to `threads` threads (0: all cores), each file into a slot of
// its own, then joins the slots in file order: the same documents and diagnostics in the same
// order as one thread reading them in turn. What a file's reading throws (out of memory) is
// thrown here, after every thread has stopped: the first in file order, as one thread would.
void ReadFiles(const std::vector<fs::path>& files, int threads, Corpus* corpus, Diagnostics* diags) {
  struct Slot {
    Corpus corpus;
    Diagnostics diags;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next.fetch_add(1)) < files.size();) {
      try {
        std::string bytes;
        if (!ReadFile(files[k], &bytes)) {
          slots[k].diags.Error(files[k].string(), 0, 0, "read", "cannot read file; skipped");
          continue;
        }
        ReadOne(files[k].string(), std::move(bytes), &slots[k].corpus, &slots[k].diags);
      } catch (...) {
        slots[k].error = std::current_exception();
        next = files.size();  // the run ends: no thread starts another file
      }
    }
  };
  RunWorkers(WorkerCount(threads, files.size()), [&](unsigned) { work(); });
  for (const Slot& s : slots)
    if (s.error) std::rethrow_exception(s.error);
  for (Slot& s : slots) {
    corpus->files_read += s.corpus.files_read;
    corpus->bytes_read += s.corpus.bytes_read;
    for (Document& d : s.corpus.documents) corpus->documents.push_back(std::move(d));
    diags->Append(s.diags);
  }
}

// Sorts paths as std::filesystem orders them, name by name, so "a/x.md" comes before
// "a-b.md". The paths of one folder's walk have single separators, so a separator as a NUL,
// below every byte of a name, gives that order bytewise; path::compare, which splits both
// paths into names on every call, cost more than the rest of reading ten thousand files.
void SortPaths(std::vector<fs::path>* files) {
  std::vector<std::pair<std::string, size_t>> keys(files->size());
  for (size_t i = 0; i < files->size(); ++i) {
    keys[i] = {(*files)[i].native(), i};
    std::replace(keys[i].first.begin(), keys[i].first.end(), '/', '\0');
  }
  std::sort(keys.begin(), keys.end());
  std::vector<fs::path> sorted;
  sorted.reserve(files->size());
  for (const auto& k : keys) sorted.push_back(std::move((*files)[k.second]));
  *files = std::move(sorted);
}

}  // namespace

Corpus Ingest(const std::vector<std::string>& paths, Diagnostics* diags, int threads) {
  Corpus corpus;
  for (const auto& path : paths) {
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      ReadOne("-", std::move(bytes), &corpus, diags);
      continue;
    }
    std::error_code ec;
    fs::path p(path);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;  // reported below: the walk cannot go on past a failed step
        const std::string& file = it->path().native();
        if (it->is_regular_file(ec) && (HasArticleExtension(file) || IsJsonLines(file)) &&
            !EqualsIgnoreCase(FileName(file), "readme.md"))
          files.push_back(it->path());
      }
      if (ec) {
        diags->Error(path, 0, 0, "read",
                     "cannot read the whole folder (" + ec.message() + "); read what was listed");
      }
      SortPaths(&files);
      ReadFiles(files, threads, &corpus, diags);
    } else if (fs::exists(p, ec)) {
      std::string bytes;
      if (!ReadFile(p, &bytes)) {
        diags->Error(path, 0, 0, "read", "cannot read file; skipped");
        continue;
      }
      ReadOne(path, std::move(bytes), &corpus, diags);
    } else {
      diags->Error(path, 0, 0, "missing", "no such file or directory; skipped");
    }
  }
  // Deterministic order whatever the order of the arguments; a repeated id is renamed, not lost.
  auto by_id = [](const Document& a, const Document& b) {
    return std::tie(a.id, a.path, a.first_line) < std::tie(b.id, b.path, b.first_line);
  };
  // Mostly sorted already (files are read in path order, named as their ids): then moving
  // every document through a merge buffer is the sort's whole cost.
  if (!std::is_sorted(corpus.documents.begin(), corpus.documents.end(), by_id))
    std::stable_sort(corpus.documents.begin(), corpus.documents.end(), by_id);
  std::set<std::string> taken;  // every id, made at the first repeat
  bool renamed_any = false;
  std::string previous;  // the previous document's id before any renaming
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& doc = corpus.documents[i];
    std::string original = doc.id;
    if (i > 0 && original == previous) {
      // The new name must not be an id another document already has ("x~2" may be real).
      if (taken.empty())
        for (const auto& d : corpus.documents) taken.insert(d.id);
      std::string renamed;
      for (int n = 2; taken.count(renamed = original + "~" + std::to_string(n)); ++n) {
      }
      taken.insert(renamed);
      diags->Warning(doc.path, doc.first_line, 0, "duplicate-id",
                     "document id '" + original + "' is used more than once; renamed to '" +
                         renamed + "'");
      doc.id = renamed;
      renamed_any = true;
    }
    previous = std::move(original);
  }
  // "x~2" may sort after "xa": sort again so the contract (sorted by id) holds after renaming.
  if (renamed_any) std::stable_sort(corpus.documents.begin(), corpus.documents.end(), by_id);
  return corpus;
}

}  // namespace recon
