# Peak memory (max RSS) of every stage at two input sizes: the first
# BENCH_SMALL_MB MB of each stage's input (one run each) and the whole corpus
# (the largest of the timed runs above). Goal: <= 150 MB, flat in the input.
echo
echo "peak memory (max RSS, MB)                 $(printf "%8s %8s %8s" "${BENCH_SMALL_MB} MB" "${BENCH_MB} MB" "growth")"
small_of() {  # small_of FILE -> the same share of FILE as the small corpus is of the corpus
  local file=$1 out="$BENCH_DIR/small-$(basename "$1")"
  stale "$out" "$file" && head_lines "$file" $(( $(filesize "$file") * SMALL_BYTES / CORPUS_BYTES )) "$out"
  echo "$out"
}
MEMORY_KEYS=()
memory_row() {  # memory_row KEY LABEL CMD... (CMD runs on the small input; stages count for the goal)
  local key=$1 label=$2; shift 2
  peak_once "${key}_small" "$@"
  [[ "$key" == run_* ]] || MEMORY_KEYS+=("$key")
  local small=$(( ${PEAK[${key}_small]:-0} / 1024 )) big=$(( ${PEAK[$key]:-0} / 1024 ))
  printf "  %-40s %8d %8d %+7d\n" "$label" "$small" "$big" $((big - small))
}
for j in 1 "$BENCH_JOBS"; do
  s=j1; [ "$j" = 1 ] || s=jn
  memory_row "repair_$s" "repair -j $j" "$ZHPIPE" repair -j "$j" "$CORPUS_SMALL"
  memory_row "segment_$s" "segment -j $j" "$ZHPIPE" segment -j "$j" "$(small_of "$REPAIRED")"
  memory_row "extract_$s" "extract -j $j" "$ZHPIPE" extract -j "$j" "$(small_of "$SEGMENTED")"
  memory_row "report_$s" "report -j $j" "$ZHPIPE" report -j "$j" "$(small_of "$EXTRACTED")"
done
memory_row run_jn "zhpipe run -j $BENCH_JOBS (all stages; not a stage)" "$ZHPIPE" run -j "$BENCH_JOBS" "$CORPUS_SMALL"
