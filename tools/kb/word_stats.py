#!/usr/bin/env python3
"""Word statistics that tell place names from words and personal names.

Reads news text (JSONL.gz files with a "text"/"body"/"content" field) and
writes one line per capitalised word: word, how often it occurs
capitalised mid-sentence, lower-case, and right after a place preposition
("in", "at", "from", "near", …). gen_places.py uses it (--word-stats) to
flag one-word city names that news mostly uses as ordinary words ("Union",
"Police", "Most") or as personal names ("Graham", "Warren", "Kennedy") as
ambiguous. Only these counts are used; no text is kept. Run at development
time, e.g.

    python3 tools/kb/word_stats.py ../shared/corpus/news/*.jsonl.gz > /tmp/word_stats.tsv
"""
import collections
import gzip
import json
import re
import sys

PLACE_PREPS = {"in", "at", "from", "near", "to", "outside", "across", "into", "visit", "visited"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def texts(path):
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            for k in ("text", "body", "content"):
                v = r.get(k)
                if isinstance(v, str):
                    yield v


def main():
    cap = collections.Counter()
    low = collections.Counter()
    after_prep = collections.Counter()
    for path in sys.argv[1:]:
        for t in texts(path):
            prev = None
            for m in TOKEN.finditer(t):
                w = m.group(0)
                start = m.start()
                sentence_start = start == 0 or t[max(0, start - 2):start].strip() in (".", "!", "?", "\"", "“") or t[start - 1] == "\n"
                if w[0].isupper() and not w.isupper():
                    if not sentence_start:
                        cap[w] += 1
                        if prev in PLACE_PREPS:
                            after_prep[w] += 1
                elif w.islower():
                    low[w] += 1
                prev = w.lower()
    for w, n in cap.most_common():
        if n < 5:
            break
        print(f"{w}\t{n}\t{low[w.lower()]}\t{after_prep[w]}")


if __name__ == "__main__":
    main()
