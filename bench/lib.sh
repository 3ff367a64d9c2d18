# Shared helpers for bench/parts/*.sh (sourced by bench/run.sh).
: "${ZHPIPE:=.build/release/zhpipe}"
: "${PYTHON:=python3}"
: "${VENV:=.venv}"
BENCH_DIR=out/bench
mkdir -p "$BENCH_DIR"

# seconds since the epoch, with nanoseconds
now() { date +%s.%N; }

# mbps BYTES SECONDS -> "123.4"
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 1e-9; printf "%.1f", b / 1e6 / s }'; }

# filesize FILE -> bytes
filesize() { stat -c %s "$1"; }

# row NAME BYTES SECONDS [NOTE]: one aligned result line
row() { printf "  %-44s %8s MB/s  %s\n" "$1" "$(mbps "$2" "$3")" "${4:-}"; }

# time_cmd CMD... : runs CMD, prints elapsed seconds on stdout (CMD's stdout discarded)
time_cmd() { local t0 t1; t0=$(now); "$@" > /dev/null; t1=$(now); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'; }

# records_file TARGET_MB: repaired records of corpus/, repeated to about TARGET_MB megabytes
records_file() {
  local mb=$1 file="$BENCH_DIR/records-${1}MB.jsonl"
  if [ ! -s "$file" ]; then
    "$ZHPIPE" repair corpus/*.txt > "$BENCH_DIR/seed-records.jsonl"
    local size; size=$(filesize "$BENCH_DIR/seed-records.jsonl")
    local copies=$(( (mb * 1000000 + size - 1) / size ))
    for ((i = 0; i < copies; i++)); do sed "s/\"doc\":\"/\"doc\":\"copy$i-/" "$BENCH_DIR/seed-records.jsonl"; done > "$file"
  fi
  echo "$file"
}

# peers_python: a Python with the peers (jieba, OpenCC, cn2an, ftfy) installed, or nothing
peers_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" >/dev/null 2>&1 || return 0
  fi
  if ! "$VENV/bin/python" -c "import jieba, opencc, cn2an, ftfy" >/dev/null 2>&1; then
    timeout 300 "$VENV/bin/pip" install --quiet jieba opencc-python-reimplemented cn2an ftfy >/dev/null 2>&1 || true
  fi
  "$VENV/bin/python" -c "import jieba" >/dev/null 2>&1 && echo "$VENV/bin/python"
  return 0
}
