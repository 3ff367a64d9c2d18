"""zhpipe on a Spark cluster: documents in, partial counts out, merged afterwards.

Each partition of documents (JSON lines {"doc", "text"}, one document a line)
goes through partition.sh (zhpipe repair | segment | extract | report
--partial) with RDD.pipe and checkCode=True, so a failing stage fails the job.
The partial counts are saved as text; `zhpipe merge` joins them into the
report (their lines may be in any order, their files concatenated).

  tar -czf lexicons.tar.gz -C lexicons .
  spark-submit --master yarn \\
      --files .build/release/zhpipe,scripts/spark/partition.sh \\
      --archives lexicons.tar.gz#lexicons \\
      scripts/spark/job.py hdfs:///reports/docs-*.jsonl hdfs:///zhpipe/counts 64
  hdfs dfs -cat '/zhpipe/counts/part-*' | zhpipe merge --format html -o report.html

scripts/spark/pipeline.py (`make spark`) runs the same pipe in local mode and
checks the merged report against the single-process one.
"""

import shlex
import sys

# What the executors' pipes see: the environment is replaced, not extended.
PIPE_PATH = "/usr/local/bin:/usr/bin:/bin"


def is_local(master):
    """True when the executor is the driver's JVM (master local, local[N], local[*])."""
    return master == "local" or master.startswith("local[")


def shipped(master, name):
    """Where an executor finds a file shipped with --files/--archives or addFile/addArchive.

    A cluster executor keeps them in its working directory, which the Python
    worker and its pipe inherit; in local mode they are in SparkFiles' root
    directory.
    """
    if is_local(master):
        from pyspark import SparkFiles

        return SparkFiles.get(name)
    return "./" + name


def partial_counts(rdd, master):
    """The partitions' partial counts: one pipe per partition, checked."""
    command = shlex.join(["/bin/bash", shipped(master, "partition.sh")])
    env = {
        "ZHPIPE_BIN": shipped(master, "zhpipe"),
        "ZHPIPE_LEXICONS": shipped(master, "lexicons"),
        "PATH": PIPE_PATH,
    }
    return rdd.pipe(command, env=env, checkCode=True)


def main(argv):
    if len(argv) not in (3, 4):
        print("usage: spark-submit --files zhpipe,partition.sh --archives lexicons.tar.gz#lexicons "
              "job.py INPUT OUTPUT [PARTITIONS]", file=sys.stderr)
        return 2
    from pyspark import SparkContext

    source, target = argv[1], argv[2]
    sc = SparkContext(appName="zhpipe")
    try:
        documents = sc.textFile(source, int(argv[3])) if len(argv) == 4 else sc.textFile(source)
        partial_counts(documents, sc.master).saveAsTextFile(target)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
