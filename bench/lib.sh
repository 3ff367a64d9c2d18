# Shared helpers for bench/run.sh and bench/parts/*.sh (also sourced by
# bench/eval/*.sh for peers_python).
#
# Every measurement goes through `measure`: BENCH_RUNS runs of a command,
# the median wall time and CPU time (user + sys), the largest peak memory
# (max RSS) of any run, and one table row. Results are kept by key in
# SECS/CPU/PEAK/TEXT so later parts can print ratios and goal verdicts.
: "${ZHPIPE:=.build/release/zhpipe}"
: "${PYTHON:=python3}"
: "${VENV:=.venv}"
: "${EVAL:=../shared/eval}"
: "${BENCH_RUNS:=3}"
: "${BENCH_MB:=50}"
: "${BENCH_SMALL_MB:=10}"
: "${BENCH_JOBS:=$(nproc)}"
BENCH_DIR=out/bench
mkdir -p "$BENCH_DIR"

declare -A SECS=() CPU=() PEAK=() TEXT=() BYTES=()
BENCH_FAILURES=()

# seconds since the epoch, with nanoseconds
now() { date +%s.%N; }

# mbps BYTES SECONDS -> "123.4"
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 1e-9; printf "%.1f", b / 1e6 / s }'; }

# mbps_cell BYTES SECONDS: MB/s for the table (">9999" when too fast to time)
mbps_cell() { awk -v b="$1" -v s="$2" 'BEGIN { if (s < 0.01 || b / 1e6 / s > 9999) print ">9999"; else printf "%.1f", b / 1e6 / s }'; }

# filesize FILE -> bytes
filesize() { stat -c %s "$1"; }

# megabytes BYTES -> "52.4"
megabytes() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# row NAME BYTES SECONDS [NOTE]: one aligned result line (the old, single-number form)
row() { printf "  %-44s %8s MB/s  %s\n" "$1" "$(mbps "$2" "$3")" "${4:-}"; }

# time_cmd CMD... : runs CMD, prints elapsed seconds on stdout (CMD's stdout discarded)
time_cmd() { local t0 t1; t0=$(now); "$@" > /dev/null; t1=$(now); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'; }

# ---- timing and peak memory ----------------------------------------------------

# GNU time gives wall, user, sys and max RSS in one go; install it when we
# can (root with apt-get), else measure through Python's getrusage.
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } >/dev/null 2>&1) || true
fi
if [ -x /usr/bin/time ]; then
  BENCH_TIMER="GNU time"
else
  BENCH_TIMER="python resource.getrusage(RUSAGE_CHILDREN)"
fi

# timed_once OUTFILE CMD...: runs CMD (stdout discarded) and writes "wall user sys maxrss_kb" to OUTFILE.
timed_once() {
  local out=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" > /dev/null
  else
    "$PYTHON" - "$out" "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.time()
rc = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL)
wall = time.time() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{wall:.2f} {r.ru_utime:.2f} {r.ru_stime:.2f} {r.ru_maxrss}\n")
sys.exit(rc)
PY
  fi
}

# median of numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ratio A B -> A / B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "-"; else printf "%.2f", a / b }'; }

# The table: what ran, its input, median wall seconds over the runs, MB/s of
# its input and of the corpus text it stands for, median CPU seconds (all
# threads and processes), largest peak memory, and time per MB of text
# against raw ICU word breaking on the same text.
table_header() {
  echo "$1"
  printf "  %-40s %8s %8s %8s %8s %7s %7s %8s  %s\n" "" "input" "median" "MB/s" "text" "cpu" "peak" "time" ""
  printf "  %-40s %8s %8s %8s %8s %7s %7s %8s  %s\n" "what" "MB" "s" "input" "MB/s" "s" "MB" "/ICU" "notes"
}

# print_row KEY LABEL [NOTE]: the table row of a measured key
print_row() {
  local key=$1 label=$2 note=${3:-} per_icu="-"
  if [ -n "${SECS[icu]:-}" ] && [ "${TEXT[$key]:-0}" -gt 0 ]; then
    per_icu=$(awk -v s="${SECS[$key]}" -v t="${TEXT[$key]}" -v is="${SECS[icu]}" -v it="${TEXT[icu]}" 'BEGIN { printf "%.2f", (s / t) / (is / it) }')
  fi
  local peak="-" cpu="-"
  [ -n "${PEAK[$key]:-}" ] && peak=$(awk -v k="${PEAK[$key]}" 'BEGIN { printf "%.0f", k / 1024 }')
  [ -n "${CPU[$key]:-}" ] && cpu=$(awk -v c="${CPU[$key]}" 'BEGIN { printf "%.2f", c }')
  printf "  %-40s %8s %8.2f %8s %8s %7s %7s %8s  %s\n" "$label" "$(megabytes "${BYTES[$key]}")" "${SECS[$key]}" \
    "$(mbps_cell "${BYTES[$key]}" "${SECS[$key]}")" "$(mbps_cell "${TEXT[$key]:-0}" "${SECS[$key]}")" "$cpu" "$peak" "$per_icu" "$note"
}

# measure KEY LABEL INPUT_BYTES TEXT_BYTES NOTE CMD...: BENCH_RUNS runs of CMD
# (stdout discarded: commands write their output with -o where it is kept),
# then one row. A failing command fails the bench.
measure() {
  local key=$1 label=$2 bytes=$3 text=$4 note=$5; shift 5
  local runs=${MEASURE_RUNS:-$BENCH_RUNS} tf="$BENCH_DIR/.timing" walls="" cpus="" peak=0
  for ((r = 0; r < runs; r++)); do
    if ! timed_once "$tf" "$@"; then
      echo "  $label: FAILED ($*)" >&2
      BENCH_FAILURES+=("$label failed")
      return 0
    fi
    read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$tf" | tail -1)
    walls+="$wall"$'\n'
    cpus+="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"$'\n'
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  SECS[$key]=$(printf "%s" "$walls" | median)
  CPU[$key]=$(printf "%s" "$cpus" | median)
  PEAK[$key]=$peak
  BYTES[$key]=$bytes
  TEXT[$key]=$text
  print_row "$key" "$label" "$note"
}

