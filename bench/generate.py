#!/usr/bin/env python3
"""Builds a synthetic news corpus for recon's benchmarks by recombining the sample articles.

Each generated *story* takes one sample article as its template, swaps the people it names for
invented Korean-style names, shifts its years, and is then "reported" by one to several invented
outlets on nearby days, so the corpus has what the linker and resolver feed on: several documents
about the same event, in different words only where the template differs. Output is .md files with
YAML front matter (sharded into folders of 1000), or one JSON Lines file with --jsonl.

Deterministic: the same --seed, -n and samples give the same bytes.

  bench/generate.py -n 10000 --out bench/out/corpus-1e4
  bench/generate.py -n 1000 --jsonl --out bench/out/jsonl-1e3
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

# Invented names: Korean surnames with given-name syllables, combined at random. None of the
# combinations is meant to be a real person.
SURNAMES = ["Kim", "Ri", "Pak", "Choe", "Jong", "Han", "Ryu", "Kang", "Yun", "O", "Jo", "Hong",
            "Mun", "Sin", "Hwang", "Son", "Ko", "Ju", "Sim", "Paek", "Ryom", "Tong", "Chae", "Ha"]
SYLLABLES = ["Chol", "Myong", "Song", "Hyok", "Il", "Nam", "Su", "Yong", "Hui", "Jin", "Gwang",
             "Ok", "Sun", "Ho", "Chun", "Dok", "Hak", "Ung", "Ryong", "Kyong", "Min", "Hyon",
             "Sang", "Un", "Bom", "Chang", "Dae", "Yon", "Gum", "Rim"]
OUTLETS = ["Harbour Daily", "Northern Courier", "Eastern Telegraph", "Peninsula Review",
           "Pacific Bulletin", "Capital Observer", "Continental Wire", "Morning Chronicle",
           "Evening Standard Times", "Asia Desk", "Border Post", "Strait Herald",
           "Global Affairs Weekly", "Frontier Gazette", "Metro Ledger", "Insight Korea Report"]

# A personal name as the samples write it: a known surname, then one or two capitalised given-name
# parts ("Thae Yong-ho", "Kim Jong Nam", "Hyon Yong Chol").
NAME_RE = re.compile(r"\b(?:Kim|Ri|Lee|Pak|Park|Choe|Choi|Jong|Jang|Hwang|Thae|Tae|Hyon|Hyun|Jo|"
                     r"Cho|Han|Ryu|Kang|Yun|Mun|Moon|Min|Jeong|Chung|Oh|Son|Ko|Ju|Sim|Paek|Ryom|"
                     r"Chae|Ha|Hong|Shin|Sin|Yoon|Jung|Seo|Song|Bae|Baek|Kwon|Nam)"
                     r" [A-Z][a-z]+(?:-[a-z]+| [A-Z][a-z]+)?\b")
YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def parse_article(path):
    """Returns (front matter dict, body) of one sample; front matter values are plain strings."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    meta = {}
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            for line in text[4:end].splitlines():
                key, sep, value = line.partition(":")
                if sep and key.strip() and not key.startswith(" "):
                    meta[key.strip()] = value.strip().strip('"').strip("'")
            text = text[end + 5:]
    return meta, text


def invented_name(rng):
    surname = rng.choice(SURNAMES)
    a, b = rng.sample(SYLLABLES, 2)
    if rng.random() < 0.5:
        return f"{surname} {a}-{b.lower()}"
    return f"{surname} {a} {b}"


