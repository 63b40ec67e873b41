// Tests engine/report/html.cpp: a self-contained page where article text stays text, checked
// on the bytes and, when Chromium is installed, in a real headless browser.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "report/fixture.h"
#include "report/report_internal.h"

namespace recon {
namespace {

using testing::MakeFixture;
using testing::Render;

size_t CountOf(const std::string& hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("html: self-contained, and article text cannot open a script or tag") {
  std::string html = Render(MakeFixture(), ReportFormat::kHtml);
  // Exactly two script elements, both ours: the data and the code.
  CHECK(CountOf(html, "<script") == 2);
  CHECK(CountOf(html, "</script>") == 2);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK(html.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);  // static list, escaped
  CHECK(html.find("\\u003cscript\\u003ealert(1)") != std::string::npos);  // embedded JSON, escaped
  // Offline: nothing is loaded from anywhere.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("E1") != std::string::npos);
  CHECK(html.find("conflict-marker") != std::string::npos);
  CHECK(Render(MakeFixture(), ReportFormat::kHtml) == html);  // deterministic
}

TEST_CASE("html: the script hash in the Content-Security-Policy is a real SHA-256") {
  CHECK(report::Sha256Base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(report::Sha256Base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  // 56 bytes: the padding spills into a second block.
  CHECK(report::Sha256Base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
  std::string html = Render(MakeFixture(), ReportFormat::kHtml);
  size_t open = html.rfind("<script>") + 8, close = html.rfind("</script>");
  CHECK(html.find("script-src 'sha256-" + report::Sha256Base64(html.substr(open, close - open)) + "'") !=
        std::string::npos);
}

TEST_CASE("html: an empty run still renders a page") {
  RunResult run;
  std::string html = Render(run, ReportFormat::kHtml);
  CHECK(html.find("0 events") != std::string::npos);
  CHECK(html.rfind("</html>\n") == html.size() - 8);
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("html: renders in headless Chromium, script runs, injected script does not") {
  const char* chromium = "/usr/bin/chromium";
  if (access(chromium, X_OK) != 0) {
    MESSAGE("skipped: /usr/bin/chromium is absent (apt-get install chromium)");
    return;
  }
  auto dir = std::filesystem::temp_directory_path() / ("recon-html-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "profile");
  auto page = dir / "timeline.html", dom = dir / "dom.html";
  std::ofstream(page, std::ios::binary) << Render(MakeFixture(), ReportFormat::kHtml);
  std::string cmd = std::string("timeout 90 ") + chromium +
                    " --headless --no-sandbox --disable-gpu --disable-background-networking"
                    " --disable-component-update --disable-sync --no-first-run --user-data-dir='" +
                    (dir / "profile").string() + "' --dump-dom 'file://" + page.string() + "' > '" +
                    dom.string() + "' 2>/dev/null";
  int rc = std::system(cmd.c_str());
  std::string out = ReadFile(dom);
  std::filesystem::remove_all(dir);
  REQUIRE_MESSAGE(rc == 0, "chromium failed: " << cmd);
  REQUIRE(!out.empty());
  // The page's own script ran to its end and drew the timeline.
  CHECK(out.find("data-recon-ready=\"1\"") != std::string::npos);
  CHECK(out.find("data-event=\"E1\"") != std::string::npos);
  CHECK(CountOf(out, "class=\"svg-conflict\"") == 1);      // E1's conflict, drawn on the axis
  CHECK(out.find("Thae Yong-ho defects from the London embassy") != std::string::npos);
  CHECK(out.find("Conflict C1 on rank") != std::string::npos);  // the details panel opened
  // The injected script would have retitled the page and added elements.
  CHECK(out.find("<title>recon timeline</title>") != std::string::npos);
  CHECK(out.find("pwned</title>") == std::string::npos);
  CHECK(out.find("<img") == std::string::npos);
  CHECK(CountOf(out, "<script") == 2);
  // The article's sentence is in the DOM, as text.
  CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

}  // namespace
}  // namespace recon
