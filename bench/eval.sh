#!/usr/bin/env bash
# make eval: score each stage on the gold data in $EVAL (../shared/eval).
# Each bench/eval/*.sh adds one stage's table.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ZHPIPE:=.build/release/zhpipe}"
: "${EVAL:=../shared/eval}"
for part in bench/eval/*.sh; do
  source "$part"
done
