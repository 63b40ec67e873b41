// Scoring the time-expression tagger on TimeML (.tml) files, as the TempEval-3 Task A scorer does.
#ifndef RECON_TIMEX_EVAL_H_
#define RECON_TIMEX_EVAL_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "recon/date_range.h"
#include "recon/timex.h"

namespace recon {

// One gold TIMEX3. Offsets are bytes into TmlDocument::text, end exclusive.
struct TmlTimex {
  size_t begin = 0;
  size_t end = 0;
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;
};

// A TimeML document: the <TEXT> content with every tag removed (and the five XML entities
// decoded), its TIMEX3s, and the creation time.
struct TmlDocument {
  std::string name;
  std::string text;
  std::optional<Date> dct;  // from the TIMEX3 with functionInDocument="CREATION_TIME"
  std::vector<TmlTimex> timexes;  // inside <TEXT> only; the creation time is never among them
};

// Parses TimeML. nullopt with `*error` set when there is no <TEXT> element or a tag is cut off.
std::optional<TmlDocument> ParseTml(std::string_view xml, std::string* error);

// Counts and scores. Precision counts system expressions with a match, recall gold ones; type
// and value accuracy are over relaxed matches; value F1 = relaxed F1 x value accuracy.
// Figures are percentages.
struct TimexScores {
  int documents = 0;
  long gold = 0, system = 0;
  long strict_sys = 0, strict_gold = 0;    // exact-span matches
  long relaxed_sys = 0, relaxed_gold = 0;  // overlapping-span matches
  long pairs = 0, type_correct = 0, value_correct = 0;

  double strict_precision() const;
  double strict_recall() const;
  double strict_f1() const;
  double relaxed_precision() const;
  double relaxed_recall() const;
  double relaxed_f1() const;
  double type_accuracy() const;
  double value_accuracy() const;
  double value_f1() const;
};

// Adds one document's comparison to `scores`. Expressions with anchor_only are not TIMEX3s
// and are skipped. Pairs are made one-to-one, earliest first.
// When `log` is set, writes one tab-separated line per miss: "missed", "spurious",
// "type" or "value", then gold text/type/value and system text/type/value.
void ScoreTimexDocument(const std::vector<TmlTimex>& gold,
                        const std::vector<TimeExpression>& system, TimexScores* scores,
                        std::string_view text = {}, std::ostream* log = nullptr);

// Tags and scores every *.tml under `dir` (recursively, in sorted path order). Files that do
// not parse are listed in `*errors` ("path: why") and skipped.
TimexScores EvaluateTimexDir(const std::string& dir, const TimexTagger& tagger,
                             std::vector<std::string>* errors, std::ostream* log = nullptr);

}  // namespace recon

#endif  // RECON_TIMEX_EVAL_H_
