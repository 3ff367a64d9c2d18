# The record layer alone: the repaired corpus through `zhpipe cat` (parse,
# validate, write), on one core and all cores, against cat(1) and jq.
# Goal (records issue): >= 150 MB/s on one core, peak memory flat.
echo
table_header "records (zhpipe cat over the repaired corpus)"
rbytes=$(filesize "$REPAIRED")
measure cat "cat(1) (reading the file)" "$rbytes" "$TEXT_BYTES" "reference" cat "$REPAIRED"
measure zcat_j1 "zhpipe cat -j 1" "$rbytes" "$TEXT_BYTES" "goal >= 150 MB/s input" "$ZHPIPE" cat -j 1 "$REPAIRED"
measure zcat_jn "zhpipe cat -j $BENCH_JOBS" "$rbytes" "$TEXT_BYTES" "" "$ZHPIPE" cat -j "$BENCH_JOBS" "$REPAIRED"
if command -v jq >/dev/null; then
  MEASURE_RUNS=1 measure jq "jq -c . (reference)" "$rbytes" "$TEXT_BYTES" "1 run" jq -c . "$REPAIRED"
fi
