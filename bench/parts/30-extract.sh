# Stage 3, extract: the segmented corpus on one core and all cores (the -j N
# output is report's input), byte-identity of the two, and the start-up
# (lexicon load). References (jieba.posseg, cn2an) are in the references table.
echo
table_header "extract (segmented corpus)"
EXTRACTED="$BENCH_DIR/stage-extracted.jsonl"
sbytes=$(filesize "$SEGMENTED")
measure extract_j1 "zhpipe extract -j 1" "$sbytes" "$TEXT_BYTES" "" \
  "$ZHPIPE" extract -j 1 "$SEGMENTED" -o "$BENCH_DIR/stage-extracted.j1.jsonl"
measure extract_jn "zhpipe extract -j $BENCH_JOBS" "$sbytes" "$TEXT_BYTES" "" \
  "$ZHPIPE" extract -j "$BENCH_JOBS" "$SEGMENTED" -o "$EXTRACTED"
same_output "extract -j 1 = -j $BENCH_JOBS" "$BENCH_DIR/stage-extracted.j1.jsonl" "$EXTRACTED"
rm -f "$BENCH_DIR/stage-extracted.j1.jsonl"
warm=$(time_cmd "$ZHPIPE" extract "$one")
printf "  %-40s %8.2f s\n" "zhpipe extract start-up (one record)" "$warm"
