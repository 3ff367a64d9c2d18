"""The Python peers' speed, for `make bench`: one tool over the first MB megabytes of a text file.

  python speed.py TOOL TEXT_FILE MB RUNS     prints "BYTES SECONDS": the bytes processed and the
                                             median over RUNS of the seconds the loop took

TOOL: jieba (jieba.lcut, precise mode), posseg (jieba.posseg.lcut), opencc (OpenCC t2s),
cn2an (cn2an.transform(line, "cn2an")), ftfy (ftfy.fix_text). Imports and set-up
(dictionary loading, converter construction) happen before the clock starts.
"""
import statistics
import sys
import time


def tool(name):
    if name in ("jieba", "posseg"):
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
        if name == "jieba":
            return jieba.lcut
        import jieba.posseg as pseg
        pseg.lcut("预热")
        return pseg.lcut
    if name == "opencc":
        import opencc
        converter = opencc.OpenCC("t2s")
        return converter.convert
    if name == "cn2an":
        import cn2an
        return lambda line: cn2an.transform(line, "cn2an")
    if name == "ftfy":
        import ftfy
        return ftfy.fix_text
    sys.exit(__doc__)


def main():
    name, path, mb, runs = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    lines, size = [], 0
    for line in open(path, encoding="utf-8"):
        if size >= mb * 1_000_000:
            break
        lines.append(line.rstrip("\n"))
        size += len(line.encode("utf-8"))
    f = tool(name)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for line in lines:
            f(line)
        times.append(time.perf_counter() - t0)
    print(size, f"{statistics.median(times):.4f}")


if __name__ == "__main__":
    main()
