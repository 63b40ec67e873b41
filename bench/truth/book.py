#!/usr/bin/env python3
"""Book (Yin, Han & Yu 2007): converts AbeBooks listings into recon resolve's CSV (author lists
normalised to sorted last names), runs each method and scores on the 100 gold books: accuracy
z / max(x, y) per book (x gold authors, y predicted, z shared last names), books fully right,
and expected calibration error of the chosen value's confidence (two-fold cross-fitted)."""
import csv
import html
import os
import re
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof"}


def surname(words):
    words = [w for w in words if re.sub(r"[^a-z]", "", w.lower()) not in SUFFIXES]
    if not words:
        return ""
    w = unicodedata.normalize("NFKD", html.unescape(words[-1]))
    return re.sub(r"[^a-z]", "", "".join(ch for ch in w if not unicodedata.combining(ch)).lower())


def parse_authors(s):
    """Author string -> sorted list of normalised last names; [] when unusable."""
    s = unicodedata.normalize("NFKD", html.unescape(html.unescape(s)))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"\([^)]*\)|\bet al\b\.?", " ", s, flags=re.I).strip()
    if not s or s.lower() in ("not available", "n/a", "unknown"):
        return []
    names = []
    for part in re.split(r";|/|&|\band\b", s, flags=re.I):
        part = part.strip(" ,.")
        if not part:
            continue
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) == 1:
            names.append(surname(pieces[0].split()))
        elif all(len(p.split()) >= 2 for p in pieces):
            names += [surname(p.split()) for p in pieces]        # "A B, C D"
        else:
            for i in range(0, len(pieces), 2):                   # "Last, First, Last, First"
                names.append(surname(pieces[i].split()))
    return sorted(set(n for n in names if len(n) >= 2))


def isbn13(isbn):
    isbn = isbn.strip().upper()
    if len(isbn) != 10:
        return isbn
    core = "978" + isbn[:9]
    if not core.isdigit():
        return isbn
    check = (10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(core)) % 10) % 10
    return core + str(check)


def main():
    data = os.path.join(common.shared_dir(), "data", "truth", "book")
    if not os.path.isdir(data):
        sys.exit("no Book data at %s" % data)
    gold = {}
    with open(os.path.join(data, "book_golden.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            if "\t" not in line:
                continue
            isbn, authors = line.rstrip("\n").split("\t", 1)
            gold[isbn13(isbn)] = sorted(set(
                surname(a.split(",")[0].split()) for a in authors.split(";") if a.strip()))
    tmp = tempfile.mkdtemp(prefix="recon-book-")
    path = os.path.join(tmp, "claims.csv")
    n = 0
    with open(os.path.join(data, "book.txt"), encoding="utf-8", errors="replace") as f, \
            open(path, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["source", "object", "attribute", "value"])
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            isbn = isbn13(cols[1])
            names = parse_authors(cols[3])
            if names:
                w.writerow([cols[0], isbn, "authors", "; ".join(names)])
                n += 1
    print("Book: %d claims written to %s; %d gold books" % (n, path, len(gold)))
    print("%-60s %8s %10s %8s %8s" % ("method", "accuracy", "all right", "ECE raw", "ECE cal"))
    def score_run(d, isbns):
        total, full, correct = 0.0, 0, {}
        for isbn in isbns:
            g = gold[isbn]
            pred = d.get((isbn, "authors"), ("", 0, 0))[0]
            p = [x for x in pred.split("; ") if x]
            z = len(set(p) & set(g))
            score = z / max(len(g), len(p)) if g else 0
            total += score
            full += score == 1.0
            if (isbn, "authors") in d:
                correct[(isbn, "authors")] = score == 1.0
        return total, full, correct

    runs = [("vote", []), ("truthfinder", ["--similarity", "contains"]),
            # rho = 1 and base 0.7 were chosen by a small sweep on these same 100 gold books,
            # so these two rows are optimistic; the row above uses the paper's rho = 0.5, and
            # the "held-out" row below picks them on the other half of the gold.
            ("truthfinder", ["--similarity", "contains", "--implication", "1"]),
            ("truthfinder", ["--similarity", "contains", "--implication", "1",
                             "--base-similarity", "0.7"]),
            ("truthfinder", ["--similarity", "tokens"]),
            ("truthfinder-exact", []), ("accu", []), ("accucopy", []),
            ("accucopy", ["--true-copy-evidence", "0"]),
            ("accucopy", ["--copy-per-attribute", "--copy-seed-votes"]),
            ("accucopy", ["--true-copy-evidence", "0", "--copy-per-attribute",
                          "--copy-seed-votes", "--copy-rate", "0.65"])]
    for name, extra in runs:
        method = name.split("-")[0]
        d, _, _ = common.run_resolve(path, method, extra)
        total, full, correct = score_run(d, gold)
        _, e_raw, e_cal, params = common.cross_fit(tmp, path, method, extra, correct)
        print("%-60s %8.3f %6d/%d %8.3f %8.3f   platt=%s" % (
            name + " " + " ".join(extra), total / len(gold), full, len(gold), e_raw, e_cal,
            " ".join("(%.3f,%.3f)" % p for p in params)))

    # Two-fold choice of TruthFinder's rho and base: each half of the gold books is scored with
    # the setting that did best on the other half.
    isbns = sorted(gold)
    folds = [isbns[0::2], isbns[1::2]]
    grid = [(r, b) for r in ("0.5", "1", "1.5") for b in ("0.3", "0.5", "0.7")]
    results = {}
    for r, b in grid:
        results[(r, b)], _, _ = common.run_resolve(
            path, "truthfinder", ["--similarity", "contains", "--implication", r,
                                  "--base-similarity", b])
    total = full = 0
    chosen = []
    conf_raw, conf_cal, labels = [], [], []
    for k in (0, 1):
        best = max(grid, key=lambda rb: (score_run(results[rb], folds[1 - k])[0], rb))
        chosen.append(best)
        t, f, correct = score_run(results[best], folds[k])
        total += t
        full += f
        # The chosen setting's confidences for this half, calibrated on the other half (the
        # cross-fit's folds alternate over the sorted keys, as these halves do).
        all_correct = score_run(results[best], isbns)[2]
        d, _, _, _ = common.cross_fit(tmp, path, "truthfinder",
                                      ["--similarity", "contains", "--implication", best[0],
                                       "--base-similarity", best[1]], all_correct)
        for key, ok in correct.items():
            if key in d:
                conf_raw.append(d[key][2])
                conf_cal.append(d[key][1])
                labels.append(ok)
    print("%-60s %8.3f %6d/%d %8.3f %8.3f   (rho, base) chosen per fold: %s" % (
        "truthfinder contains, rho/base chosen on the other half", total / len(gold), full,
        len(gold), common.ece(conf_raw, labels), common.ece(conf_cal, labels), chosen))


if __name__ == "__main__":
    main()
