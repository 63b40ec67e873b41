// Tests for engine/ingest/ingest.cpp: front matter, JSON Lines, folders, and one test per kind of
// bad input, each checking where the diagnostic points and that the other documents are still read.
#include "recon/ingest.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace recon {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(RECON_SOURCE_DIR) + "/tests/data/ingest/" + name;
}

std::string Dump(const Diagnostics& diags) {
  std::string s;
  for (const auto& d : diags.items()) s += Format(d) + "\n";
  return s;
}

// The diagnostics with `code`, so a test can say "exactly one, here".
std::vector<Diagnostic> WithCode(const Diagnostics& diags, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.items())
    if (d.code == code) out.push_back(d);
  return out;
}

const Document* FindDoc(const Corpus& c, const std::string& id) {
  for (const auto& d : c.documents)
    if (d.id == id) return &d;
  return nullptr;
}

bool Mentions(const Diagnostic& d, const std::string& what) {
  return d.message.find(what) != std::string::npos;
}

// Ingests `bad` next to good.md and checks the good document survives; returns the diagnostics.
Diagnostics IngestBesideGood(const std::string& bad, Corpus* corpus) {
  Diagnostics diags;
  *corpus = Ingest({Fixture(bad), Fixture("good.md")}, &diags);
  CHECK_MESSAGE(FindDoc(*corpus, "good-article") != nullptr, "good.md was not read after " << bad);
  return diags;
}

// Ingests `bad` beside good.md and returns its one diagnostic with `code`; fails the test when
// there is not exactly one.
Diagnostic OnlyDiagnostic(const std::string& bad, const std::string& code, Corpus* corpus) {
  Diagnostics diags = IngestBesideGood(bad, corpus);
  auto found = WithCode(diags, code);
  REQUIRE_MESSAGE(found.size() == 1, Dump(diags));
  return found[0];
}

TEST_CASE("front matter fields are parsed") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("good.md")}, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(c.documents.size() == 1);
  const Document& d = c.documents[0];
  CHECK(d.id == "good-article");
  CHECK(d.source == "Example Wire");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == Date(2016, 8, 17));
  CHECK(d.title == "A good article");
  CHECK(d.url == "https://example.org/good");
  REQUIRE(d.reliability.has_value());
  CHECK(*d.reliability == doctest::Approx(0.85));
  CHECK(d.path == Fixture("good.md"));
  // Line 11 of the file is the first body line, after ten lines of front matter.
  CHECK(d.first_line == 11);
  CHECK(d.text == "The ministry said on Wednesday that the envoy had arrived.\n");
  CHECK(c.files_read == 1);
  CHECK(c.bytes_read == fs::file_size(Fixture("good.md")));
}

TEST_CASE("published may be a date-time; the date part is kept") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("datetime.md")}, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(c.documents.size() == 1);
  REQUIRE(c.documents[0].published.has_value());
  CHECK(*c.documents[0].published == Date(2016, 8, 17));
}

TEST_CASE("no front matter: id from the file name, no date, whole file is the text") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("no_front_matter.txt")}, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(c.documents.size() == 1);
  const Document& d = c.documents[0];
  CHECK(d.id == "no_front_matter");
  CHECK_FALSE(d.published.has_value());
  CHECK_FALSE(d.reliability.has_value());
  CHECK(d.source.empty());
  CHECK(d.first_line == 1);
  CHECK(d.text == "An article with no metadata at all.\nIt has two lines.\n");
}

TEST_CASE("unterminated front matter is an error on line 1 and the file is skipped") {
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("unterminated.md", "front-matter", &c);
  CHECK(fm.severity == Severity::kError);
  CHECK(fm.file == Fixture("unterminated.md"));
  CHECK(fm.line == 1);
  CHECK(Mentions(fm, "never closed"));
  CHECK(FindDoc(c, "unterminated") == nullptr);
  CHECK(c.documents.size() == 1);
}

