#!/usr/bin/env python3
"""Ordinary English words: those news writes in lower case, or capitalised
only where a sentence starts.

Reads news text (JSONL.gz files with a "text"/"body"/"content" field) and
prints, one per line in alphabetical order, every word seen at least
MIN_COUNT times mid-sentence of which at most MAX_CAP_SHARE were
capitalised. The extractor uses the list (data/names/common_words.txt) to
refuse a one-word person name that is an ordinary word ("Friends",
"Laughter", "Order") unless an honorific vouches for it ("Mr. Young").
Only these counts are used; no text is kept. Run at development time:

    python3 tools/kb/common_words.py ../shared/corpus/news/*.jsonl.gz > data/names/common_words.txt
"""
import collections
import re
import sys

from word_stats import texts  # same JSONL.gz reading as the city word statistics

MIN_COUNT = 20
MAX_CAP_SHARE = 0.2
TOKEN = re.compile(r"[A-Za-z][a-z]*(?:'[a-z]+)?")


def main():
    cap = collections.Counter()
    low = collections.Counter()
    for path in sys.argv[1:]:
        for t in texts(path):
            for m in TOKEN.finditer(t):
                w = m.group(0)
                start = m.start()
                end = m.end()
                # Whole words only: skip pieces of "McDonald", "iPhone", "U.S.".
                if end < len(t) and (t[end].isalpha() or t[end] == "."):
                    continue
                if start > 0 and t[start - 1].isalpha():
                    continue
                before = t[max(0, start - 3):start].strip()
                sentence_start = (
                    start == 0
                    or t[start - 1] == "\n"
                    or before[-1:] in (".", "!", "?", ":", '"', "“", "(", "[", "—", "-")
                    or before == ""
                )
                if sentence_start:
                    continue
                if w[0].isupper():
                    cap[w.lower()] += 1
                else:
                    low[w] += 1
    out = []
    for w, n_low in low.items():
        n = n_low + cap[w]
        if len(w) >= 2 and n >= MIN_COUNT and cap[w] <= MAX_CAP_SHARE * n:
            out.append(w)
    print("# Ordinary English words (tools/kb/common_words.py): seen at least")
    print(f"# {MIN_COUNT} times mid-sentence in the development news corpora, at most")
    print(f"# {int(MAX_CAP_SHARE * 100)}% of them capitalised. Generated; do not edit by hand.")
    for w in sorted(out):
        print(w)


if __name__ == "__main__":
    main()
