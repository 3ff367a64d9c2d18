# The whole pipe (repair + segment + extract + report) over the clean corpus:
# the shell pipe of four processes (stages overlap on the cores) and
# `zhpipe run` (one process), each with -j 1 and -j N per stage; every
# variant's report must equal the one made stage by stage. Then the shell
# pipe over the damaged sample. CPU seconds add up all processes; peak memory
# is the largest single process. The -j 1 variants run once (BENCH_PIPE1_RUNS),
# the -j N ones BENCH_RUNS times: the whole pipe is the slowest row. The goal's
# verdict uses `zhpipe run -j N` paired with raw ICU (run back to back,
# BENCH_RUNS times), as segment's does: on a shared machine ICU's own time
# moves by half between rows measured minutes apart.
: "${BENCH_PIPE1_RUNS:=1}"
echo
table_header "whole pipe (clean corpus -> TSV report)"
Z=$ZHPIPE
MEASURE_RUNS=$BENCH_PIPE1_RUNS measure pipe_j1 "pipe: 4 processes, -j 1 each" "$CORPUS_BYTES" "$TEXT_BYTES" "$BENCH_PIPE1_RUNS run(s)" bash -o pipefail -c \
  "$Z repair -j 1 $CORPUS | $Z segment -j 1 | $Z extract -j 1 | $Z report -o $BENCH_DIR/report.pipe-j1.tsv"
measure pipe_jn "pipe: 4 processes, -j $BENCH_JOBS each" "$CORPUS_BYTES" "$TEXT_BYTES" "" bash -o pipefail -c \
  "$Z repair -j $BENCH_JOBS $CORPUS | $Z segment -j $BENCH_JOBS | $Z extract -j $BENCH_JOBS | $Z report -o $BENCH_DIR/report.pipe-jn.tsv"
MEASURE_RUNS=$BENCH_PIPE1_RUNS measure run_j1 "zhpipe run -j 1" "$CORPUS_BYTES" "$TEXT_BYTES" "$BENCH_PIPE1_RUNS run(s)" "$Z" run -j 1 "$CORPUS" -o "$BENCH_DIR/report.run-j1.tsv"
measure run_jn "zhpipe run -j $BENCH_JOBS" "$CORPUS_BYTES" "$TEXT_BYTES" "" "$Z" run -j "$BENCH_JOBS" "$CORPUS" -o "$BENCH_DIR/report.run-jn.tsv"
paired run_pair "zhpipe run -j $BENCH_JOBS / raw ICU, paired" bench/bin/icu_words "$CORPUS_TEXT" -- \
  "$Z" run -j "$BENCH_JOBS" "$CORPUS" -o /dev/null
# jieba against the pipe on the same text, back to back (the goal's verdict):
# the corpus's first documents, about jieba's sample in size; jieba.lcut over
# their lines (its own clock, set-up excluded) and `zhpipe run -j N` over the
# documents ten times (wall clock, start-up included), BENCH_RUNS pairs; the
# ratio is of time per MB of text. The rows in the tables are minutes apart,
# and jieba's speed there moved by half from one bench to the next.
if [ -n "${PEER_PY:-}" ] && [ -n "${BYTES[jieba]:-}" ]; then
  jsample="$BENCH_DIR/jieba-sample.txt" jrecords="$BENCH_DIR/jieba-sample-x10.jsonl" jratios=""
  "$PYTHON" - "$CORPUS" "${BYTES[jieba]}" "$jsample" "$jrecords" <<'PY'
import sys
corpus, limit, sample, records = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
import json
docs, size = [], 0
for line in open(corpus, encoding="utf-8"):
    if size >= limit:
        break
    docs.append(line)
    size += len(json.loads(line)["text"].encode("utf-8")) + 1
with open(sample, "w", encoding="utf-8") as out:
    for line in docs:
        out.write(json.loads(line)["text"] + "\n")
with open(records, "w", encoding="utf-8") as out:
    for _ in range(10):
        out.writelines(docs)
PY
  for ((r = 0; r < BENCH_RUNS; r++)); do
    read -r jb js < <(timeout 600 "$PEER_PY" -W ignore bench/peers/speed.py jieba "$jsample" 1000 1 1000 2>/dev/null) || break
    timed_once "$BENCH_DIR/.timing" "$Z" run -j "$BENCH_JOBS" "$jrecords" -o /dev/null || { BENCH_FAILURES+=("jieba pair: run failed"); break; }
    rw=$(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$BENCH_DIR/.timing" | tail -1 | awk '{ print $1 }')
    jratios+="$(awk -v j="$js" -v jb="$jb" -v w="$rw" 'BEGIN { printf "%.2f", (j / jb) / (w / (10 * jb)) }')"$'\n'
  done
  if [ -n "$jratios" ]; then
    PAIR_WALL[jieba_pair]=$(printf "%s" "$jratios" | median)
    printf "  %-40s %6s x (time per MB, median of %s pairs; %s to %s)\n" "jieba.lcut / zhpipe run -j $BENCH_JOBS, paired" \
      "${PAIR_WALL[jieba_pair]}" "$(printf "%s" "$jratios" | grep -c .)" "$(printf "%s" "$jratios" | sort -g | head -1)" "$(printf "%s" "$jratios" | sort -g | tail -1)"
  fi
  rm -f "$jsample" "$jrecords"
fi
for variant in pipe-j1 pipe-jn run-j1 run-jn; do
  same_output "report: stage by stage = $variant" "$BENCH_DIR/report.j1.tsv" "$BENCH_DIR/report.$variant.tsv"
done
MEASURE_RUNS=$BENCH_DAMAGED_RUNS measure pipe_dmg "pipe -j $BENCH_JOBS each (damaged sample)" "$DAMAGED_BYTES" "$DAMAGED_TEXT_BYTES" "$BENCH_DAMAGED_RUNS run(s)" bash -o pipefail -c \
  "$Z repair -j $BENCH_JOBS $DAMAGED_SAMPLE | $Z segment -j $BENCH_JOBS | $Z extract -j $BENCH_JOBS | $Z report > /dev/null"
