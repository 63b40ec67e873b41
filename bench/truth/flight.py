#!/usr/bin/env python3
"""Flight (Li et al. VLDB 2012): converts the 31 daily crawls into recon resolve's CSV (object =
date + flight id, six attributes; times normalised to 24-hour HH:MM, gates to upper case without
spaces), runs each method and prints precision over the gold flight-day attributes, with all 38
sources and again without the three airline sites (aa, ua, CO) the gold was taken from."""
import csv
import glob
import gzip
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

ATTRS = ["sched_dep", "actual_dep", "dep_gate", "sched_arr", "actual_arr", "arr_gate"]
AIRLINES = {"aa", "ua", "CO"}
TIME = re.compile(r"(\d{1,2}):(\d{2})\s*([AaPp])?")


def norm(attr, v):
    v = v.strip()
    if not v or v in ("-", "--", "N/A", "n/a", "Not Available"):
        return ""
    if attr.endswith("gate"):
        v = re.sub(r"(?i)^gate\s*", "", v)
        return re.sub(r"\s+", "", v).upper()
    m = TIME.search(v)
    if not m:
        return ""
    h, mi = int(m.group(1)), int(m.group(2))
    ap = (m.group(3) or "").lower()
    if ap == "p" and h < 12:
        h += 12
    if ap == "a" and h == 12:
        h = 0
    return "%02d:%02d" % (h, mi)


def same(attr, gold, pred):
    """Li et al. 2012 count times within 10 minutes as the same; gates are compared without a
    terminal letter when only one side gives it ("C94" vs "94")."""
    if gold == pred:
        return True
    if attr.endswith("gate"):
        g, p = gold.replace("-", ""), pred.replace("-", "")
        return g == p or (g.endswith(p) and g[:len(g) - len(p)].isalpha()) or \
            (p.endswith(g) and p[:len(p) - len(g)].isalpha())
    gm = int(gold[:2]) * 60 + int(gold[3:])
    pm = int(pred[:2]) * 60 + int(pred[3:])
    d = abs(gm - pm) % 1440
    return min(d, 1440 - d) <= 10


def convert(data, path, drop):
    n = 0
    with open(path, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["source", "object", "attribute", "value"])
        for f in sorted(glob.glob(os.path.join(data, "claims", "*.txt.gz"))):
            day = os.path.basename(f)[:8]
            day = "%s-%s-%s" % (day[:4], day[4:6], day[6:8])
            with gzip.open(f, "rt", encoding="latin-1") as fh:
                for line in fh:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 8 or cols[0] in drop:
                        continue
                    obj = day + "/" + cols[1].strip()
                    for a, v in zip(ATTRS, cols[2:8]):
                        v = norm(a, v)
                        if v:
                            w.writerow([cols[0], obj, a, v])
                            n += 1
    return n


def main():
    data = os.path.join(common.shared_dir(), "data", "truth", "flight")
    if not os.path.isdir(data):
        sys.exit("no Flight data at %s" % data)
    gold = {}
    for f in sorted(glob.glob(os.path.join(data, "gold", "*-truth.txt"))):
        day = os.path.basename(f)[:10]
        with open(f, encoding="latin-1") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 7:
                    continue
                for a, v in zip(ATTRS, cols[1:7]):
                    v = norm(a, v)
                    if v:
                        gold[(day + "/" + cols[0].strip(), a)] = v
    tmp = tempfile.mkdtemp(prefix="recon-flight-")
    # A method is "name" or "name:--option=value:--flag" (extra options for recon resolve).
    methods = sys.argv[1:] or ["vote", "truthfinder", "accu", "accucopy",
                               "accucopy:--true-copy-evidence=0",
                               # the Flight setting (docs/truth.md): copying detected per
                               # attribute, first detection seeded by vote shares
                               "accucopy:--true-copy-evidence=0:--copy-per-attribute:"
                               "--copy-seed-votes:--copy-rate=0.65"]
    print("precision: chosen value within 10 minutes / same gate (Li et al. 2012); exact: equal")
    print("Flight: %d gold flight-day attributes" % len(gold))
    print("folds: gold days by parity of the day of month (for choosing parameters on one half)")
    print("%-12s %-36s %9s %9s %8s %8s %9s %8s %8s %8s" % (
        "sources", "method", "precision", "exact", "fold0", "fold1", "recall", "ECE raw",
        "ECE cal", "seconds"))
    for label, drop in (("all 38", set()), ("no airlines", AIRLINES)):
        path = os.path.join(tmp, "claims-%s.csv" % ("all" if not drop else "noair"))
        n = convert(data, path, drop)
        print("# %s: %d claims in %s" % (label, n, path))
        for spec in methods:
            import time
            m, *extra = spec.split(":")
            t0 = time.time()
            d, rel, _ = common.run_resolve(path, m, extra)
            secs = time.time() - t0
            hit = exact = answered = 0
            fold_hit, fold_n = [0, 0], [0, 0]
            correct = {}
            for k, v in gold.items():
                if k in d:
                    answered += 1
                    ok = same(k[1], v, d[k][0])
                    hit += ok
                    exact += d[k][0] == v
                    correct[k] = ok
                    f = int(k[0][8:10]) % 2
                    fold_hit[f] += ok
                    fold_n[f] += 1
            _, e_raw, e_cal, params = common.cross_fit(tmp, path, m, extra, correct)
            print("%-12s %-36s %9.4f %9.4f %8.4f %8.4f %9.4f %8.3f %8.3f %8.1f   platt=%s" % (
                label, spec, hit / max(1, answered), exact / max(1, answered),
                fold_hit[0] / max(1, fold_n[0]), fold_hit[1] / max(1, fold_n[1]),
                answered / len(gold), e_raw, e_cal, secs,
                " ".join("(%.3f,%.3f)" % p for p in params)))


if __name__ == "__main__":
    main()
