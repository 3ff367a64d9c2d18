# Stage 1, repair: the clean corpus on one core and on all cores (the -j N
# output is segment's input), byte-identity of the two, the issue-3 goal
# (>= 20 MB/s per core on clean text with every pass and the normalised
# form), a breakdown (--passes mojibake: decoding, the mojibake pass, records
# and the normalised form only), and damaged text: a BENCH_DAMAGED_KB sample
# of the damaged corpus (repair of damaged text is far slower than of clean
# text, so the sample is small), each mechanism alone on a small slice, and
# the raw seed reports (real web damage). Damaged rows run BENCH_DAMAGED_RUNS
# times (default 1: they are slow, and not a goal).
: "${BENCH_DAMAGED_KB:=200}"
: "${BENCH_MECHANISM_KB:=20}"
: "${BENCH_DAMAGED_RUNS:=1}"
echo
table_header "repair (clean corpus)"
REPAIRED="$BENCH_DIR/stage-repaired.jsonl"
measure repair_j1 "zhpipe repair -j 1" "$CORPUS_BYTES" "$TEXT_BYTES" "" \
  "$ZHPIPE" repair -j 1 "$CORPUS" -o "$BENCH_DIR/stage-repaired.j1.jsonl"
measure repair_jn "zhpipe repair -j $BENCH_JOBS" "$CORPUS_BYTES" "$TEXT_BYTES" "" \
  "$ZHPIPE" repair -j "$BENCH_JOBS" "$CORPUS" -o "$REPAIRED"
measure repair_norm "zhpipe repair --normalized -j 1" "$CORPUS_BYTES" "$TEXT_BYTES" "goal >= 20 MB/s (issue 3)" \
  "$ZHPIPE" repair --normalized -j 1 "$CORPUS"
MEASURE_RUNS=1 measure repair_moji "  only --passes mojibake --normalized" "$CORPUS_BYTES" "$TEXT_BYTES" "decoding, mojibake, records, norm; 1 run" \
  "$ZHPIPE" repair --normalized --passes mojibake -j 1 "$CORPUS"
same_output "repair -j 1 = -j $BENCH_JOBS" "$BENCH_DIR/stage-repaired.j1.jsonl" "$REPAIRED"
rm -f "$BENCH_DIR/stage-repaired.j1.jsonl"

echo
table_header "repair (damaged: zhpipe damage --seed 1)"
DAMAGED_SAMPLE="$BENCH_DIR/damaged-${BENCH_DAMAGED_KB}KB.jsonl"
stale "$DAMAGED_SAMPLE" "$CORPUS_DAMAGED" && head_lines "$CORPUS_DAMAGED" $((BENCH_DAMAGED_KB * 1000)) "$DAMAGED_SAMPLE"
DAMAGED_BYTES=$(filesize "$DAMAGED_SAMPLE")
# the clean text the damaged sample stands for (its first documents in the clean corpus)
DAMAGED_TEXT_BYTES=$("$PYTHON" -c "
import json, sys
n = sum(1 for l in open(sys.argv[1], encoding='utf-8') if l.strip())
t = 0
for i, l in enumerate(open(sys.argv[2], encoding='utf-8')):
    if i >= n: break
    t += len(json.loads(l)['text'].encode())
print(t)" "$DAMAGED_SAMPLE" "$CORPUS")
MEASURE_RUNS=$BENCH_DAMAGED_RUNS measure repair_dmg_j1 "zhpipe repair -j 1 (damaged sample)" "$DAMAGED_BYTES" "$DAMAGED_TEXT_BYTES" "every document damaged, $BENCH_DAMAGED_RUNS run(s)" \
  "$ZHPIPE" repair -j 1 "$DAMAGED_SAMPLE" -o "$BENCH_DIR/damaged-repaired.j1.jsonl"
MEASURE_RUNS=$BENCH_DAMAGED_RUNS measure repair_dmg_jn "zhpipe repair -j $BENCH_JOBS (damaged sample)" "$DAMAGED_BYTES" "$DAMAGED_TEXT_BYTES" "" \
  "$ZHPIPE" repair -j "$BENCH_JOBS" "$DAMAGED_SAMPLE" -o "$BENCH_DIR/damaged-repaired.jn.jsonl"
same_output "repair -j 1 = -j $BENCH_JOBS (damaged)" "$BENCH_DIR/damaged-repaired.j1.jsonl" "$BENCH_DIR/damaged-repaired.jn.jsonl"
# Raw seed reports: real damage from the web, 20 copies (files, detected encodings).
seeds="$BENCH_DIR/seed-copies"
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"
  for i in $(seq 1 20); do for f in corpus/*.txt; do cp "$f" "$seeds/$i-$(basename "$f")"; done; done
fi
sbytes=$(cat "$seeds"/*.txt | wc -c)
MEASURE_RUNS=1 measure repair_seeds "zhpipe repair -j 1 (raw seed reports x20)" "$sbytes" "$sbytes" "real web damage, 1 run" \
  "$ZHPIPE" repair -j 1 "$seeds"/*.txt

# Each mechanism alone: where repair spends its time on damaged text.
slice="$BENCH_DIR/mechanism-slice.jsonl"
stale "$slice" "$CORPUS" && head_lines "$CORPUS" $((BENCH_MECHANISM_KB * 1000)) "$slice"
head -1 "$slice" > "$BENCH_DIR/mechanism-one.jsonl"
startup=$(time_cmd "$ZHPIPE" repair -j 1 "$BENCH_DIR/mechanism-one.jsonl")
echo "  repair -j 1 on each damage mechanism alone (${BENCH_MECHANISM_KB} KB of clean text each, 1 run;"
printf "  KB/s of damaged input, less the start-up of %.2f s):\n" "$startup"
line="   "
for mechanism in $("$ZHPIPE" damage --list); do
  "$ZHPIPE" damage --seed 1 --mechanisms "$mechanism" "$slice" -o "$BENCH_DIR/mechanism.jsonl"
  mbytes=$(filesize "$BENCH_DIR/mechanism.jsonl")
  secs=$(time_cmd "$ZHPIPE" repair -j 1 "$BENCH_DIR/mechanism.jsonl")
  cell=$(printf " %-27s %6.0f" "$mechanism" "$(awk -v b="$mbytes" -v s="$secs" -v u="$startup" 'BEGIN { s -= u; if (s < 0.01) s = 0.01; print b / 1000 / s }')")
  if [ ${#line} -gt 80 ]; then echo "$line"; line="   "; fi
  line+="$cell"
done
echo "$line"