TEST_CASE("front matter that is no YAML but plain 'key: value' lines is read, with a warning at the line") {
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("invalid_yaml.md", "front-matter", &c);
  CHECK(fm.severity == Severity::kWarning);
  CHECK(fm.file == Fixture("invalid_yaml.md"));
  // "title: Defector: a story" is line 3 of the file (line 2 of the YAML block); the stray
  // colon is its 16th character.
  CHECK_MESSAGE(fm.line == 3, Format(fm));
  CHECK(fm.column == 16);
  CHECK(Mentions(fm, "not valid YAML"));
  CHECK(Mentions(fm, "key: value"));
  REQUIRE(c.documents.size() == 2);
  const Document* d = FindDoc(c, "bad-yaml");
  REQUIRE(d != nullptr);
  CHECK(d->title == "Defector: a story");
  CHECK(d->source == "Example");
  CHECK(d->text == "Body text.\n");
}

TEST_CASE("a quoted value left open before the next key is a warning at its line; the next keys are kept") {
  // YAML would read "published: ..." and "source: ..." into the title, silently.
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("unclosed_quote.md", "front-matter", &c);
  CHECK(fm.severity == Severity::kWarning);
  CHECK_MESSAGE(fm.line == 3, Format(fm));
  CHECK(fm.column == 8);  // the opening quote
  CHECK(Mentions(fm, "not closed"));
  const Document* d = FindDoc(c, "unclosed-quote");
  REQUIRE(d != nullptr);
  CHECK(d->title == "\"A defector's story");
  REQUIRE(d->published.has_value());
  CHECK(d->published->year() == 2019);
  CHECK(d->source == "Example");
}

TEST_CASE("a quoted value closed before a comment, or with a doubled single quote, is YAML as before") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("quote_then_comment.md", &c);
  CHECK_MESSAGE(WithCode(diags, "front-matter").empty(), Dump(diags));
  const Document* d = FindDoc(c, "quote-then-comment");
  REQUIRE(d != nullptr);
  CHECK(d->title == "A defector's story");
  CHECK(d->source == "Example's desk");
  CHECK(d->published.has_value());
}

TEST_CASE("front matter read line by line passes list items, folded values and a key told twice") {
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("invalid_yaml_lists.md", "front-matter", &c);
  CHECK(fm.severity == Severity::kWarning);
  const Document* d = FindDoc(c, "lists-yaml");
  REQUIRE(d != nullptr);
  CHECK(d->title == "Defector: a story");
  CHECK(d->source == "Example");  // the first of two
}

TEST_CASE("front matter that is neither YAML nor 'key: value' lines is an error at its line, and skipped") {
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("invalid_front_matter.md", "front-matter", &c);
  CHECK(fm.severity == Severity::kError);
  CHECK(fm.file == Fixture("invalid_front_matter.md"));
  CHECK_MESSAGE(fm.line == 3, Format(fm));
  CHECK(Mentions(fm, "not valid YAML"));
  CHECK(Mentions(fm, "skipped"));
  CHECK(FindDoc(c, "bad-shape") == nullptr);
  CHECK(c.documents.size() == 1);
}

TEST_CASE("an unparseable published date names line and column of the value") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("bad_date.md", &c);
  auto bad = WithCode(diags, "bad-date");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("bad_date.md"));
  CHECK(bad[0].line == 4);     // "published: 2016-13-45" is the fourth line
  CHECK(bad[0].column == 12);  // the value starts after "published: "
  CHECK(Mentions(bad[0], "2016-13-45"));
  CHECK(Mentions(bad[0], "published"));
  CHECK(FindDoc(c, "bad-date") == nullptr);
}

TEST_CASE("reliability outside 0..1 is rejected with its line") {
  Corpus c;
  Diagnostic fm = OnlyDiagnostic("bad_reliability.md", "front-matter", &c);
  CHECK(fm.line == 3);
  CHECK(fm.column == 14);
  CHECK(Mentions(fm, "reliability"));
  CHECK(Mentions(fm, "1.5"));
  CHECK(c.documents.size() == 1);
}

