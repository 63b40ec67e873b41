// Diagnostics: what went wrong in one input file, rule or record, and where.
#ifndef RECON_DIAGNOSTIC_H_
#define RECON_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace recon {

enum class Severity { kWarning, kError };

// One problem with the input. `line` and `column` are 1-based; 0 when not known.
// `code` is a stable short key ("front-matter", "invalid-utf8", ...) that the summary counts by.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string code;
  std::string message;
};

// "file:line:col: error: message [code]".
std::string Format(const Diagnostic& d);

// Collects diagnostics in the order they are added. Not thread-safe: each worker keeps its
// own and the caller appends them in a deterministic order.
class Diagnostics {
 public:
  void Error(std::string file, int line, int column, std::string code, std::string message);
  void Warning(std::string file, int line, int column, std::string code, std::string message);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  size_t error_count() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace recon

#endif  // RECON_DIAGNOSTIC_H_
