#!/usr/bin/env python3
"""Population (Pasternack & Roth 2010): Wikipedia editors' city-population figures. Converts
population-new.txt into recon resolve's CSV (object = "city, state_year", attribute population),
runs each method and scores the chosen figure on the 308 gold city-years: exact match, within 1%,
mean absolute error and ECE of the confidence (two-fold cross-fitted)."""
import csv
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def number(s):
    try:
        return float(s.replace(",", "").strip())
    except ValueError:
        return None


def main():
    data = os.path.join(common.shared_dir(), "data", "truth", "population")
    if not os.path.isdir(data):
        sys.exit("no Population data at %s" % data)
    gold = {}
    with open(os.path.join(data, "population-gd.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.strip().split(", ")
            if len(parts) < 3:
                continue
            value, year, place = parts[-1], parts[-2], ", ".join(parts[:-2]).lower()
            if number(value) is not None:
                gold[(place + "_" + year, "population")] = number(value)
    tmp = tempfile.mkdtemp(prefix="recon-population-")
    path = os.path.join(tmp, "claims.csv")
    n = 0
    with open(os.path.join(data, "population-new.txt"), encoding="utf-8", errors="replace") as f, \
            open(path, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["source", "object", "attribute", "value"])
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or number(cols[2]) is None:
                continue
            w.writerow([cols[1], cols[0].lower(), "population", "%d" % number(cols[2])])
            n += 1
    print("Population: %d claims in %s; %d gold city-years" % (n, path, len(gold)))
    print("%-34s %7s %7s %10s %8s %8s" % ("method", "exact", "1%", "MAE", "ECE raw", "ECE cal"))
    for m, extra in (("vote", []), ("truthfinder", []), ("truthfinder", ["--similarity", "numeric"]),
                     ("accu", []), ("accucopy", []), ("accucopy", ["--true-copy-evidence", "0"]),
                     ("accucopy", ["--copy-per-attribute", "--copy-seed-votes"]),
                     ("accucopy", ["--true-copy-evidence", "0", "--copy-per-attribute",
                                   "--copy-seed-votes", "--copy-rate", "0.65"])):
        d, _, _ = common.run_resolve(path, m, extra)
        exact = near = 0
        err = []
        correct = {}
        for k, g in gold.items():
            p = number(d[k][0]) if k in d else None
            if p is None:
                continue
            exact += p == g
            near += abs(p - g) <= 0.01 * g
            err.append(abs(p - g))
            correct[k] = p == g
        _, e_raw, e_cal, params = common.cross_fit(tmp, path, m, extra, correct)
        print("%-34s %7.3f %7.3f %10.0f %8.3f %8.3f   answered %d   platt=%s" % (
            m + " " + " ".join(extra), exact / len(gold), near / len(gold),
            sum(err) / max(1, len(err)), e_raw, e_cal, len(err),
            " ".join("(%.3f,%.3f)" % p for p in params)))


if __name__ == "__main__":
    main()
