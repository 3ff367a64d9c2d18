#!/usr/bin/env bash
# One partition of documents through the four stages: JSON lines {"doc", "text"}
# on stdin, the partition's partial counts (`zhpipe report --partial`) on stdout.
#
# Spark runs it once per partition through RDD.pipe (scripts/spark/pipeline.py);
# Hadoop Streaming can run it as the mapper. The binary is $ZHPIPE_BIN (default
# ./zhpipe, where --files puts it on an executor) and the lexicons
# $ZHPIPE_LEXICONS. Any failing stage makes the whole command fail (pipefail),
# so Spark's checkCode fails the job.
#
# zhpipe refuses empty input (exit 65, "is empty"), while a Spark partition can
# be empty: an empty partition has nothing to count and writes nothing.
set -euo pipefail
export LC_ALL=C # `read -n 1` below reads one byte, not one character

zhpipe=${ZHPIPE_BIN:-./zhpipe}

# Peek at the first byte. With NUL as delimiter, a NUL byte ends `read`
# successfully with an empty value; end of input fails it with an empty value.
if ! IFS= read -r -n 1 -d '' first; then
    [ -z "$first" ] && exit 0
fi

{
    if [ -z "$first" ]; then printf '\0'; else printf '%s' "$first"; fi
    exec cat
} | "$zhpipe" repair --format jsonl \
  | "$zhpipe" segment \
  | "$zhpipe" extract \
  | "$zhpipe" report --partial
