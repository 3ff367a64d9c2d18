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
for variant in pipe-j1 pipe-jn run-j1 run-jn; do
  same_output "report: stage by stage = $variant" "$BENCH_DIR/report.j1.tsv" "$BENCH_DIR/report.$variant.tsv"
done
MEASURE_RUNS=$BENCH_DAMAGED_RUNS measure pipe_dmg "pipe -j $BENCH_JOBS each (damaged sample)" "$DAMAGED_BYTES" "$DAMAGED_TEXT_BYTES" "$BENCH_DAMAGED_RUNS run(s)" bash -o pipefail -c \
  "$Z repair -j $BENCH_JOBS $DAMAGED_SAMPLE | $Z segment -j $BENCH_JOBS | $Z extract -j $BENCH_JOBS | $Z report > /dev/null"
