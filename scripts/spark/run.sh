#!/usr/bin/env bash
# `make spark`: run the pipeline on Apache Spark (PySpark, local mode) over corpus/
# and check that the merged partial reports equal the single-process report.
#
# Sets up what it needs: Java (Debian's default-jre-headless, installed with
# apt-get when missing and we are root, else it says how) and a virtual
# environment .venv-spark with pyspark from PyPI (pinned in requirements.txt).
# Builds nothing: it uses the release binary `make build` makes.
#
# Environment:
#   ZHPIPE          the zhpipe binary (default .build/release/zhpipe)
#   SPARK_PARTITIONS  partitions (default 4)
#   SPARK_MASTER    Spark master (default local[SPARK_PARTITIONS])
#   SPARK_VENV      the virtual environment (default .venv-spark)
#   SPARK_OUT       where partials and reports go (default out/spark)
#   SPARK_CLUSTER_CHECK  1: also run scripts/spark/job.py with spark-submit on a
#                   pseudo-cluster (local-cluster[2,1,1024]: separate executor JVMs),
#                   shipping the binary with --files and the lexicons with
#                   --archives, as on a real cluster, and compare its merged report too
#   SPARK_OPTIONAL  1: when Java or pyspark cannot be set up (no network, not
#                   root), print SKIPPED and exit 0 instead of failing. A
#                   mismatch or a failed job always fails.
#   PYTHON          the Python that makes the venv (default python3)
set -euo pipefail
cd "$(dirname "$0")/../.."

ZHPIPE=${ZHPIPE:-.build/release/zhpipe}
PARTITIONS=${SPARK_PARTITIONS:-4}
VENV=${SPARK_VENV:-.venv-spark}
PYTHON=${PYTHON:-python3}
OUT=${SPARK_OUT:-out/spark}

# Setup problems: fail, or with SPARK_OPTIONAL=1 skip (exit 0) saying why.
unavailable() {
    if [ "${SPARK_OPTIONAL:-0}" = 1 ]; then
        echo "spark: SKIPPED: $*"
        exit 0
    fi
    echo "spark: $*" >&2
    exit 2
}

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[ -x "$ZHPIPE" ] || { echo "spark: $ZHPIPE not found: run 'make build' first" >&2; exit 2; }

# ---- Java (Spark 4 needs 17 or later) -------------------------------------------
java_major() {
    java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "spark: Java not found: installing default-jre-headless with apt-get"
        started=$(now)
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; } >/dev/null; then
            unavailable "Java could not be installed with apt-get (no network?)"
        fi
        echo "spark: Java installed in $(seconds_since "$started") s"
    else
        unavailable "Java not found: install it with 'sudo apt-get install default-jre-headless' (Debian/Ubuntu; Java 17 or later) and run make spark again"
    fi
fi
major=$(java_major)
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    unavailable "Java ${major:-?} found; Spark 4 needs Java 17 or later (Debian 12: 'apt-get install default-jre-headless')"
fi

# ---- pyspark in its own virtual environment ---------------------------------------
if ! "$VENV/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
    echo "spark: creating $VENV with pyspark from PyPI (a download of a few hundred MB; once)"
    started=$(now)
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV"; then
        unavailable "could not create a virtual environment with $PYTHON -m venv (Debian: apt-get install python3-venv)"
    fi
    if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/spark/requirements.txt; then
        rm -rf "$VENV"
        unavailable "could not install pyspark from PyPI into $VENV (no network?)"
    fi
    echo "spark: $VENV ready in $(seconds_since "$started") s"
fi

# ---- the job ---------------------------------------------------------------------------
corpus=()
for file in corpus/*.txt corpus/*.jsonl; do [ -e "$file" ] && corpus+=("$file"); done
[ ${#corpus[@]} -gt 0 ] || { echo "spark: no documents in corpus/" >&2; exit 2; }
mapfile -t corpus < <(printf '%s\n' "${corpus[@]}" | LC_ALL=C sort)

# Everything runs on this machine: keep Spark on the loopback interface.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}

started=$(now)
master_option=()
[ -n "${SPARK_MASTER:-}" ] && master_option=(--master "$SPARK_MASTER")
export PYSPARK_PYTHON="$PWD/$VENV/bin/python" PATH="$PWD/$VENV/bin:$PATH"
"$VENV/bin/python" scripts/spark/pipeline.py \
    --zhpipe "$ZHPIPE" --lexicons lexicons --partitions "$PARTITIONS" --out "$OUT" \
    "${master_option[@]}" "${corpus[@]}"

if [ "${SPARK_CLUSTER_CHECK:-0}" = 1 ]; then
    cluster_master='local-cluster[2,1,1024]'
    echo "spark: spark-submit --master $cluster_master --files zhpipe,partition.sh --archives lexicons.tar.gz#lexicons job.py"
    cluster_started=$(now)
    out_url="file://$(cd "$OUT" && pwd)"
    rm -rf "$OUT/cluster-counts"
    "$VENV/bin/spark-submit" --master "$cluster_master" --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
        --files "$ZHPIPE,scripts/spark/partition.sh" --archives "$OUT/lexicons.tar.gz#lexicons" \
        scripts/spark/job.py "$out_url/documents.jsonl" "$out_url/cluster-counts" "$PARTITIONS" \
        2> "$OUT/cluster.log" || { tail -30 "$OUT/cluster.log" >&2; echo "spark: the spark-submit job failed (log: $OUT/cluster.log)" >&2; exit 1; }
    for format in md tsv json html; do
        cat "$OUT"/cluster-counts/part-* | "$ZHPIPE" merge --format "$format" -o "$OUT/cluster.$format"
        cmp "$OUT/cluster.$format" "$OUT/single.$format" || { echo "spark: MISMATCH: $OUT/cluster.$format differs from $OUT/single.$format" >&2; exit 1; }
    done
    echo "spark: spark-submit job on $cluster_master in $(seconds_since "$cluster_started") s: merged reports identical"
fi
echo "spark: identical; whole run $(seconds_since "$started") s"
