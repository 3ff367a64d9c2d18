"""jieba's part-of-speech tags as a named-entity baseline, and as a speed peer.

  python jieba_ner.py eval GOLD_BIO      nr -> PER, ns -> LOC, nt -> ORG on a character-level
                                         BIO file; prints P/R/F1 per type and micro (exact spans)
  python jieba_ner.py tag TEXT_FILE      tags every line with jieba.posseg (for timing)
  python jieba_ner.py cn2an TEXT_FILE    cn2an.transform(line, "cn2an") on every line (for timing)
"""
import sys

TYPES = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def read_bio(path):
    sentences, chars, spans, open_span = [], [], [], None
    def close(end):
        nonlocal open_span
        if open_span:
            spans.append((open_span[0], open_span[1], end))
        open_span = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                close(len(chars))
                if chars:
                    sentences.append(("".join(chars), set(spans)))
                chars, spans = [], []
                continue
            ch, tag = line.split()[0], line.split()[-1]
            pos = len(chars)
            chars.append(ch)
            if tag == "O":
                close(pos)
                continue
            kind = tag[2:]
            if tag.startswith("B-") or open_span is None or open_span[0] != kind:
                close(pos)
                open_span = (kind, pos)
    close(len(chars))
    if chars:
        sentences.append(("".join(chars), set(spans)))
    return sentences


def evaluate(path):
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    counts = {t: [0, 0, 0] for t in ("PER", "LOC", "ORG")}
    for text, gold in read_bio(path):
        predicted, pos = set(), 0
        for word, flag in pseg.cut(text):
            if flag in TYPES:
                predicted.add((TYPES[flag], pos, pos + len(word)))
            pos += len(word)
        for kind, s, e in gold:
            counts[kind][0] += 1
        for kind, s, e in predicted:
            counts[kind][1] += 1
        for kind, s, e in gold & predicted:
            counts[kind][2] += 1
    def line(name, g, p, c):
        pr = c / p if p else 0.0
        rc = c / g if g else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"  {name:<6} P {pr:.4f}  R {rc:.4f}  F1 {f1:.4f}   (gold {g}, predicted {p}, correct {c})")
    for kind, (g, p, c) in counts.items():
        line(kind, g, p, c)
    line("micro", *[sum(v[i] for v in counts.values()) for i in range(3)])


def tag(path):
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    with open(path, encoding="utf-8") as f:
        for line in f:
            for _ in pseg.cut(line):
                pass


def cn2an_transform(path):
    import cn2an
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                cn2an.transform(line.rstrip("\n"), "cn2an")
            except Exception:
                pass


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    {"eval": evaluate, "tag": tag, "cn2an": cn2an_transform}[command](path)
