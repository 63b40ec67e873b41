// Times chrono-node (casual English parser) on the corpus bench/timex_bench writes to
// bench/out/timex_corpus.txt. Usage: node run.mjs [MB]  (default 20: chrono is much slower,
// so it gets a smaller sample of the same text; throughput is what is compared).
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, "node_modules", "chrono-node"))) {
  console.error("installing chrono-node into bench/chrono/node_modules ...");
  execSync("npm install --no-audit --no-fund --silent", { cwd: here, stdio: "inherit" });
}
const chrono = (await import("chrono-node")).default ?? (await import("chrono-node"));

const corpusPath = join(here, "..", "out", "timex_corpus.txt");
if (!existsSync(corpusPath)) {
  console.error(`no ${corpusPath}: run build/bench/timex_bench first`);
  process.exit(1);
}
const docs = readFileSync(corpusPath, "utf8").split("\n").filter((l) => l.length > 0);
const wantBytes = Number(process.argv[2] ?? 20) * 1e6;
const ref = new Date(Date.UTC(2013, 2, 22));
let bytes = 0, found = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
outer: for (;;) {
  for (const d of docs) {
    found += chrono.parse(d, ref).length;
    bytes += Buffer.byteLength(d) + 1;
    if (bytes >= wantBytes) break outer;
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(c0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(`chrono-node: ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / 1e6 / cpuSecs).toFixed(2)} MB/s of CPU time ` +
            `(${(bytes / 1e6 / secs).toFixed(2)} MB/s wall; ${found} expressions)`);
