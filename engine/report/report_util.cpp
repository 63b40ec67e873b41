// Shared by the report writers: id lookups and the escaping each output syntax needs.
#include <cmath>
#include <cstdio>

#include "report_internal.h"

namespace recon::report {

ReportIndex::ReportIndex(const RunResult& run) : run_(run) {
  for (const auto& d : run.corpus.documents) documents_.emplace(d.id, &d);
  for (const auto& c : run.linked.claims) claims_.emplace(c.id, &c);
  for (const auto& e : ReportEntities(run)) entities_.emplace(e.id, &e);
  for (const auto& e : run.timeline.events) {
    events_.emplace(e.id, &e);
    for (const auto& c : e.claims) claim_event_.emplace(c, &e);  // first event wins
  }
  for (const auto& c : run.timeline.conflicts) conflicts_.emplace(c.id, &c);
}

std::string_view ReportIndex::Sentence(const Claim& c) const {
  const auto& docs = run_.corpus.documents;
  if (c.doc_index < docs.size()) {
    const std::string& text = docs[c.doc_index].text;
    if (c.begin < c.end && c.end <= text.size() && docs[c.doc_index].id == c.document)
      return std::string_view(text).substr(c.begin, c.end - c.begin);
  }
  return c.text;
}

std::string ReportIndex::EntityName(std::string_view id) const {
  const Entity* e = entity(id);
  return e ? e->name : std::string(id);
}

std::string ReportIndex::TypeLabel(std::string_view type) const {
  const EventTypeRule* t = run_.rules.FindEventType(type);
  return t && !t->label.empty() ? t->label : std::string(type);
}

const std::vector<Entity>& ReportEntities(const RunResult& run) {
  return run.timeline.entities.empty() ? run.linked.entities : run.timeline.entities;
}

double Round4(double x) {
  if (!std::isfinite(x)) return 0;
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0 : r;  // no "-0.0"
}

std::string Percentish(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", Round4(x));
  return buf;
}

std::string Count(size_t n, std::string_view noun) {
  std::string s = std::to_string(n);
  s += ' ';
  s += noun;
  if (n != 1) s += 's';
  return s;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // U+2028 and U+2029 break lines too, in browsers and some editors.
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      i += 2;
      space = !out.empty();
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : HtmlEscape(s)) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

Json IsoOrNull(Date d) { return d.is_special() ? Json(nullptr) : Json(ToIso(d)); }

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ScriptSafeJson(const Json& j) {
  std::string s = Dump(j, -1);
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // Outside strings JSON has none of these characters, so escaping them everywhere is safe.
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
             (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace recon::report

namespace recon::report {

// FIPS 180-4 SHA-256, for the HTML report's Content-Security-Policy script hash.
std::string Sha256Base64(std::string_view data) {
  static constexpr uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string msg(data);
  uint64_t bits = uint64_t(data.size()) * 8;
  msg += '\x80';
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += char((bits >> (i * 8)) & 0xff);
  auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (size_t off = 0; off < msg.size(); off += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + off + i * 4);
      w[i] = uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
    }
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  unsigned char digest[32];
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) digest[i * 4 + j] = (h[i] >> (24 - j * 8)) & 0xff;
  static constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (int i = 0; i < 32; i += 3) {
    uint32_t n = uint32_t(digest[i]) << 16 | (i + 1 < 32 ? uint32_t(digest[i + 1]) << 8 : 0) |
                 (i + 2 < 32 ? digest[i + 2] : 0);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < 32 ? kB64[(n >> 6) & 63] : '=';
    out += i + 2 < 32 ? kB64[n & 63] : '=';
  }
  return out;
}

}  // namespace recon::report
