// TimeML parsing and TempEval-3 Task A scoring (strict and relaxed spans, type and value).
#include "recon/timex_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace recon {
namespace {

// The value of attribute `name` inside a tag's text, or "".
std::string Attr(std::string_view tag, std::string_view name) {
  size_t p = 0;
  while ((p = tag.find(name, p)) != std::string_view::npos) {
    bool start_ok = p > 0 && (tag[p - 1] == ' ' || tag[p - 1] == '\t' || tag[p - 1] == '\n');
    size_t q = p + name.size();
    while (q < tag.size() && tag[q] == ' ') ++q;
    if (start_ok && q < tag.size() && tag[q] == '=') {
      ++q;
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        char quote = tag[q];
        size_t e = tag.find(quote, q + 1);
        if (e == std::string_view::npos) return "";
        return std::string(tag.substr(q + 1, e - q - 1));
      }
    }
    p += name.size();
  }
  return "";
}

bool IsTag(std::string_view tag, std::string_view name) {
  return tag.substr(0, name.size()) == name &&
         (tag.size() == name.size() || tag[name.size()] == ' ' || tag[name.size()] == '>' ||
          tag[name.size()] == '/' || tag[name.size()] == '\n' || tag[name.size()] == '\t');
}

double Pct(long a, long b) { return b > 0 ? 100.0 * double(a) / double(b) : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

std::optional<TmlDocument> ParseTml(std::string_view xml, std::string* error) {
  TmlDocument doc;
  // The creation time may sit anywhere (usually <DCT>), so look for it over the whole file.
  for (size_t p = 0; (p = xml.find("<TIMEX3", p)) != std::string_view::npos; ++p) {
    size_t e = xml.find('>', p);
    if (e == std::string_view::npos) break;
    std::string_view tag = xml.substr(p + 1, e - p - 1);
    if (Attr(tag, "functionInDocument") == "CREATION_TIME") {
      doc.dct = ParseIsoDate(Attr(tag, "value"));
      break;
    }
  }
  size_t open = xml.find("<TEXT>");
  size_t close = xml.rfind("</TEXT>");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    *error = "no <TEXT> element";
    return std::nullopt;
  }
  std::string_view body = xml.substr(open + 6, close - open - 6);
  std::vector<size_t> stack;  // indexes into doc.timexes of open TIMEX3s
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '<') {
      size_t e = body.find('>', i);
      if (e == std::string_view::npos) {
        *error = "unterminated tag at byte " + std::to_string(open + 6 + i);
        return std::nullopt;
      }
      std::string_view tag = body.substr(i + 1, e - i - 1);
      if (IsTag(tag, "TIMEX3")) {
        TmlTimex t;
        t.begin = doc.text.size();
        t.type = Attr(tag, "type");
        t.value = Attr(tag, "value");
        doc.timexes.push_back(t);
        if (!tag.empty() && tag.back() == '/') doc.timexes.back().end = t.begin;
        else stack.push_back(doc.timexes.size() - 1);
      } else if (IsTag(tag, "/TIMEX3")) {
        if (!stack.empty()) {
          doc.timexes[stack.back()].end = doc.text.size();
          stack.pop_back();
        }
      }
      i = e + 1;
    } else if (c == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [ent, ch] : kEntities) {
        if (body.substr(i, ent.size()) == ent) {
          doc.text += ch;
          i += ent.size();
          done = true;
          break;
        }
      }
      if (!done) doc.text += c, ++i;
    } else {
      doc.text += c;
      ++i;
    }
  }
  // Empty (non-consuming) TIMEX3s have no span to score.
  doc.timexes.erase(std::remove_if(doc.timexes.begin(), doc.timexes.end(),
                                   [](const TmlTimex& t) { return t.end <= t.begin; }),
                    doc.timexes.end());
  return doc;
}