def shift_date(date, years, days):
    try:
        shifted = date.replace(year=date.year + years)
    except ValueError:  # 29 February into a common year
        shifted = date.replace(year=date.year + years, day=28)
    return shifted + datetime.timedelta(days=days)


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Story:
    """One template with its own cast and year shift, reported by several outlets."""

    def __init__(self, rng, template, number):
        self.meta, self.body = template
        self.number = number
        self.year_shift = rng.randint(-12, 6)
        cast = sorted(set(NAME_RE.findall(self.body)) | set(NAME_RE.findall(self.meta.get("title", ""))))
        # The same surname-and-given-name keeps its new name everywhere in the story, and so do
        # the shorter forms of it ("Thae" alone after "Thae Yong-ho").
        self.names = {name: invented_name(rng) for name in cast}
        for old, new in list(self.names.items()):
            self.names.setdefault(old.split(" ")[0] + " ", new.split(" ")[0] + " ")
        # One pass, longest first, so a new name is never rewritten again by a shorter key.
        keys = sorted(self.names, key=len, reverse=True)
        self.names_re = re.compile("|".join(r"\b" + re.escape(k) for k in keys)) if keys else None

    def rewrite(self, text, outlet, original_outlet):
        if self.names_re:
            text = self.names_re.sub(lambda m: self.names[m.group(0)], text)
        text = YEAR_RE.sub(lambda m: str(int(m.group(1)) + self.year_shift), text)
        if original_outlet:
            text = text.replace(original_outlet, outlet)
        return text


def generate(args):
    paths = sorted(os.path.join(args.samples, f) for f in os.listdir(args.samples)
                   if f.endswith(".md") and f.lower() != "readme.md")
    templates = [parse_article(p) for p in paths]
    templates = [t for t in templates if t[1].strip()]
    if not templates:
        sys.exit(f"generate.py: no sample articles in {args.samples}")
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    jsonl = open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") if args.jsonl else None
    written = 0
    total_bytes = 0
    story_no = 0
    while written < args.n:
        story_no += 1
        story = Story(rng, rng.choice(templates), story_no)
        meta = story.meta
        try:
            published = datetime.date.fromisoformat(meta.get("published", "")[:10])
        except ValueError:
            published = datetime.date(2016, 1, 1)
        reports = min(args.n - written, rng.randint(1, args.max_reports))
        for outlet in rng.sample(OUTLETS, reports):
            doc_id = f"gen-{written + 1:07d}"
            day = shift_date(published, story.year_shift, rng.randint(0, 3))
            body = story.rewrite(story.body, outlet, meta.get("source", ""))
            title = story.rewrite(meta.get("title", f"Story {story_no}"), outlet, meta.get("source", ""))
            slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
            url = f"https://example.org/{slug}/{day.isoformat()}/{doc_id}"
            reliability = round(rng.uniform(0.5, 0.95), 2)
            if jsonl:
                line = json.dumps({"id": doc_id, "source": outlet, "published": day.isoformat(),
                                   "title": title, "url": url, "reliability": reliability,
                                   "text": body}, ensure_ascii=False, sort_keys=True)
                jsonl.write(line + "\n")
                total_bytes += len(line.encode("utf-8")) + 1
            else:
                shard = os.path.join(args.out, f"{written // 1000:04d}")
                os.makedirs(shard, exist_ok=True)
                text = (f"---\nid: {doc_id}\nsource: {outlet}\npublished: {day.isoformat()}\n"
                        f"title: {yaml_quote(title)}\nurl: {url}\nreliability: {reliability}\n---\n"
                        f"{body}")
                data = text.encode("utf-8")
                with open(os.path.join(shard, doc_id + ".md"), "wb") as f:
                    f.write(data)
                total_bytes += len(data)
            written += 1
    if jsonl:
        jsonl.close()
    print(f"generate.py: {written} articles, {story_no} stories, {total_bytes / 1e6:.1f} MB "
          f"from {len(templates)} samples -> {args.out}", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, required=True, help="number of articles to write")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--samples", default=os.path.join(here, "..", "samples"),
                   help="folder of sample .md articles with front matter (default: samples/)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--jsonl", action="store_true", help="write one corpus.jsonl instead of .md files")
    p.add_argument("--max-reports", type=int, default=6,
                   help="most outlets reporting one story (default: 6)")
    args = p.parse_args()
    if args.n < 0 or args.max_reports < 1 or args.max_reports > len(OUTLETS):
        p.error(f"-n must be >= 0 and --max-reports 1..{len(OUTLETS)}")
    generate(args)


if __name__ == "__main__":
    main()
