"""The bench corpus: real Chinese text as JSON-lines documents, built reproducibly.

  python corpus.py eval EVAL_DIR OUT MB     the clean texts of the gold data folder (SIGHAN PKU
                                            test text and UD GSD sentences in 20-line documents,
                                            the chardet pages decoded with their own codec, one
                                            document each), cycled in a fixed order to MB megabytes of text
  python corpus.py seed REPAIRED OUT MB     the paragraphs of `zhpipe repair corpus/*.txt` in
                                            20-paragraph documents, cycled to MB megabytes of text
  python corpus.py text DOCS OUT            the documents' text, one line of text a line (blank
                                            lines dropped): what raw ICU and the peers read

Every document id is unique ("pku-0", ..., "pku-1234"), so a repeated text is a new document.
The output is built in the bench's out/ folder at bench time and never kept in the project.
"""
import json
import os
import sys


def eval_documents(ev):
    docs = []

    def chunks(lines, name):
        lines = [l for l in lines if l.strip()]
        for i in range(0, len(lines), 20):
            docs.append((name, "\n".join(lines[i:i + 20])))

    chunks(open(f"{ev}/sighan2005/pku_test.utf8", encoding="utf-8").read().split("\n"), "pku")
    for f in ("zh_gsd-ud-test.conllu", "zh_gsdsimp-ud-test.conllu"):
        p = f"{ev}/ud_chinese_gsd/{f}"
        if os.path.exists(p):
            chunks([l[9:] for l in open(p, encoding="utf-8").read().split("\n") if l.startswith("# text = ")], "gsd")
    for folder, codec in (("GB2312", "gb18030"), ("Big5", "big5hkscs")):
        d = f"{ev}/chardet_chinese_encoded/{folder}"
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            docs.append((folder.lower(), open(os.path.join(d, name), "rb").read().decode(codec, errors="replace")))
    return docs


def seed_documents(repaired):
    paras = [json.loads(l)["text"] for l in open(repaired, encoding="utf-8") if l.strip()]
    return [("seed", "\n".join(paras[i:i + 20])) for i in range(0, len(paras), 20)]


def write_cycled(docs, out, mb):
    size, i = 0, 0
    with open(out, "w", encoding="utf-8") as o:
        while size < mb * 1_000_000:
            name, text = docs[i % len(docs)]
            line = json.dumps({"doc": f"{name}-{i}", "text": text}, ensure_ascii=False) + "\n"
            o.write(line)
            size += len(text.encode("utf-8"))
            i += 1
    print(f"{i} documents, {len(docs)} distinct, cycled {i / len(docs):.0f} times")


def write_text(docs, out):
    with open(out, "w", encoding="utf-8") as o:
        for line in open(docs, encoding="utf-8"):
            for para in json.loads(line)["text"].split("\n"):
                if para.strip():
                    o.write(para + "\n")


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "eval":
        write_cycled(eval_documents(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif kind == "seed":
        write_cycled(seed_documents(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif kind == "text":
        write_text(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
