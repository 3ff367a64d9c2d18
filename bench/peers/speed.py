"""The Python peers' speed, for `make bench`: one tool over the first MB megabytes of a text file.

  python speed.py TOOL TEXT_FILE MB RUNS [BUDGET]
      prints "BYTES SECONDS": the bytes processed and the median over RUNS of the seconds the
      loop took. The sample is the first MB megabytes of lines, cut short when the first run
      passes BUDGET seconds (default 15), so a tool that is slow on this text stays bounded.

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
    budget = float(sys.argv[5]) if len(sys.argv) > 5 else 15.0
    lines, sizes, total = [], [], 0
    for line in open(path, encoding="utf-8"):
        if total >= mb * 1_000_000:
            break
        lines.append(line.rstrip("\n"))
        sizes.append(len(line.encode("utf-8")))
        total += sizes[-1]
    f = tool(name)
    # The first run stops at the budget; the sample is what it got through.
    t0, done = time.perf_counter(), len(lines)
    for i, line in enumerate(lines):
        f(line)
        if i & 63 == 63 and time.perf_counter() - t0 > budget:
            done = i + 1
            break
    times = [time.perf_counter() - t0]
    lines, size = lines[:done], sum(sizes[:done])
    for _ in range(runs - 1):
        t0 = time.perf_counter()
        for line in lines:
            f(line)
        times.append(time.perf_counter() - t0)
    print(size, f"{statistics.median(times):.4f}")


if __name__ == "__main__":
    main()