TEST_CASE("reliability range check accepts the ends and rejects junk") {
  auto parse = [](const std::string& value, Diagnostics* diags) {
    Document doc;
    bool ok = ParseArticle("r.md", "---\nreliability: " + value + "\n---\nText.\n", &doc, diags);
    return ok ? doc.reliability : std::nullopt;
  };
  Diagnostics diags;
  CHECK(parse("0", &diags) == 0.0);
  CHECK(parse("1", &diags) == 1.0);
  CHECK(parse("0.25", &diags) == 0.25);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  CHECK_FALSE(parse("-0.1", &diags).has_value());
  CHECK_FALSE(parse("high", &diags).has_value());
  CHECK_FALSE(parse("0.5x", &diags).has_value());
  CHECK_FALSE(parse("nan", &diags).has_value());
  CHECK(diags.error_count() == 4);
}

TEST_CASE("invalid UTF-8 names line and column of the first bad byte") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("invalid_utf8.txt", &c);
  auto bad = WithCode(diags, "invalid-utf8");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("invalid_utf8.txt"));
  CHECK(bad[0].line == 2);
  CHECK(bad[0].column == 17);  // "Second line has " is 16 bytes
  CHECK(Mentions(bad[0], "invalid UTF-8"));
  CHECK(c.documents.size() == 1);
}

TEST_CASE("a binary file (NUL bytes) is skipped with one diagnostic") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("binary.txt", &c);
  auto bad = WithCode(diags, "binary");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("binary.txt"));
  CHECK(bad[0].line == 1);
  CHECK(Mentions(bad[0], "NUL"));
  // One problem, one diagnostic: no UTF-8 or line-end noise about the same file.
  CHECK_MESSAGE(diags.items().size() == 1, Dump(diags));
  CHECK(c.documents.size() == 1);
}

TEST_CASE("an empty file is skipped") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("empty.txt", &c);
  auto bad = WithCode(diags, "empty");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("empty.txt"));
  CHECK(Mentions(bad[0], "empty"));
  CHECK(c.documents.size() == 1);
  CHECK(c.files_read == 2);
}

TEST_CASE("front matter with no body is skipped, pointing after the metadata") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("metadata_only.md", &c);
  auto bad = WithCode(diags, "empty");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].line == 4);
  CHECK(Mentions(bad[0], "no text"));
  CHECK(c.documents.size() == 1);
}

TEST_CASE("a byte-order mark is a warning; the document is kept and offsets start after it") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("bom.md")}, &diags);
  auto bom = WithCode(diags, "bom");
  REQUIRE_MESSAGE(bom.size() == 1, Dump(diags));
  CHECK(bom[0].severity == Severity::kWarning);
  CHECK(bom[0].line == 1);
  CHECK(diags.error_count() == 0);
  REQUIRE(c.documents.size() == 1);
  const Document& d = c.documents[0];
  // The front matter was still recognised behind the mark.
  CHECK(d.id == "bom-article");
  CHECK(d.first_line == 4);
  CHECK(d.text.rfind("Body", 0) == 0);
  CHECK(d.text.find("\xEF\xBB\xBF") == std::string::npos);
}

TEST_CASE("CRLF line ends are converted with a warning") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("crlf.md")}, &diags);
  auto crlf = WithCode(diags, "crlf");
  REQUIRE_MESSAGE(crlf.size() == 1, Dump(diags));
  CHECK(crlf[0].severity == Severity::kWarning);
  CHECK(crlf[0].line == 1);
  CHECK(diags.error_count() == 0);
  REQUIRE(c.documents.size() == 1);
  const Document& d = c.documents[0];
  CHECK(d.id == "crlf-article");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == Date(2016, 8, 17));
  CHECK(d.text == "Line one.\nLine two.\n");
  CHECK(d.first_line == 5);
}

TEST_CASE("old Mac CR-only line ends become LF too") {
  Diagnostics diags;
  Document doc;
  REQUIRE(ParseArticle("cr.txt", "One.\rTwo.\r", &doc, &diags));
  CHECK(doc.text == "One.\nTwo.\n");
  CHECK(WithCode(diags, "crlf").size() == 1);
}

