# Stage 2, segment: the repaired corpus on one core and all cores (the -j N
# output is extract's input), byte-identity of the two, ICU's words alone
# (--raw-icu: JSON in and out around ICU, no lexicon), and the start-up
# (lexicon load; the first run after a lexicon change also builds a cache).
# Goal: segment -j 1 within 1.5x of raw ICU word breaking (bench/icu_words.c)
# on the same text: the time/ICU column, and the paired row (ICU and segment
# run back to back, BENCH_RUNS times), which the verdict uses.
echo
table_header "segment (repaired corpus)"
SEGMENTED="$BENCH_DIR/stage-segmented.jsonl"
rbytes=$(filesize "$REPAIRED")
measure segment_j1 "zhpipe segment -j 1" "$rbytes" "$TEXT_BYTES" "goal time/ICU <= 1.5" \
  "$ZHPIPE" segment -j 1 "$REPAIRED" -o "$BENCH_DIR/stage-segmented.j1.jsonl"
measure segment_jn "zhpipe segment -j $BENCH_JOBS" "$rbytes" "$TEXT_BYTES" "" \
  "$ZHPIPE" segment -j "$BENCH_JOBS" "$REPAIRED" -o "$SEGMENTED"
paired segment_pair "segment -j 1 / raw ICU, paired" bench/bin/icu_words "$CORPUS_TEXT" -- \
  "$ZHPIPE" segment -j 1 "$REPAIRED" -o /dev/null
MEASURE_RUNS=1 measure segment_raw "zhpipe segment --raw-icu -j 1" "$rbytes" "$TEXT_BYTES" "ICU's words only, 1 run" \
  "$ZHPIPE" segment --raw-icu -j 1 "$REPAIRED"
same_output "segment -j 1 = -j $BENCH_JOBS" "$BENCH_DIR/stage-segmented.j1.jsonl" "$SEGMENTED"
rm -f "$BENCH_DIR/stage-segmented.j1.jsonl"
one="$BENCH_DIR/one-record.jsonl"
echo '{"doc":"d","para":0,"text":"测试"}' > "$one"
cold=$(ZHPIPE_CACHE_DIR="$BENCH_DIR/segment-cache-cold-$$" time_cmd "$ZHPIPE" segment "$one")
rm -rf "$BENCH_DIR/segment-cache-cold-$$"
"$ZHPIPE" segment "$one" > /dev/null
warm=$(time_cmd "$ZHPIPE" segment "$one")
printf "  %-40s %8.2f s (first run after a lexicon change: %.2f s)\n" "zhpipe segment start-up (one record)" "$warm" "$cold"