# paired KEY LABEL REFERENCE_CMD... -- CMD...: BENCH_RUNS pairs, each the
# reference (raw ICU) then CMD back to back, so both see the same machine; a
# shared machine's load moves between rows measured minutes apart (raw
# ICU's own time moved 2.7 -> 3.4 s between runs here), within a pair it
# hardly does. Keeps the median of the pairs' wall and CPU ratios in
# PAIR_WALL[KEY], PAIR_CPU[KEY] and prints them with their range.
declare -A PAIR_WALL=() PAIR_CPU=()
paired() {
  local key=$1 label=$2; shift 2
  local reference=() command=() tf="$BENCH_DIR/.timing" walls="" cpus="" r
  while [ "$1" != "--" ]; do reference+=("$1"); shift; done
  shift
  command=("$@")
  for ((r = 0; r < BENCH_RUNS; r++)); do
    timed_once "$tf" "${reference[@]}" || { BENCH_FAILURES+=("$label: reference failed"); return 0; }
    read -r rw ru rs _ < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$tf" | tail -1)
    timed_once "$tf" "${command[@]}" || { BENCH_FAILURES+=("$label failed"); return 0; }
    read -r cw cu cs _ < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$tf" | tail -1)
    walls+="$(ratio "$cw" "$rw")"$'\n'
    cpus+="$(awk -v a="$cu" -v b="$cs" -v c="$ru" -v d="$rs" 'BEGIN { if (c + d <= 0) print "-"; else printf "%.2f", (a + b) / (c + d) }')"$'\n'
  done
  PAIR_WALL[$key]=$(printf "%s" "$walls" | median)
  PAIR_CPU[$key]=$(printf "%s" "$cpus" | median)
  printf "  %-40s %6s x ICU (wall, median of %s pairs; %s to %s)   %6s x ICU (cpu)\n" "$label" "${PAIR_WALL[$key]}" "$BENCH_RUNS" \
    "$(printf "%s" "$walls" | sort -g | head -1)" "$(printf "%s" "$walls" | sort -g | tail -1)" "${PAIR_CPU[$key]}"
}

# record KEY LABEL INPUT_BYTES TEXT_BYTES SECONDS NOTE: a row measured elsewhere (a peer's own timer)
record() {
  SECS[$1]=$5; BYTES[$1]=$3; TEXT[$1]=$4; CPU[$1]=""; PEAK[$1]=""
  print_row "$1" "$2" "$6"
}

# peak_once KEY CMD...: one run, for peak memory only (kept in PEAK[KEY])
peak_once() {
  local key=$1; shift
  timed_once "$BENCH_DIR/.timing" "$@" || { BENCH_FAILURES+=("$key failed"); return 0; }
  PEAK[$key]=$(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$BENCH_DIR/.timing" | tail -1 | awk '{ print $4 }')
}

# same_output LABEL FILE_A FILE_B: byte-identical outputs, or the bench fails
same_output() {
  if cmp -s "$2" "$3"; then
    printf "  %-40s identical (%s MB)\n" "$1" "$(megabytes "$(filesize "$2")")"
  else
    printf "  %-40s DIFFERENT: %s\n" "$1" "$(cmp "$2" "$3" 2>&1 | head -1)"
    BENCH_FAILURES+=("$1: outputs differ")
  fi
}

# load: the load average over the last minute (other work on the machine skews all-core numbers)
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?"; }

# verdict OK NAME MEASURED: one goal line
verdict() {
  local mark=MISS
  [ "$1" = 1 ] && mark=PASS
  printf "  %-4s  %-50s %s\n" "$mark" "$2" "$3"
}

# head_lines FILE BYTES OUT: the first whole lines of FILE, at most BYTES long (at least one line)
head_lines() {
  "$PYTHON" - "$1" "$2" "$3" <<'PY'
import sys
limit, size = int(sys.argv[2]), 0
with open(sys.argv[1], "rb") as f, open(sys.argv[3], "wb") as out:
    for line in f:
        if size and size + len(line) > limit:
            break
        out.write(line)
        size += len(line)
PY
}

# stale FILE DEPENDENCY...: true when FILE is missing, empty or older than a dependency
stale() {
  local file=$1; shift
  [ -s "$file" ] || return 0
  local dep; for dep in "$@"; do [ "$dep" -nt "$file" ] && return 0; done
  return 1
}

# ---- the Python peers ------------------------------------------------------------

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

# opencc_path: a folder holding OpenCC's own Python binding (C++; PyPI "opencc"),
# installed beside the venv so it does not replace the pure-Python
# opencc-python-reimplemented that `make eval` uses; empty when it cannot be had.
opencc_path() {
  local dir="$VENV/opencc-cpp" py="$VENV/bin/python"
  [ -x "$py" ] || return 0
  if ! PYTHONPATH="$dir" "$py" -c "import opencc, sys; sys.exit(0 if hasattr(opencc, '__version__') else 1)" >/dev/null 2>&1; then
    timeout 300 "$VENV/bin/pip" install --quiet --target "$dir" opencc >/dev/null 2>&1 || return 0
  fi
  PYTHONPATH="$dir" "$py" -c "import opencc, sys; sys.exit(0 if hasattr(opencc, '__version__') else 1)" >/dev/null 2>&1 && echo "$dir"
  return 0
}

# ---- kept for older parts ----------------------------------------------------------

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