TEST_CASE("a JSON line that does not parse is skipped; the other lines are kept") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("mixed.jsonl")}, &diags);
  auto bad = WithCode(diags, "json");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("mixed.jsonl"));
  CHECK(bad[0].line == 2);
  CHECK(bad[0].column > 0);
  CHECK(Mentions(bad[0], "does not parse"));
  REQUIRE(c.documents.size() == 2);
  const Document* one = FindDoc(c, "jl-one");
  const Document* three = FindDoc(c, "jl-three");
  REQUIRE(one != nullptr);
  REQUIRE(three != nullptr);
  CHECK(one->first_line == 1);
  CHECK(one->source == "Example");
  REQUIRE(one->published.has_value());
  CHECK(*one->published == Date(2016, 8, 17));
  CHECK(one->text == "First JSON article.");
  // Line 3 is blank and is not counted as a document, but it is counted as a line.
  CHECK(three->first_line == 4);
  REQUIRE(three->reliability.has_value());
  CHECK(*three->reliability == doctest::Approx(0.5));
  CHECK(c.files_read == 1);
}

TEST_CASE("JSON Lines with a byte-order mark and CRLF: warnings, every line kept") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("bom_crlf.jsonl")}, &diags);
  CHECK(diags.error_count() == 0);
  CHECK_MESSAGE(WithCode(diags, "bom").size() == 1, Dump(diags));
  CHECK_MESSAGE(WithCode(diags, "crlf").size() == 1, Dump(diags));
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[0].id == "jb-one");
  CHECK(c.documents[0].text == "One.");
  CHECK(c.documents[1].id == "jb-two");
}

TEST_CASE("ParseJsonLine: non-objects, missing text, bad fields") {
  Diagnostics diags;
  Document doc;
  CHECK_FALSE(ParseJsonLine("x.jsonl", 7, "[1, 2]", &doc, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].line == 7);
  CHECK(Mentions(diags.items()[0], "object"));

  Diagnostics d2;
  Document doc2;
  CHECK_FALSE(ParseJsonLine("x.jsonl", 3, R"({"id": "a"})", &doc2, &d2));
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].line == 3);
  CHECK(Mentions(d2.items()[0], "text"));

  Diagnostics d3;
  Document doc3;
  CHECK_FALSE(ParseJsonLine("x.jsonl", 2, R"({"text": "T.", "published": "2016-02-30"})", &doc3, &d3));
  REQUIRE(d3.items().size() == 1);
  CHECK(d3.items()[0].code == "bad-date");

  Diagnostics d4;
  Document doc4;
  CHECK_FALSE(ParseJsonLine("x.jsonl", 2, R"({"text": 42})", &doc4, &d4));
  REQUIRE(d4.items().size() == 1);
  CHECK(Mentions(d4.items()[0], "'text' must be a string"));
}

TEST_CASE("a JSON record's warnings and errors point at its line, whatever its text holds") {
  // Found by fuzz_jsonl: escaped "\r\n" inside the text used to be reported at the line of the
  // CR within the text (1), and a NUL after an escaped newline at line_no + 1.
  Diagnostics diags;
  Document doc;
  REQUIRE(ParseJsonLine("f.jsonl", 9, R"({"text": "One\r\nTwo\r\n"})", &doc, &diags));
  CHECK(doc.text == "One\nTwo\n");
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "crlf");
  CHECK(diags.items()[0].line == 9);

  Diagnostics d2;
  Document doc2;
  CHECK_FALSE(ParseJsonLine("f.jsonl", 4, R"({"text": "a\nb\nc\u0000"})", &doc2, &d2));
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].code == "binary");
  CHECK(d2.items()[0].line == 4);
}

