# The ratios the goals are stated in (they hold on a noisy machine better
# than MB/s), one verdict per goal, and the end: the bench fails (exit 1)
# (bench/run.sh) when a command failed or -j 1 and -j N outputs differ; a
# missed speed goal is reported, not fatal.
echo
echo "ratios (time on the same text; time/ICU < 1 is faster than raw ICU word breaking)"
for key in repair_j1 segment_j1 extract_j1 report_j1 pipe_j1 pipe_jn run_j1 run_jn; do
  [ -n "${SECS[$key]:-}" ] || continue
  printf "  %-40s %6s x ICU (wall)   %6s x ICU (cpu)\n" "$key" "$(ratio "${SECS[$key]}" "${SECS[icu]}")" "$(ratio "${CPU[$key]}" "${CPU[icu]}")"
done
best_pipe=""
for key in pipe_j1 pipe_jn run_j1 run_jn; do
  [ -n "${SECS[$key]:-}" ] || continue
  if [ -z "$best_pipe" ] || awk -v a="${SECS[$key]}" -v b="${SECS[$best_pipe]}" 'BEGIN { exit !(a < b) }'; then best_pipe=$key; fi
done
per_mb() { awk -v s="${SECS[$1]}" -v t="${TEXT[$1]}" 'BEGIN { printf "%.6f", s / (t / 1e6) }'; }
if [ -n "${SECS[jieba]:-}" ] && [ -n "$best_pipe" ]; then
  printf "  %-40s %6s x (jieba s/MB %.3f, pipe s/MB %.3f)\n" "jieba.lcut / whole pipe ($best_pipe)" \
    "$(ratio "$(per_mb jieba)" "$(per_mb "$best_pipe")")" "$(per_mb jieba)" "$(per_mb "$best_pipe")"
fi

echo
echo "goals"
if [ -n "$best_pipe" ]; then
  r=$(ratio "${SECS[$best_pipe]}" "${SECS[icu]}")
  rows="$best_pipe ${SECS[$best_pipe]} s vs ICU ${SECS[icu]} s; pipe -j $BENCH_JOBS $(ratio "${SECS[pipe_jn]:-0}" "${SECS[icu]}")x, run -j $BENCH_JOBS $(ratio "${SECS[run_jn]:-0}" "${SECS[icu]}")x"
  if [ -n "${PAIR_WALL[run_pair]:-}" ]; then
    verdict "$(awk -v r="${PAIR_WALL[run_pair]}" 'BEGIN { print (r <= 2) ? 1 : 0 }')" "whole pipe <= 2x raw ICU word breaking" \
      "${PAIR_WALL[run_pair]}x by wall time, run -j $BENCH_JOBS paired with ICU (${PAIR_CPU[run_pair]}x CPU); rows minutes apart: ${r}x ($rows)"
  else
    verdict "$(awk -v r="$r" 'BEGIN { print (r <= 2) ? 1 : 0 }')" "whole pipe <= 2x raw ICU word breaking" "${r}x ($rows)"
  fi
fi
if [ -n "${SECS[jieba]:-}" ] && [ -n "$best_pipe" ]; then
  r=$(ratio "$(per_mb jieba)" "$(per_mb "$best_pipe")")
  rows="jieba $(mbps "${TEXT[jieba]}" "${SECS[jieba]}") MB/s on a sample, pipe $(mbps "$TEXT_BYTES" "${SECS[$best_pipe]}") MB/s of text"
  if [ -n "${PAIR_WALL[jieba_pair]:-}" ]; then
    verdict "$(awk -v r="${PAIR_WALL[jieba_pair]}" 'BEGIN { print (r >= 10) ? 1 : 0 }')" "whole pipe >= 10x faster than jieba.lcut" \
      "${PAIR_WALL[jieba_pair]}x paired on jieba's sample (run -j $BENCH_JOBS); rows minutes apart: ${r}x ($rows)"
  else
    verdict "$(awk -v r="$r" 'BEGIN { print (r >= 10) ? 1 : 0 }')" "whole pipe >= 10x faster than jieba.lcut" "${r}x ($rows)"
  fi
else
  echo "  -     whole pipe >= 10x faster than jieba.lcut           not measured (no Python peers)"
fi
r=$(ratio "${SECS[segment_j1]}" "${SECS[icu]}")
if [ -n "${PAIR_WALL[segment_pair]:-}" ]; then
  verdict "$(awk -v r="${PAIR_WALL[segment_pair]}" 'BEGIN { print (r <= 1.5) ? 1 : 0 }')" "segment -j 1 <= 1.5x raw ICU" \
    "${PAIR_WALL[segment_pair]}x by wall time in paired runs (${PAIR_CPU[segment_pair]}x CPU); rows minutes apart: ${r}x"
else
  verdict "$(awk -v r="$r" 'BEGIN { print (r <= 1.5) ? 1 : 0 }')" "segment -j 1 <= 1.5x raw ICU" \
    "${r}x by wall time, $(ratio "${CPU[segment_j1]}" "${CPU[icu]}")x by CPU time"
fi
worst=0 worst_key=""
for key in "${MEMORY_KEYS[@]}"; do
  for k in "$key" "${key}_small"; do
    [ "${PEAK[$k]:-0}" -gt "$worst" ] && { worst=${PEAK[$k]}; worst_key=$k; }
  done
done
verdict "$(( worst <= 150 * 1024 ? 1 : 0 ))" "every stage's peak memory <= 150 MB" \
  "largest $((worst / 1024)) MB ($worst_key), at ${BENCH_SMALL_MB} and ${BENCH_MB} MB of input; zhpipe run: $(( ${PEAK[run_jn]:-0} / 1024 )) MB"
rate=$(mbps "$CORPUS_BYTES" "${SECS[repair_norm]}")
verdict "$(awk -v r="$rate" 'BEGIN { print (r >= 20) ? 1 : 0 }')" "repair >= 20 MB/s per core on clean text (issue 3)" \
  "$rate MB/s (repair --normalized -j 1)"
identical=1
for f in "${BENCH_FAILURES[@]}"; do [[ "$f" == *"outputs differ"* ]] && identical=0; done
verdict "$identical" "-j 1 and -j $BENCH_JOBS outputs byte-identical" "repair (clean, damaged), segment, extract, report, pipe, run"

if [ ${#BENCH_FAILURES[@]} -gt 0 ]; then
  echo
  echo "bench FAILED:"
  printf "  %s\n" "${BENCH_FAILURES[@]}"
fi
