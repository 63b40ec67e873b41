// TimexTagger: a hand-written grammar over timex_lexicon's tokens that finds English time
// expressions and normalises them to TIMEX3 values and day intervals. This file holds the
// driver (which token may start an expression, which candidate wins, the pass over the text)
// and the token-context predicates; the parsers live in one file per expression family (see
// timex_internal.h). Only tokens the lexicon knows (or numbers) can start an expression, so
// most of the text costs the tokenizer's filter test a word and is never visited here.
#include "recon/timex.h"

#include <algorithm>
#include <utility>

#include "timex_internal.h"

namespace recon {

std::string_view ToString(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

namespace timex {

// The best of the candidate matches at one token: the one that ends last, then the one that
// starts first; among equals the first offered wins.
class Longest {
 public:
  explicit Longest(Match* best) : best_(best) {}

  // Runs `parse` (bool(Match*)) on a fresh match and keeps the result if it is better.
  template <typename Parse>
  void Try(Parse parse) {
    Match m;
    if (parse(&m) &&
        (!found_ || m.end > best_->end || (m.end == best_->end && m.beg < best_->beg))) {
      *best_ = std::move(m);
      found_ = true;
    }
  }
  bool found() const { return found_; }

 private:
  Match* best_;
  bool found_ = false;
};

bool Scanner::Year4(size_t i, bool loose) const {
  if (!Num(i) || t_[i].ndig != 4 || t_[i].suffix) return false;
  long v = t_[i].num;
  if (v < (loose ? 1400 : 1900) || v > (loose ? 2199 : 2099)) return false;
  // "2015%", "2015:30", "2015/16"; "$2015", "10:2015", "1/2015", "1.2015", "1990-2015" as its end.
  // ("2013: uncle executed", a timeline's label, is a year.)
  if (i + 1 < n_ && (P(i + 1, '%') || (Adj(i + 1) && P(i + 1, '/')) ||
                     (Adj(i + 1) && P(i + 1, ':') && i + 2 < n_ && Adj(i + 2) && t_[i + 2].kind == kNum)))
    return false;
  if (i > 0 && (P(i - 1, '$') || (Adj(i) && (P(i - 1, ':') || P(i - 1, '/') || P(i - 1, '.') ||
                                             (P(i - 1, '-') && i > 1 && t_[i - 2].kind == kNum)))))
    return false;
  return true;
}

long Scanner::Number(size_t i, size_t* end) const {
  if (Num(i) && !t_[i].suffix && t_[i].num >= 0) {
    *end = i + 1;
    return t_[i].num;
  }
  const Lex* l = L(i);
  if (!l) return -2;
  if (l->role == kFew) {
    *end = i + 1;
    return -1;
  }
  if (l->number >= 0) {
    const Lex* nx = L(i + 1);
    if (l->number == 1 && nx && nx->role == kFew) {  // "a few"
      *end = i + 2;
      return -1;
    }
    if (l->number >= 20 && l->number < 100 && P(i + 1, '-') && Adj(i + 1) && Adj(i + 2) &&
        L(i + 2) && L(i + 2)->number > 0 && L(i + 2)->number < 10) {  // "twenty-five"
      *end = i + 3;
      return l->number + L(i + 2)->number;
    }
    *end = i + 1;
    return l->number;
  }
  return -2;
}

bool Scanner::Future(size_t i) const {
  for (size_t k = i, steps = 0; k-- > 0 && steps < 40; ++steps) {
    if (SentenceEnd(k)) break;
    if (t_[k].lex && t_[k].lex->future) return true;
  }
  // Forward, a dot after an initial or a month abbreviation before a number ends no sentence.
  for (size_t k = i, steps = 0; k < n_ && steps < 40; ++k, ++steps) {
    if (SentenceEnd(k) && !(t_[k].punct == '.' && k > 0 && Adj(k) &&
                             (t_[k - 1].e - t_[k - 1].b == 1 || (L(k - 1) && L(k - 1)->month && Num(k + 1)))))
      break;
    if (t_[k].lex && t_[k].lex->future) return true;
  }
  return false;
}

int Scanner::Tense(size_t i) const {
  if (Future(i)) return 1;
  size_t lo = i, hi = i;
  while (lo > 0 && i - lo < 40 && !SentenceEnd(lo - 1)) --lo;
  while (hi + 1 < n_ && hi - i < 40 && !SentenceEnd(hi + 1)) ++hi;
  for (size_t k = lo; k <= hi; ++k)
    if (PastForm(k)) return -1;
  return 0;
}

bool Scanner::PastForm(size_t k) const {
  if (t_[k].kind != kWord) return false;
  if (t_[k].lex && t_[k].lex->past) return true;
  std::string_view w = text_.substr(t_[k].b, t_[k].e - t_[k].b);
  for (const auto& suf : rules_.past_suffixes)
    if (w.size() > suf.size() + 2 && strncasecmp(w.data() + w.size() - suf.size(), suf.data(), suf.size()) == 0)
      return true;
  return false;
}

bool Scanner::NameOk(size_t i, bool supported) const {
  const Lex* l = L(i);
  if (!l->ambiguous) return t_[i].cap || supported;
  return t_[i].cap && supported;
}

bool Scanner::PrepBefore(size_t i) const {
  if (i == 0) return false;
  const Lex* l = L(i - 1);
  if (!l) return false;
  switch (l->role) {
    case kIn: case kOn: case kSince: case kUntil: case kBy: case kFrom: case kTo:
    case kBetween: case kAnd: case kOf: case kBefore: case kAfter: case kLast:
    case kNext: case kThis: case kEarlier: case kLater: case kThe: case kEvery:
      return true;
    default:
      return l->modifier != 0;
  }
}

std::string Scanner::Text(size_t beg, size_t end) const {
  return std::string(text_.substr(t_[beg].b, t_[end - 1].e - t_[beg].b));
}

void Scanner::SetAnchor(size_t beg, size_t end, TemporalRelation* rel) const {
  rel->anchor = Text(beg, end);
  rel->anchor_begin = t_[beg].b, rel->anchor_end = t_[end - 1].e;
}

inline bool Scanner::MayBeginPhrase(size_t i) const {
  const Lex& l = *t_[i].lex;
  if (l.phrase_next & 1) return true;
  if (i + 1 >= n_ || t_[i + 1].kind != kWord) return false;
  const Tok& w = t_[i + 1];
  return ((l.phrase_next >> std::min<size_t>(w.e - w.b, 31)) & 1) &&
         ((l.phrase_next_initial >> (text_[w.b] & 31)) & 1);
}

// Inline: it runs for every token, and turns most of them away.
inline bool Scanner::MayStart(size_t i) const {
  const Tok& t = t_[i];
  if (t.kind == kWord && (!t.lex || !t.lex->starts)) return false;
  // "the" and "a" start an expression only before a number or a word the lexicon knows (that
  // starts one or is a unit), and "the" with its phrases also before an apostrophe ("the '90s")
  // or a word that may go on a phrase ("the past").
  if (t.kind == kWord && (t.lex->role == kThe || t.lex->number == 1) &&
      !(i + 1 < n_ && (t_[i + 1].kind == kNum || (t_[i + 1].lex && t_[i + 1].lex->starts) ||
                       (t_[i + 1].lex && t_[i + 1].lex->unit))) &&
      (t.lex->phrases.empty() || (!P(i + 1, '\'') && !MayBeginPhrase(i))))
    return false;
  if (t.kind == kPunct && t.punct != '\'') return false;
  if (t.kind == kNum && !t.plain && t.ndig != 4) return false;  // but "2018.6.14" may
  return true;
}

void Scanner::OfferAfterThe(size_t i, Longest* pick) const {
  // Every candidate here reads a number, an apostrophe year or a lexicon word after "the";
  // most "the"s are followed by none of these.
  const Lex* next = L(i + 1);
  if (!next && !(i + 1 < n_ && t_[i + 1].kind == kNum) && !P(i + 1, '\'')) return;
  // "the" joins decades, centuries, parts and modifiers: "the 1990s", "the third quarter".
  pick->Try([&](Match* m) {
    if (Following(i, m)) return true;
    bool ok = (Parts(i + 1, m) || YearForms(i + 1, m, false) || Modified(i + 1, m)) &&
              (m->range.granularity == Granularity::kDecade ||
               m->range.granularity == Granularity::kCentury ||
               m->range.granularity == Granularity::kQuarter ||
               m->range.granularity == Granularity::kHalf || t_[i + 1].lex);
    if (ok) m->beg = i;
    return ok;
  });
  if (next) pick->Try([&](Match* m) { return Relative(i + 1, m); });
  // "the nine months", "the first nine months": TimeML keeps "the" with the duration.
  size_t q = (next && next->ordinal == 1) ? i + 2 : i + 1;
  pick->Try([&](Match* m) {
    if (!Quantity(q, m) || m->type != TimexType::kDuration || m->relation) return false;
    m->beg = i;
    return true;
  });
  if (next && next->unit == kWeekend && !next->plural && dct_) {
    pick->Try([&](Match* m) {  // "the weekend": the one the tense points to
      m->Cover(i, i + 2, TimexType::kDate);
      int wd = IsoWeekday(*dct_);
      Date sat = Future(i) ? *dct_ + boost::gregorian::date_duration((6 - wd + 7) % 7)
                           : *dct_ - boost::gregorian::date_duration(wd == 7 ? 1 : (wd + 1) % 7);
      m->Set(UnitAt(kWeekend, sat));
      return true;
    });
  }
}

bool Scanner::TryAt(size_t i, Match* best) const {
  // Each parser is offered only at a token it can begin on (the test it opens with, or a looser
  // one): making and dropping a Match for each of a dozen parsers cost more than the parsing.
  // A parser skipped here would have returned false, so the pick is the same.
  Longest pick(best);
  const Tok& t = t_[i];
  const Lex* lex = t.lex;  // set for words only
  const bool num = t.kind == kNum;
  if (lex && !lex->phrases.empty() && MayBeginPhrase(i)) pick.Try([&](Match* m) { return Phrase(i, m); });
  if (num) pick.Try([&](Match* m) { return Clock(i, m); });
  // "the" opens only "the 29th" here.
  if (num || (t.kind == kPunct && t.punct == '\'') ||
      (lex && (lex->month || lex->ordinal || lex->weekday || (lex->role == kThe && Num(i + 1)))))
    pick.Try([&](Match* m) { return Absolute(i, m, false); });
  if (num || (lex && (lex->role == kFew || lex->number >= 0))) pick.Try([&](Match* m) { return Quantity(i, m); });
  if (!lex) return pick.found();
  if (lex->role == kThe) OfferAfterThe(i, &pick);
  if (lex->role == kThat || (lex->role == kThe && R(i + 1, kSame)))
    pick.Try([&](Match* m) { return SameAsBefore(i, m); });
  if (lex->role == kFiscal && Year4(i + 1, true)) {  // "fiscal 1989"
    pick.Try([&](Match* m) {
      YearForms(i + 1, m, true);
      m->beg = i;
      return true;
    });
  }
  switch (lex->role) {
    case kToday: case kYesterday: case kTomorrow: case kTonight:
      pick.Try([&](Match* m) { return Deictic(i, m); });
      break;
    case kEarlier: case kLater: case kLast: case kNext: case kThis:
      pick.Try([&](Match* m) { return Relative(i, m); });
      break;
    default:
      break;
  }
  if (lex->modifier) pick.Try([&](Match* m) { return Modified(i, m); });
  if (lex->season) pick.Try([&](Match* m) { return SeasonForms(i, m, false); });
  if (lex->role == kEvery) pick.Try([&](Match* m) { return SetForms(i, m); });
  if (!pick.found() && (lex->role == kAfter || lex->role == kBefore))
    pick.Try([&](Match* m) { return AnchorOnly(i, m); });
  return pick.found();
}

TimeExpression Scanner::ToExpression(Match m) const {
  TimeExpression e;
  e.begin = t_[m.beg].b;
  e.end = t_[m.end - 1].e;
  while (e.end > e.begin && text_[e.end - 1] == ',') --e.end;
  e.text = std::string(text_.substr(e.begin, e.end - e.begin));
  e.type = m.type;
  e.value = std::move(m.value);
  e.range = m.range;
  e.relation = std::move(m.relation);
  e.anchor_only = m.anchor_only;
  return e;
}

std::vector<TimeExpression> Scanner::Run() {
  found_.clear();
  // Each match begins at a start of its own: room for all at once, where growing the list moved
  // the (large) matches kept so far at each step.
  found_.reserve(starts_.size());
  prev_ = kNone;
  size_t next = 0;  // the first token after the last match kept
  // Only the tokens Tokenize found may begin an expression: most of the text is never visited.
  for (const uint32_t i : starts_) {
    if (i < next || !MayStart(i)) continue;  // before a Match is made
    Match m;
    if (!TryAt(i, &m)) continue;
    // "four days before the announcement": the anchor belongs to the duration's relation.
    if (m.anchor_only && !found_.empty() && found_.back().end == m.beg && found_.back().relation)
      continue;
    // "at some point last year", "sometime in 2015": the interval is vague.
    if (m.beg > 0 && (R(m.beg - 1, kVague) || (m.beg > 1 && R(m.beg - 2, kVague)) ||
                      (m.beg > 1 && WordIs(m.beg - 1, "point") && WordIs(m.beg - 2, "some"))))
      m.range.vague = true;
    found_.push_back(std::move(m));
    const Match& kept = found_.back();
    next = kept.end;
    if (kept.type == TimexType::kDate && kept.range.bounded() && !kept.anchor_only)
      prev_ = found_.size() - 1;
  }
  ApplyContext(&found_);
  DateAnchors(&found_);
  std::vector<TimeExpression> out;
  out.reserve(found_.size());
  for (Match& m : found_) out.push_back(ToExpression(std::move(m)));
  return out;
}

}  // namespace timex

struct TimexTagger::Impl {
  explicit Impl(const TimexRules& r) : lexicon(r) {}
  timex::Lexicon lexicon;
};

TimexTagger::TimexTagger(const TimexRules& rules) : impl_(new Impl(rules)) {}
TimexTagger::~TimexTagger() { delete impl_; }

std::vector<TimeExpression> TimexTagger::Tag(std::string_view text, std::optional<Date> dct) const {
  if (dct && dct->is_special()) dct.reset();
  // Kept per thread: a document's tokens are scratch, and reusing them saves an allocation
  // and fresh pages per document.
  thread_local std::vector<timex::Tok> toks;
  thread_local std::vector<uint32_t> starts;
  const size_t n = Tokenize(text, impl_->lexicon, &toks, &starts);
  timex::Scanner s(impl_->lexicon, text, toks.data(), n, starts, dct);
  return s.Run();
}

}  // namespace recon