TEST_CASE("a JSON number too large for a double is a diagnostic, not an exception") {
  // Found by fuzz_jsonl: nlohmann throws out_of_range, not parse_error, for 5E3655.
  Diagnostics diags;
  Document doc;
  CHECK_FALSE(ParseJsonLine("f.jsonl", 2, R"({"text": "T.", "reliability": 5E3655})", &doc, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "json");
  CHECK(diags.items()[0].line == 2);
}

TEST_CASE("two byte-order marks are both removed") {
  // Found by fuzz_front_matter: the second mark stayed at the start of the text and hid the
  // front matter behind it.
  Diagnostics diags;
  Document doc;
  REQUIRE(ParseArticle("b.md", "\xEF\xBB\xBF\xEF\xBB\xBF---\nid: twice\n---\nBody.\n", &doc, &diags));
  CHECK(doc.id == "twice");
  CHECK(doc.text == "Body.\n");
  CHECK(diags.items().size() == 1);
}

TEST_CASE("a JSON line without an id gets file name and line number") {
  Diagnostics diags;
  Document doc;
  REQUIRE(ParseJsonLine("dir/feed.jsonl", 12, R"({"text": "Hello."})", &doc, &diags));
  CHECK(doc.id == "feed:12");
  CHECK(doc.first_line == 12);
  CHECK(doc.path == "dir/feed.jsonl");
}

TEST_CASE("a missing path is an error naming it; the other paths are read") {
  Corpus c;
  Diagnostics diags = IngestBesideGood("does-not-exist.md", &c);
  auto bad = WithCode(diags, "missing");
  REQUIRE_MESSAGE(bad.size() == 1, Dump(diags));
  CHECK(bad[0].file == Fixture("does-not-exist.md"));
  CHECK(Mentions(bad[0], "no such file"));
  CHECK(c.documents.size() == 1);
}

TEST_CASE("a folder is read recursively, in sorted path order, only article and JSONL files") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("tree")}, &diags);
  std::vector<std::string> ids;
  for (const auto& d : c.documents) ids.push_back(d.id);
  // README.md and notes.csv are not articles.
  CHECK(ids == std::vector<std::string>{"top", "tree-jsonl", "x", "y", "z"});
  // 5 articles + 3 empty files; the empty ones become diagnostics in sorted path order, which
  // shows the walk is sorted whatever order the file system lists them in.
  CHECK(c.files_read == 8);
  auto empty = WithCode(diags, "empty");
  REQUIRE_MESSAGE(empty.size() == 3, Dump(diags));
  CHECK(empty[0].file == Fixture("tree/a/deep/empty-a.md"));
  CHECK(empty[1].file == Fixture("tree/a/empty-m.txt"));
  CHECK(empty[2].file == Fixture("tree/b/empty-b.md"));
  CHECK(diags.items().size() == 3);
}

TEST_CASE("a folder is read name by name as std::filesystem orders paths; ids are the names' stems") {
  // "a/c.md" sorts before "a-b.md" name by name ("a" < "a-b"), after it byte by byte ('/' > '-').
  fs::path dir = fs::temp_directory_path() / ("recon-ingest-order-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  auto write = [&](const std::string& name, const std::string& text) {
    std::FILE* f = std::fopen((dir / name).string().c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  };
  const std::vector<std::string> names = {"a-b.md", "a/c.md", "a b.md", "a.md", "A.md", "a/a.b.md"};
  for (const auto& name : names) write(name, "");  // empty: one diagnostic each, in read order
  write("x.y.md", "Text.\n");
  write(".hidden.txt", "Text.\n");
  Diagnostics diags;
  Corpus c = Ingest({dir.string()}, &diags, 2);
  std::vector<fs::path> expected;
  for (const auto& name : names) expected.push_back(dir / name);
  std::sort(expected.begin(), expected.end());
  std::vector<fs::path> got;
  for (const auto& d : WithCode(diags, "empty")) got.push_back(d.file);
  CHECK(got == expected);
  CHECK(got[0].filename() == "A.md");
  std::vector<std::string> ids;
  for (const auto& d : c.documents) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{".hidden", "x.y"});
  CHECK(ids[0] == fs::path(".hidden.txt").stem());
  CHECK(ids[1] == fs::path("x.y.md").stem());
  fs::remove_all(dir);
}

