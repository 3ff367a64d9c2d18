# Stage 2, segment: MB/s of text through `zhpipe segment` (records read and
# written, one core) against raw ICU word breaking in C on the same text
# (bench/icu_words.c, UTF-16 and UText), measured in this run; jieba's
# precise mode for comparison when the peers' .venv can be set up.
# Goal: zhpipe within 1.5x of ICU's time. MB/s are of the text itself (the
# records file is ~3x larger: the C program reads the bare text).
echo
echo "segment (1 core; MB/s of text, records read and written for zhpipe)"
mkdir -p bench/bin
if [ ! -x bench/bin/icu_words ] || [ bench/icu_words.c -nt bench/bin/icu_words ]; then
  cc -O2 -o bench/bin/icu_words bench/icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n)
fi
seg_records=$(records_file 20)
seg_text="$BENCH_DIR/segment-text.txt"
if [ ! -s "$seg_text" ] || [ "$seg_records" -nt "$seg_text" ]; then
  "$PYTHON" -c "
import json, sys
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for line in open(sys.argv[1], encoding='utf-8'):
        out.write(json.loads(line)['text'].replace('\n', ' ') + '\n')
" "$seg_records" "$seg_text"
fi
tbytes=$(filesize "$seg_text")
# best of three runs, to damp a busy machine's noise
best_of_3() { local best=""; for _ in 1 2 3; do local s; s=$(time_cmd "$@"); best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }'); done; echo "$best"; }
# cpu_best_of_3 CMD...: least CPU seconds (user + sys) of three runs; steadier than wall
# time when other work shares the cores. Empty without /usr/bin/time.
cpu_best_of_3() {
  [ -x /usr/bin/time ] || return 0
  local best=""; for _ in 1 2 3; do local s; s=$( { /usr/bin/time -f "%U %S" "$@" > /dev/null; } 2>&1 | tail -1 | awk '{ print $1 + $2 }'); best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }'); done; echo "$best"
}
# Lexicon load: the first run after a lexicon change builds the word table and caches it.
small="$BENCH_DIR/segment-one.jsonl"
echo '{"text":"测试"}' > "$small"
cold=$(ZHPIPE_CACHE_DIR="$BENCH_DIR/segment-cache-cold-$$" time_cmd "$ZHPIPE" segment "$small")
rm -rf "$BENCH_DIR/segment-cache-cold-$$"
"$ZHPIPE" segment "$small" > /dev/null
warm=$(best_of_3 "$ZHPIPE" segment "$small")
printf "  %-44s %8s s     (first run after a lexicon change: %s s)\n" "zhpipe segment start-up (one record)" "$warm" "$cold"
icu=$(best_of_3 bench/bin/icu_words "$seg_text")
row "reference: ICU word break in C (UTF-16)" "$tbytes" "$icu"
row "reference: ICU word break in C (UTF-8 UText)" "$tbytes" "$(best_of_3 bench/bin/icu_words --utext "$seg_text")"
zh=$(best_of_3 "$ZHPIPE" segment -j 1 "$seg_records")
icu_cpu=$(cpu_best_of_3 bench/bin/icu_words "$seg_text")
zh_cpu=$(cpu_best_of_3 "$ZHPIPE" segment -j 1 "$seg_records")
cpu_note=""
[ -n "$icu_cpu" ] && cpu_note=$(awk -v z="$zh_cpu" -v i="$icu_cpu" 'BEGIN { printf ", %.2fx by CPU time (%.2f s vs %.2f s)", z / i, z, i }')
row "zhpipe segment (1 core)" "$tbytes" "$zh" "$(awk -v z="$zh" -v i="$icu" 'BEGIN { printf "%.2fx ICU'"'"'s wall time", z / i }')$cpu_note (goal <= 1.5x)"
row "zhpipe segment -j 2" "$tbytes" "$(best_of_3 "$ZHPIPE" segment -j 2 "$seg_records")"
row "zhpipe segment --raw-icu (ICU's words only)" "$tbytes" "$(best_of_3 "$ZHPIPE" segment --raw-icu -j 1 "$seg_records")"
py=$(peers_python)
if [ -n "$py" ]; then
  # jieba is slow: a 1 MB slice of the same text.
  head -c 1000000 "$seg_text" | "$PYTHON" -c "import sys; d=sys.stdin.buffer.read(); sys.stdout.buffer.write(d[:d.rfind(b'\n')+1])" > "$BENCH_DIR/segment-text-1MB.txt"
  jbytes=$(filesize "$BENCH_DIR/segment-text-1MB.txt")
  "$py" -c "import jieba; jieba.setLogLevel(60); jieba.initialize()"
  secs=$(time_cmd "$py" -c "
import jieba, sys
jieba.setLogLevel(60); jieba.initialize()
for line in open(sys.argv[1], encoding='utf-8'): list(jieba.cut(line))
" "$BENCH_DIR/segment-text-1MB.txt")
  row "reference: jieba precise mode (python, 1 MB)" "$jbytes" "$secs"
else
  echo "  (jieba reference skipped: no Python peers in $VENV)"
fi
