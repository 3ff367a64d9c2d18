# The corpus every part measures on: >= BENCH_MB MB (default 50) of real
# Chinese text as JSON-lines documents, built reproducibly into out/bench.
# With the gold data folder ($EVAL): its clean texts (SIGHAN PKU test text,
# UD GSD sentences, the chardet pages decoded), cycled; without it: the seed
# reports after repair, cycled. Variants: the first BENCH_SMALL_MB MB (for
# peak memory at two sizes), the damaged corpus (`zhpipe damage --seed 1`,
# every document, one mechanism each from all of them), and the text alone,
# one paragraph a line (what raw ICU and the Python peers read).
echo
if [ -d "$EVAL/sighan2005" ]; then
  CORPUS_SOURCE=eval
  CORPUS_WHAT="the clean texts of $EVAL (SIGHAN PKU test text, UD GSD sentences, chardet pages decoded), cycled"
else
  CORPUS_SOURCE=seed
  CORPUS_WHAT="the seed reports (corpus/) after zhpipe repair, cycled ($EVAL not found)"
fi
CORPUS="$BENCH_DIR/corpus-$CORPUS_SOURCE-${BENCH_MB}MB.jsonl"
CORPUS_SMALL="$BENCH_DIR/corpus-$CORPUS_SOURCE-${BENCH_SMALL_MB}MB.jsonl"
CORPUS_DAMAGED="$BENCH_DIR/corpus-$CORPUS_SOURCE-${BENCH_MB}MB.damaged.jsonl"
CORPUS_TEXT="$BENCH_DIR/corpus-$CORPUS_SOURCE-${BENCH_MB}MB.txt"
if [ "$CORPUS_SOURCE" = eval ]; then
  if stale "$CORPUS" bench/corpus.py || [ ! -s "$CORPUS.note" ]; then
    "$PYTHON" bench/corpus.py eval "$EVAL" "$CORPUS" "$BENCH_MB" > "$CORPUS.note"
  fi
else
  if stale "$CORPUS" bench/corpus.py "$ZHPIPE" || [ ! -s "$CORPUS.note" ]; then
    "$ZHPIPE" repair corpus/*.txt -o "$BENCH_DIR/seed-repaired.jsonl"
    "$PYTHON" bench/corpus.py seed "$BENCH_DIR/seed-repaired.jsonl" "$CORPUS" "$BENCH_MB" > "$CORPUS.note"
  fi
fi
stale "$CORPUS_SMALL" "$CORPUS" && head_lines "$CORPUS" $((BENCH_SMALL_MB * 1000000)) "$CORPUS_SMALL"
stale "$CORPUS_TEXT" "$CORPUS" && "$PYTHON" bench/corpus.py text "$CORPUS" "$CORPUS_TEXT"
stale "$CORPUS_DAMAGED" "$CORPUS" "$ZHPIPE" && "$ZHPIPE" damage --seed 1 -j "$BENCH_JOBS" "$CORPUS" -o "$CORPUS_DAMAGED"
CORPUS_BYTES=$(filesize "$CORPUS")
TEXT_BYTES=$(filesize "$CORPUS_TEXT")
SMALL_BYTES=$(filesize "$CORPUS_SMALL")
echo "corpus: $(megabytes "$CORPUS_BYTES") MB of JSON-lines documents ($(cat "$CORPUS.note" 2>/dev/null || echo "?")),"
echo "  $CORPUS_WHAT;"
echo "  $(megabytes "$TEXT_BYTES") MB of text ($(wc -l < "$CORPUS_TEXT") paragraphs); small variant $(megabytes "$SMALL_BYTES") MB;"
echo "  damaged variant $(megabytes "$(filesize "$CORPUS_DAMAGED")") MB: zhpipe damage --seed 1 (every document, one of $("$ZHPIPE" damage --list | wc -l) mechanisms each)"
echo "  release binary $ZHPIPE; runs per row: $BENCH_RUNS unless noted (median; peak = largest); all cores = -j $BENCH_JOBS; timer: $BENCH_TIMER"
