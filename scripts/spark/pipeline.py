"""zhpipe on Apache Spark: the stages per partition through RDD.pipe, the merge at the end.

Reads the corpus documents, ships them to Spark as JSON lines {"doc", "text"}
split into partitions, pipes each partition through scripts/spark/partition.sh
(zhpipe repair | segment | extract | report --partial) with checkCode=True,
collects the partial counts, merges them with `zhpipe merge`, and compares the
merged reports byte for byte with the single-process report (`zhpipe run`).
Then a negative check: a partition holding a bad line must fail the job.

The binary, partition.sh and the lexicons (as a tar.gz archive) are shipped
with SparkContext.addFile/addArchive, as spark-submit's --files/--archives do
on a cluster. Exit status: 0 when identical, 1 on a mismatch or a failed check,
2 on a usage or setup error.

Usage (scripts/spark/run.sh sets it up; `make spark` runs that):
  python pipeline.py --zhpipe .build/release/zhpipe --lexicons lexicons \
      --partitions 4 --out out/spark corpus/*.txt
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import time

from job import partial_counts

FORMATS = ("md", "tsv", "json", "html")
HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="corpus files: .txt (one document each, UTF-8) or .jsonl ({doc, text} per line)")
    parser.add_argument("--zhpipe", required=True, help="the zhpipe binary (release build)")
    parser.add_argument("--lexicons", required=True, help="the lexicons/ folder")
    parser.add_argument("--partitions", type=int, default=4, help="Spark partitions (default 4)")
    parser.add_argument("--master", default=None, help="Spark master (default local[PARTITIONS]; e.g. local-cluster[2,1,1024])")
    parser.add_argument("--out", default="out/spark", help="folder for partials and reports (default out/spark)")
    parser.add_argument("--skip-negative", action="store_true", help="skip the bad-line check")
    return parser.parse_args()


def read_documents(paths):
    """The documents as JSON lines {"doc", "text"}, in file order."""
    lines = []
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        if path.endswith(".jsonl"):
            lines.extend(line.decode("utf-8") for line in data.splitlines() if line.strip())
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            fail(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); Spark ships documents as "
                 f"JSON lines of text: convert it first (e.g. iconv -f GB18030 -t UTF-8)")
        doc = os.path.splitext(os.path.basename(path))[0]
        lines.append(json.dumps({"doc": doc, "text": text}, ensure_ascii=False))
    return lines


def fail(message):
    """A usage or setup error: the message on stderr, exit status 2."""
    print(f"spark: {message}", file=sys.stderr)
    sys.exit(2)


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def single_process_reports(zhpipe, lexicons, files, out):
    """The reference: `zhpipe run` over all the files in one process."""
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = os.path.join(out, f"single.{fmt}")
        run([zhpipe, "run", "--lexicons", lexicons, "--format", fmt, "-o", paths[fmt], *files])
    return paths


def lexicon_archive(lexicons, out):
    """lexicons/ as a tar.gz whose root holds the files (what --archives ships)."""
    path = os.path.join(out, "lexicons.tar.gz")
    with tarfile.open(path, "w:gz") as archive:
        for name in sorted(os.listdir(lexicons)):
            archive.add(os.path.join(lexicons, name), arcname=name)
    return path


def main():
    args = parse_args()
    zhpipe = os.path.abspath(args.zhpipe)
    lexicons = os.path.abspath(args.lexicons)
    if not os.access(zhpipe, os.X_OK):
        fail(f"{zhpipe}: no zhpipe binary there (run `make build`)")
    if not os.path.isfile(os.path.join(lexicons, "README.md")):
        fail(f"{lexicons}: not the lexicons/ folder")
    os.makedirs(args.out, exist_ok=True)

    documents = read_documents(args.files)
    if not documents:
        fail("no documents in the given files")
    with open(os.path.join(args.out, "documents.jsonl"), "w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in documents)
    partitions = max(1, args.partitions)
    master = args.master or f"local[{partitions}]"

    started = time.monotonic()
    reference = single_process_reports(zhpipe, lexicons, args.files, args.out)
    single_seconds = time.monotonic() - started

    from pyspark import SparkConf, SparkContext

    started = time.monotonic()
    conf = SparkConf().setMaster(master).setAppName("zhpipe").set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    sc.addFile(zhpipe)
    sc.addFile(os.path.join(HERE, "partition.sh"))
    sc.addArchive(lexicon_archive(lexicons, args.out) + "#lexicons")
    start_seconds = time.monotonic() - started

    try:
        started = time.monotonic()
        rdd = sc.parallelize(documents, partitions)
        partials = partial_counts(rdd, master).collect()
        job_seconds = time.monotonic() - started
        sizes = rdd.glom().map(len).collect()

        negative = None
        if not args.skip_negative:
            negative = bad_line_fails_the_job(sc, documents, partitions, master)
    finally:
        sc.stop()

    partial_path = os.path.join(args.out, "partials.jsonl")
    with open(partial_path, "w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in partials)

    started = time.monotonic()
    mismatches = []
    for fmt in FORMATS:
        merged = os.path.join(args.out, f"merged.{fmt}")
        run([zhpipe, "merge", "--format", fmt, "-o", merged, partial_path])
        if not same_bytes(merged, reference[fmt]):
            mismatches.append(f"{merged} differs from {reference[fmt]}")
    merge_seconds = time.monotonic() - started

    print(f"spark: master {master}, {len(documents)} documents in {partitions} partitions "
          f"(documents per partition: {', '.join(map(str, sizes))})")
    print(f"spark: single process {single_seconds:.2f} s; Spark start {start_seconds:.2f} s, "
          f"job {job_seconds:.2f} s, merge {merge_seconds:.2f} s ({len(partials)} partial lines)")
    failed = False
    if negative is not None:
        print(f"spark: bad line: {negative}")
        failed = negative.startswith("NOT")
    if mismatches:
        for line in mismatches:
            print(f"spark: MISMATCH: {line}", file=sys.stderr)
        return 1
    print(f"spark: merged reports ({', '.join(FORMATS)}) identical to the single-process reports")
    return 1 if failed else 0


def bad_line_fails_the_job(sc, documents, partitions, master):
    """A partition holding a line that is not a record must fail the job (checkCode)."""
    bad = list(documents)
    bad.insert(len(bad) // 2, '{"doc": "broken", "text": ')
    sc.setLogLevel("OFF")
    print("spark: negative check: one partition holds a truncated JSON line "
          "(zhpipe's message follows, or is in the executor's log)",
          file=sys.stderr, flush=True)
    try:
        partial_counts(sc.parallelize(bad, partitions), master).collect()
    except Exception as error:  # Py4JJavaError carrying the worker's PySparkRuntimeError
        found = re.search(r"PIPE_FUNCTION_EXITED.*?exited with error code (\d+)", str(error), re.S)
        if found:
            return f"the job failed as it must (checkCode: the partition's pipe exited with status {found.group(1)})"
        return f"NOT AS EXPECTED: the job failed, but not through checkCode: {str(error)[:300]}"
    finally:
        sc.setLogLevel("ERROR")
    return "NOT DETECTED: the job with a bad line succeeded"


def same_bytes(a, b):
    with open(a, "rb") as first, open(b, "rb") as second:
        return first.read() == second.read()


if __name__ == "__main__":
    sys.exit(main())
