"""Build lexicons/words.tsv: Chinese words with corpus frequencies and POS tags.

Source: jieba's dict.txt (MIT licence), as shipped in the PyPI sdist
jieba==0.42.1. Each line there is "word frequency tag" (space-separated); here
it becomes word TAB frequency TAB tag (ICTCLAS-style tags: n, v, nr, ns, m ...).
Rows are sorted by code point so readers may binary-search; the one exact
duplicate in the source (B超) is kept once, with its larger frequency.

What jieba's dictionary is (and is not): a list of ~349k word types with
counts aggregated over a large mixed corpus (jieba's author describes it as
People's Daily and MSR segmented text plus novels segmented with ICTCLAS;
fxsjy/jieba issue #7). It holds no sentences and no segmented text. See
lexicons/README.md for how it was checked against the evaluation sets.

Regenerate: make lexicons (or python3 scripts/lexicons/build_words.py).
"""
import sources

PACKAGE, VERSION = "jieba", "0.42.1"


def main():
    root = sources.pypi(PACKAGE, VERSION)
    path = sources.find(root, "dict.txt")
    entries = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            parts = line.rstrip("\n").split(" ")
            if len(parts) != 3 or not parts[1].isdigit():
                raise SystemExit(f"{path}:{number}: expected 'word frequency tag', got {line!r}")
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            if word in entries and entries[word][0] >= freq:
                continue
            entries[word] = (freq, tag)
    header = [
        "Chinese words with frequencies and part-of-speech tags (TAB-separated: word, frequency, tag).",
        f"Source: jieba dict.txt (MIT licence, (c) Sun Junyi), from PyPI {PACKAGE}=={VERSION};",
        "frequencies and ICTCLAS-style tags as jieba ships them; rows sorted by code point.",
        "A word list with counts only (no sentences); provenance checks in lexicons/README.md.",
        "Regenerate: make lexicons  (scripts/lexicons/build_words.py)",
    ]
    rows = [(w, str(entries[w][0]), entries[w][1]) for w in sorted(entries)]
    sources.write_lexicon("words.tsv", header, rows)


if __name__ == "__main__":
    main()
