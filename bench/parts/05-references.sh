# The references, measured first so every later row can print its time
# against them: raw ICU word breaking in C (bench/icu_words.c: the ceiling for
# segmentation, and the unit of the "time/ICU" column) over the corpus text;
# ICU's Traditional->Simplified transliterator (uconv); and, when a Python
# virtual environment can be made, the tools users would otherwise pick:
# jieba's precise mode (lcut) and posseg, OpenCC t2s, cn2an and ftfy. The
# peers are slow: each runs on a sample (the first BENCH_PEER_MB MB of the
# same text, less for the slowest) and is timed by its own clock after
# import and set-up, so its MB/s is per core and start-up is not counted; a
# peer whose first run passes its time budget is measured on what it got
# through (the input column shows the sample's size).
: "${BENCH_PEER_MB:=2}"
echo
table_header "references (1 core)"
mkdir -p bench/bin
if [ ! -x bench/bin/icu_words ] || [ bench/icu_words.c -nt bench/bin/icu_words ]; then
  cc -O2 -o bench/bin/icu_words bench/icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n)
fi
measure icu "ICU word break in C (UTF-16)" "$TEXT_BYTES" "$TEXT_BYTES" "raw ICU: the unit of time/ICU" bench/bin/icu_words "$CORPUS_TEXT"
measure icu_utext "ICU word break in C (UTF-8 UText)" "$TEXT_BYTES" "$TEXT_BYTES" "" bench/bin/icu_words --utext "$CORPUS_TEXT"
if command -v uconv >/dev/null; then
  head_lines "$CORPUS_TEXT" $((BENCH_SMALL_MB * 1000000)) "$BENCH_DIR/text-small.txt"
  sbytes=$(filesize "$BENCH_DIR/text-small.txt")
  MEASURE_RUNS=1 measure uconv "uconv -x Traditional-Simplified" "$sbytes" "$sbytes" "ICU transliterator alone, 1 run" uconv -f utf-8 -t utf-8 -x Traditional-Simplified "$BENCH_DIR/text-small.txt"
fi

# peer KEY LABEL TOOL MB [PYTHONPATH]: one peer on the first MB megabytes of the
# text, cut short where its first run passes PEER_BUDGET seconds (default 10)
peer() {
  local key=$1 label=$2 tool=$3 mb=$4 path=${5:-} result
  result=$(PYTHONPATH="$path" timeout 600 "$PEER_PY" -W ignore bench/peers/speed.py "$tool" "$CORPUS_TEXT" "$mb" "$BENCH_RUNS" "${PEER_BUDGET:-10}" 2>/dev/null) || {
    echo "  $label: failed"; return 0; }
  read -r pbytes psecs <<< "$result"
  record "$key" "$label" "$pbytes" "$pbytes" "$psecs" "sample, its own clock, median of $BENCH_RUNS"
}
PEER_PY=$(peers_python)
if [ -n "$PEER_PY" ]; then
  peer jieba "jieba.lcut (precise mode)" jieba "$BENCH_PEER_MB"
  PEER_BUDGET=4 peer posseg "jieba.posseg.lcut" posseg 0.3
  OPENCC_CPP=$(opencc_path)
  if [ -n "$OPENCC_CPP" ]; then
    peer opencc "OpenCC t2s (C++ opencc, python)" opencc "$BENCH_PEER_MB" "$OPENCC_CPP"
  else
    peer opencc "OpenCC t2s (opencc-python-reimplemented)" opencc 0.5
  fi
  peer cn2an "cn2an.transform cn2an" cn2an 0.3
  peer ftfy "ftfy.fix_text" ftfy 0.5
else
  echo "  (Python peers skipped: no virtual environment with jieba in $VENV)"
fi
