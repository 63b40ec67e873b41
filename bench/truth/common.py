"""Shared helpers for the truth-discovery benchmark scripts: run `recon resolve`, fit and
check calibration with two-fold cross-fitting, and compute expected calibration error."""
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def recon_bin():
    b = os.environ.get("RECON_BIN") or os.path.join(REPO, "build", "recon")
    if not os.path.exists(b):
        sys.exit("recon binary not found at %s (build it or set RECON_BIN)" % b)
    return b


def shared_dir():
    return os.environ.get("RECON_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")


def run_resolve(path, method, extra=(), labels=None):
    """Returns ({(object, attribute): (value, confidence, raw)}, {source: reliability}, stderr)."""
    cmd = [recon_bin(), "resolve", path, "--method", method, "--format", "csv"] + list(extra)
    if labels:
        cmd += ["--fit-calibration", labels]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("recon resolve failed: %s\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    decisions, rel = {}, {}
    part1, _, part2 = p.stdout.partition("\n\n")
    for row in csv.DictReader(io.StringIO(part1)):
        decisions[(row["object"], row["attribute"])] = (
            row["value"], float(row["confidence"]), float(row["raw"]))
    for row in csv.DictReader(io.StringIO(part2)):
        rel[row["source"]] = float(row["reliability"])
    return decisions, rel, p.stderr


def ece(conf, correct, bins=10):
    n = len(conf)
    if n == 0:
        return 0.0
    s = [0.0] * bins
    h = [0.0] * bins
    c = [0] * bins
    for p, ok in zip(conf, correct):
        b = min(bins - 1, max(0, int(p * bins)))
        s[b] += p
        h[b] += 1.0 if ok else 0.0
        c[b] += 1
    return sum(c[b] / n * abs(s[b] / c[b] - h[b] / c[b]) for b in range(bins) if c[b])


def cross_fit(tmp, path, method, extra, correct):
    """Runs recon resolve once with --fit-calibration on every labelled key, in two folds
    (alternate keys in sorted order): each key's confidence comes from the Platt fit on the
    other fold. Returns (decisions, ece_raw, ece_cross_fitted, [(a, b) per fold, then all])."""
    keys = sorted(correct)
    lab = os.path.join(tmp, "labels.csv")
    with open(lab, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["object", "attribute", "correct", "fold"])
        for i, k in enumerate(keys):
            w.writerow([k[0], k[1], 1 if correct[k] else 0, i % 2])
    d, _, err = run_resolve(path, method, extra, labels=lab)
    params = [tuple(float(x) for x in line.split()[1:3])
              for line in err.splitlines() if line.startswith("calibration:")]
    present = [k for k in keys if k in d]
    ok = [correct[k] for k in present]
    return (d, ece([d[k][2] for k in present], ok), ece([d[k][1] for k in present], ok), params)
