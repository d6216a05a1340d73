#!/usr/bin/env bash
# Indexing throughput and query latency of newsdex.
#
#   bench/run.sh [FILE.jsonl.gz]     (default: ../shared/corpus/news/allsides_2017_2020.jsonl.gz)
#
# 1. builds newsdex and the two benchmark examples with --release;
# 2. indexes FILE with `newsdex index --json --rebuild` into a temporary index;
# 3. indexes the same FILE with examples/plain_tantivy.rs (title + body only,
#    same tantivy threads and memory budget as newsdex --no-extract) and prints both
#    throughputs (decompressed MB/s) and their ratio;
# 4. times a fixed list of 30 queries against the newsdex index
#    (examples/query_latency.rs) and prints p50/p90/p99 latency.
#
# Environment: ROUNDS (timed runs per query, default 20), KEEP=1 keeps the
# temporary folder with both indexes and the raw JSON outputs.
set -euo pipefail

cd "$(dirname "$0")/.."
data=${1:-../shared/corpus/news/allsides_2017_2020.jsonl.gz}
rounds=${ROUNDS:-20}
if [[ ! -f $data ]]; then
    echo "bench: $data not found (pass the JSONL file to index as the first argument)" >&2
    exit 2
fi

echo "== building (release)" >&2
cargo build --release --quiet --bin newsdex --example plain_tantivy --example query_latency

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
    echo "bench: keeping $tmp" >&2
else
    trap 'rm -rf "$tmp"' EXIT
fi

# Pull a number out of a one-object JSON document without needing jq.
field() { sed -n "s/.*\"$2\": *\([-0-9.eE+]*\).*/\1/p" "$1" | head -n 1; }

echo "== newsdex index $data" >&2
# Exit status 1 means some records were skipped, which is fine for a benchmark.
status=0
target/release/newsdex index --json --rebuild --index "$tmp/newsdex" "$data" \
    >"$tmp/newsdex.json" 2>"$tmp/newsdex.log" || status=$?
if ((status > 1)); then
    cat "$tmp/newsdex.log" >&2
    exit "$status"
fi

echo "== newsdex index --no-extract $data" >&2
status=0
target/release/newsdex index --json --rebuild --no-extract --index "$tmp/newsdex-noextract" "$data" \
    >"$tmp/newsdex-noextract.json" 2>>"$tmp/newsdex.log" || status=$?
if ((status > 1)); then
    cat "$tmp/newsdex.log" >&2
    exit "$status"
fi

echo "== newsdex extract on one core $data" >&2
# Extraction alone, single-threaded, in CPU seconds: the per-core figure the
# extraction targets are stated in (bash's own `time`, no extra tool needed).
TIMEFORMAT='%U %S'
{ time RAYON_NUM_THREADS=1 target/release/newsdex extract --json "$data" >/dev/null 2>>"$tmp/newsdex.log"; } 2>"$tmp/extract.time" || true
unset TIMEFORMAT

echo "== plain tantivy (title + body)" >&2
target/release/examples/plain_tantivy --index "$tmp/plain" "$data" >"$tmp/plain.json"

echo "== query latency ($rounds rounds)" >&2
target/release/examples/query_latency --index "$tmp/newsdex" --rounds "$rounds" >"$tmp/latency.txt"

n_mb=$(field "$tmp/newsdex.json" mb_read)
n_s=$(field "$tmp/newsdex.json" seconds)
n_rate=$(field "$tmp/newsdex.json" mb_per_s)
x_s=$(field "$tmp/newsdex-noextract.json" seconds)
x_rate=$(field "$tmp/newsdex-noextract.json" mb_per_s)
p_mb=$(field "$tmp/plain.json" mb_read)
p_s=$(field "$tmp/plain.json" seconds)
p_rate=$(field "$tmp/plain.json" mb_per_s)
threads=$(field "$tmp/plain.json" threads)
memory=$(field "$tmp/plain.json" memory_mb)

echo
echo "indexing $(basename "$data") (tantivy: $threads threads, $memory MB budget; $(nproc) cores here)"
echo "  (with extraction, newsdex gives tantivy a third of those threads, at least one: extraction keeps the rest busy)"
printf '  %-14s %9s MB %9s s %9s MB/s\n' newsdex "$n_mb" "$n_s" "$n_rate"
printf '  %-14s %9s MB %9s s %9s MB/s\n' "no extraction" "$n_mb" "$x_s" "$x_rate"
printf '  %-14s %9s MB %9s s %9s MB/s\n' "plain tantivy" "$p_mb" "$p_s" "$p_rate"
awk -v n="$n_rate" -v p="$p_rate" 'BEGIN {
    if (p > 0) printf "  ratio newsdex / plain tantivy: %.3f (newsdex takes %.1fx as long)\n", n / p, (n > 0 ? p / n : 0)
}'
awk -v x="$x_rate" -v p="$p_rate" 'BEGIN {
    if (p > 0) printf "  ratio newsdex without extraction / plain tantivy: %.3f\n", x / p
}'
read -r e_user e_sys <"$tmp/extract.time" || true
awk -v mb="$n_mb" -v u="${e_user:-0}" -v s="${e_sys:-0}" 'BEGIN {
    if (u + s > 0) printf "  extract alone, one core: %.1f CPU-s, %.2f MB/s per core\n", u + s, mb / (u + s)
}'
echo
echo "query latency (newsdex index)"
sed 's/^/  /' "$tmp/latency.txt"