TEST_CASE("a folder read on several threads gives the same documents and diagnostics in the same order") {
  auto read = [](int threads) {
    Diagnostics diags;
    Corpus c = Ingest({Fixture("tree"), Fixture("good.md")}, &diags, threads);
    std::string out = std::to_string(c.files_read) + " files, " + std::to_string(c.bytes_read) + " bytes\n";
    for (const auto& d : c.documents) out += d.id + " " + d.path + " " + std::to_string(d.first_line) + " " + d.text + "\n";
    for (const auto& d : diags.items()) out += Format(d) + "\n";
    return out;
  };
  const std::string one = read(1);
  CHECK(one.find("empty-a.md") < one.find("empty-m.txt"));  // the diagnostics are there, in path order
  for (int threads : {2, 3, 8, 0}) CHECK_MESSAGE(read(threads) == one, threads);
}

TEST_CASE("documents are sorted by id whatever the argument order") {
  std::vector<std::string> paths = {Fixture("good.md"), Fixture("no_front_matter.txt"),
                                    Fixture("datetime.md"), Fixture("mixed.jsonl"),
                                    Fixture("crlf.md")};
  auto ids_of = [](const std::vector<std::string>& p) {
    Diagnostics diags;
    Corpus c = Ingest(p, &diags);
    std::vector<std::string> ids;
    for (const auto& d : c.documents) ids.push_back(d.id);
    return ids;
  };
  auto forward = ids_of(paths);
  CHECK(std::is_sorted(forward.begin(), forward.end()));
  CHECK(forward.size() == 6);
  std::reverse(paths.begin(), paths.end());
  CHECK(ids_of(paths) == forward);
  std::rotate(paths.begin(), paths.begin() + 2, paths.end());
  CHECK(ids_of(paths) == forward);
}

TEST_CASE("a repeated id is renamed with a warning, not dropped") {
  Diagnostics diags;
  Corpus c = Ingest({Fixture("dup2"), Fixture("dup1")}, &diags);
  REQUIRE(c.documents.size() == 2);
  // dup1/a.md sorts first by path, so it keeps the id whatever the argument order.
  CHECK(c.documents[0].id == "same");
  CHECK(c.documents[0].source == "One");
  CHECK(c.documents[1].id == "same~2");
  CHECK(c.documents[1].source == "Two");
  auto dup = WithCode(diags, "duplicate-id");
  REQUIRE_MESSAGE(dup.size() == 1, Dump(diags));
  CHECK(dup[0].severity == Severity::kWarning);
  CHECK(dup[0].file == Fixture("dup2/b.md"));
  CHECK(Mentions(dup[0], "same~2"));
}

TEST_CASE("a renamed id never collides with a real one, and the order stays sorted") {
  fs::path dir = fs::temp_directory_path() / ("recon-ingest-dup-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& id) {
    std::FILE* f = std::fopen((dir / name).string().c_str(), "wb");
    REQUIRE(f != nullptr);
    std::string s = "---\nid: " + id + "\n---\nText of " + name + ".\n";
    std::fwrite(s.data(), 1, s.size(), f);
    std::fclose(f);
  };
  write("1.md", "x");
  write("2.md", "x");
  write("3.md", "x~2");
  write("4.md", "xa");
  Diagnostics diags;
  Corpus c = Ingest({dir.string()}, &diags);
  fs::remove_all(dir);
  std::vector<std::string> ids;
  for (const auto& d : c.documents) ids.push_back(d.id);
  REQUIRE(ids.size() == 4);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 4);
  CHECK(WithCode(diags, "duplicate-id").size() == 1);
}

