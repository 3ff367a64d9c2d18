#!/usr/bin/env bash
# make bench: throughput (MB/s) and peak memory of each stage and of the whole
# pipe on a >= 50 MB corpus of real Chinese text, with the references measured
# in the same run (raw ICU word breaking in C; jieba, OpenCC, cn2an and ftfy
# when a Python virtual environment can be made), ratios, and the issue's
# goals with PASS/MISS. Each bench/parts/NN-*.sh adds one table, in order:
# corpus, references, repair, records, segment, extract, report, whole pipe,
# memory, goals. Knobs: BENCH_RUNS (3), BENCH_MB (50), BENCH_SMALL_MB (10),
# BENCH_JOBS (nproc), BENCH_DAMAGED_KB (200), BENCH_PEER_MB (2).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
echo "zhpipe bench — $(nproc) cores, $("$ZHPIPE" --version), $(date -u +%Y-%m-%dT%H:%MZ), load average $(load)"
started=$(now)
for part in bench/parts/*.sh; do
  source "$part"
done
echo
echo "bench took $(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }') s; load average now $(load) on $(nproc) cores (above ~1 the all-core rows share the machine)"
[ ${#BENCH_FAILURES[@]} -eq 0 ]
