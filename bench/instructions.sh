#!/usr/bin/env bash
# Instruction counts of indexing, newsdex against plain tantivy: a figure
# that does not move with machine load, for A/B comparisons on a busy or
# shared machine (wall-clock figures there can swing by 2x).
#
#   bench/instructions.sh [FILE.jsonl] [ARTICLES]
#
# Takes the first ARTICLES (default 300) records of FILE (default: the
# AllSides file in ../shared/corpus), runs both indexers under valgrind's
# cachegrind (instruction counting only), and prints instructions per input
# byte for each. newsdex's start-up (knowledge base and model loading, paid
# once per run) is measured on a one-article input and subtracted, so the
# ratio is the one a long run approaches. Instructions are a proxy: they
# ignore cache misses and how well work spreads over cores; bench/run.sh
# gives the wall-clock figures.
set -euo pipefail

cd "$(dirname "$0")/.."
data=${1:-../shared/corpus/news/allsides_2017_2020.jsonl.gz}
n=${2:-300}
if ! command -v valgrind >/dev/null; then
    echo "bench/instructions.sh: valgrind is not installed" >&2
    exit 2
fi
if [[ ! -f $data ]]; then
    echo "bench/instructions.sh: $data not found" >&2
    exit 2
fi
cargo build --release --quiet --bin newsdex --example plain_tantivy

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-instr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [[ $data == *.gz ]]; then
    zcat -- "$data" | head -n "$n" >"$tmp/in.jsonl" || true
else
    head -n "$n" -- "$data" >"$tmp/in.jsonl"
fi
head -n 1 "$tmp/in.jsonl" >"$tmp/one.jsonl"
bytes=$(wc -c <"$tmp/in.jsonl")

# Instructions executed by a command (cachegrind's "I refs").
instr() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}

p=$(instr target/release/examples/plain_tantivy --index "$tmp/plain" "$tmp/in.jsonl")
s=$(instr target/release/newsdex index --json --rebuild --index "$tmp/one" "$tmp/one.jsonl")
x=$(instr target/release/newsdex index --json --rebuild --index "$tmp/nd" "$tmp/in.jsonl")
awk -v p="$p" -v s="$s" -v x="$x" -v b="$bytes" -v n="$n" 'BEGIN {
    printf "first %d articles, %.1f MB\n", n, b / 1e6
    printf "  plain tantivy        %7.0f M instructions  %6.0f per byte\n", p / 1e6, p / b
    printf "  newsdex              %7.0f M instructions  %6.0f per byte\n", x / 1e6, x / b
    printf "  newsdex start-up     %7.0f M (one-article run)\n", s / 1e6
    printf "  newsdex less start-up %6.0f M instructions  %6.0f per byte\n", (x - s) / 1e6, (x - s) / b
    printf "  ratio plain / newsdex (less start-up): %.3f\n", p / (x - s)
}'