TEST_CASE("ParseArticle handles a lone '---' and '...' as the closing line") {
  Diagnostics diags;
  Document doc;
  CHECK_FALSE(ParseArticle("a.md", "---", &doc, &diags));
  CHECK(WithCode(diags, "front-matter").size() == 1);

  Diagnostics d2;
  Document doc2;
  REQUIRE(ParseArticle("b.md", "---\ntitle: T\n...\nBody.\n", &doc2, &d2));
  CHECK(doc2.title == "T");
  CHECK(doc2.text == "Body.\n");
  CHECK(doc2.id == "b");
}

TEST_CASE("front matter that is not a mapping is rejected") {
  Diagnostics diags;
  Document doc;
  CHECK_FALSE(ParseArticle("a.md", "---\n- one\n- two\n---\nBody.\n", &doc, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].code == "front-matter");

  Diagnostics d2;
  Document doc2;
  CHECK_FALSE(ParseArticle("b.md", "---\nid: [a, b]\n---\nBody.\n", &doc2, &d2));
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].line == 2);
  CHECK(Mentions(d2.items()[0], "single value"));

  // A key that is itself a list must not throw out of ParseArticle.
  Diagnostics d3;
  Document doc3;
  CHECK_FALSE(ParseArticle("c.md", "---\n? [a, b]\n: c\n---\nBody.\n", &doc3, &d3));
  CHECK(d3.error_count() == 1);
}

// Front matter is read without YAML when every line has one reading. A "tags: [a, b]" line
// sends the same lines through YAML, so each case is read both ways and must come out alike.
TEST_CASE("front matter lines read without YAML come out as YAML reads them") {
  const std::vector<std::string> cases = {
      "id: a1\nsource: Daily NK\npublished: 2019-03-04\nreliability: 0.8\n",
      "title: \"Defector: a story\"\nurl: https://example.org/a?b=c#frag\n",
      "title: 'Kim''s aide # 2'\n",            // an escaped single quote: YAML's alone
      "title: \"say \\\"no\\\"\"\n",           // escapes: YAML's alone
      "title: C# and F#   \nsource:   Yonhap  \n",
      "title: North Korea’s “last” purge — again\n",
      "# a comment\n\ntitle: After a blank line\n",
      "title: yes\nsource: 12\n",
      "title: ~\n",
      "title: a: b\n",                           // not YAML at all: read line by line either way
      "title: -5 degrees\n",
      "title: Plain words # and a comment\n",
      "title:    spaced out\n",
  };
  for (const std::string& fm : cases) {
    CAPTURE(fm);
    Diagnostics d1, d2;
    Document simple, yaml;
    bool ok1 = ParseArticle("x.md", "---\n" + fm + "---\nBody.\n", &simple, &d1);
    bool ok2 = ParseArticle("x.md", "---\n" + fm + "tags: [a, b]\n---\nBody.\n", &yaml, &d2);
    REQUIRE(ok1 == ok2);
    CHECK(simple.id == yaml.id);
    CHECK(simple.source == yaml.source);
    CHECK(simple.title == yaml.title);
    CHECK(simple.url == yaml.url);
    CHECK(simple.published == yaml.published);
    CHECK(simple.reliability == yaml.reliability);
    CHECK(d1.items().size() == d2.items().size());
  }
  // A bad value is placed at the same line and column whichever way it was read.
  for (const std::string& value : {std::string("2016-13-45"), std::string("\"2016-13-45\"")}) {
    Diagnostics d1, d2;
    Document a, b;
    CHECK_FALSE(ParseArticle("x.md", "---\ntitle: T\npublished:  " + value + "\n---\nBody.\n", &a, &d1));
    CHECK_FALSE(ParseArticle("x.md", "---\ntitle: T\npublished:  " + value + "\ntags: [a]\n---\nBody.\n", &b, &d2));
    REQUIRE(d1.items().size() == 1);
    REQUIRE(d2.items().size() == 1);
    CHECK(d1.items()[0].line == 3);
    CHECK(d1.items()[0].line == d2.items()[0].line);
    CHECK(d1.items()[0].column == d2.items()[0].column);
  }
}

}  // namespace
}  // namespace recon
