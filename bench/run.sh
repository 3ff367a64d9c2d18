#!/usr/bin/env bash
# make bench: throughput of each stage in MB/s, with references measured in the
# same run (raw ICU through a small C program; the Python peers when they can
# be installed into .venv). Each bench/parts/*.sh adds one stage's lines.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
echo "zhpipe bench — $(nproc) cores, $("$ZHPIPE" --version)"
for part in bench/parts/*.sh; do
  source "$part"
done