double TimexScores::strict_precision() const { return Pct(strict_sys, system); }
double TimexScores::strict_recall() const { return Pct(strict_gold, gold); }
double TimexScores::strict_f1() const { return F1(strict_precision(), strict_recall()); }
double TimexScores::relaxed_precision() const { return Pct(relaxed_sys, system); }
double TimexScores::relaxed_recall() const { return Pct(relaxed_gold, gold); }
double TimexScores::relaxed_f1() const { return F1(relaxed_precision(), relaxed_recall()); }
double TimexScores::type_accuracy() const { return Pct(type_correct, pairs); }
double TimexScores::value_accuracy() const { return Pct(value_correct, pairs); }
double TimexScores::value_f1() const { return relaxed_f1() * value_accuracy() / 100.0; }

void ScoreTimexDocument(const std::vector<TmlTimex>& gold,
                        const std::vector<TimeExpression>& system, TimexScores* s,
                        std::string_view text, std::ostream* log) {
  auto gtext = [&](const TmlTimex& g) {
    return g.end <= text.size() ? std::string(text.substr(g.begin, g.end - g.begin)) : std::string();
  };
  std::vector<const TimeExpression*> sys;
  for (const auto& e : system)
    if (!e.anchor_only) sys.push_back(&e);
  s->gold += long(gold.size());
  s->system += long(sys.size());
  std::vector<char> sys_strict(sys.size(), 0), sys_relaxed(sys.size(), 0);
  std::vector<char> sys_paired(sys.size(), 0);
  for (const auto& g : gold) {
    bool strict = false, relaxed = false;
    const TimeExpression* pair = nullptr;
    for (size_t k = 0; k < sys.size(); ++k) {
      const TimeExpression& e = *sys[k];
      if (e.end <= g.begin || e.begin >= g.end) continue;
      relaxed = true;
      sys_relaxed[k] = 1;
      if (e.begin == g.begin && e.end == g.end) strict = true, sys_strict[k] = 1;
      if (!pair && !sys_paired[k]) pair = &e, sys_paired[k] = 1;
    }
    if (strict) ++s->strict_gold;
    if (relaxed) ++s->relaxed_gold;
    if (!relaxed && log) *log << "missed\t" << gtext(g) << "\t" << g.type << "\t" << g.value << "\n";
    if (pair) {
      ++s->pairs;
      bool type_ok = ToString(pair->type) == g.type, value_ok = pair->value == g.value;
      if (type_ok) ++s->type_correct;
      if (value_ok) ++s->value_correct;
      if (log && (!type_ok || !value_ok || !strict))
        *log << (!value_ok ? "value" : !type_ok ? "type" : "span") << "\t" << gtext(g) << "\t"
             << g.type << "\t" << g.value << "\t" << pair->text << "\t" << ToString(pair->type)
             << "\t" << pair->value << "\n";
    }
  }
  for (size_t k = 0; k < sys.size(); ++k) {
    if (log && !sys_relaxed[k])
      *log << "spurious\t\t\t\t" << sys[k]->text << "\t" << ToString(sys[k]->type) << "\t"
           << sys[k]->value << "\n";
    s->strict_sys += sys_strict[k];
    s->relaxed_sys += sys_relaxed[k];
  }
}

TimexScores EvaluateTimexDir(const std::string& dir, const TimexTagger& tagger,
                             std::vector<std::string>* errors, std::ostream* log) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".tml") paths.push_back(it->path().string());
  }
  if (ec) errors->push_back(dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  TimexScores scores;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string why;
    auto doc = ParseTml(ss.str(), &why);
    if (!doc) {
      errors->push_back(p + ": " + why);
      continue;
    }
    ++scores.documents;
    if (log) *log << "# " << p << " dct " << (doc->dct ? ToIso(*doc->dct) : "none") << "\n";
    ScoreTimexDocument(doc->timexes, tagger.Tag(doc->text, doc->dct), &scores, doc->text, log);
  }
  return scores;
}

}  // namespace recon
