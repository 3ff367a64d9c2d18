"""Build lexicons/extract_name_chars.tsv: how often each character is used in
Chinese given names and in transliterated foreign names.

Source: jieba's dict.txt (MIT licence), PyPI jieba==0.42.1, which tags person
names nr (Chinese names) and nrt (transliterated names). Counts are numbers of
distinct dictionary entries (types), not running text, so no sentence of any
corpus is involved:
  given     entries tagged nr, 2-3 characters, whose first character is a surname
            in lexicons/surnames.tsv: the characters after the surname;
  translit  entries tagged nrt of 3 or more characters that do not start with
            a surname, and the country names of lexicons/gazetteer_world.tsv;
  word      the character's own frequency as a one-character word in dict.txt.
The extractor turns these into a score: how much likelier a character is in a
name than in ordinary text. Run by `make lexicons` (after build_extract_lists.py and build_gazetteer.py, which it reads).
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

VERSION = "0.42.1"


def read_tsv(name):
    with open(os.path.join(sources.LEXICONS, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def main():
    surnames = {row[0] for row in read_tsv("surnames.tsv")}
    singles = {s for s in surnames if len(s) == 1}
    root = sources.pypi("jieba", VERSION)
    given = collections.Counter()
    translit = collections.Counter()
    word = collections.Counter()
    with open(sources.find(root, "dict.txt"), encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.rstrip("\n").split(" ")
            if len(w) == 1:
                word[w] += int(freq)
            if tag == "nr" and len(w) in (2, 3) and w[0] in singles:
                for c in w[1:]:
                    given[c] += 1
            elif tag == "nr" and len(w) in (3, 4) and w[:2] in surnames:
                for c in w[2:]:
                    given[c] += 1
            if tag == "nrt" and len(w) >= 3 and w[0] not in singles:
                for c in w:
                    translit[c] += 1
    for row in read_tsv("gazetteer_world.tsv"):
        if row[2] in ("country", "city") and len(row[0]) >= 3:
            for c in row[0]:
                translit[c] += 1
    chars = sorted(set(given) | set(translit), key=lambda c: ord(c))
    rows = [(c, str(given[c]), str(translit[c]), str(word[c])) for c in chars
            if '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf']
    header = [
        "Characters of person names: TAB-separated character, given (number of Chinese-name entries",
        "using it in the given name), translit (number of transliterated-name / world-place entries",
        "using it), word (its frequency as a one-character word).",
        f"Source: jieba dict.txt (MIT licence, (c) Sun Junyi), PyPI jieba=={VERSION}: entries tagged nr / nrt",
        "(types, not running text), with lexicons/surnames.tsv and lexicons/gazetteer_world.tsv.",
        "Regenerate: make lexicons  (scripts/lexicons/build_name_stats.py)",
    ]
    sources.write_lexicon("extract_name_chars.tsv", header, rows)


def common_words():
    """Words jieba tags as names (nr, nrt, ns) that occur inside three or more other
    words of the list (文明 in 精神文明, 文明建设 ...): ordinary words the tagger
    mislabelled, which the extractor does not take as names on the list's word alone."""
    root = sources.pypi("jieba", VERSION)
    words = {}
    with open(sources.find(root, "dict.txt"), encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.rstrip("\n").split(" ")
            words[w] = tag
    inside = collections.Counter()
    for w in words:
        if len(w) < 3:
            continue
        seen = set()
        for i in range(len(w)):
            for n in (2, 3):
                piece = w[i:i + n]
                if len(piece) == n and piece != w and piece not in seen:
                    seen.add(piece)
                    inside[piece] += 1
    rows = [(w, str(inside[w])) for w in sorted(words) if words[w] in ("nr", "nrt", "nrfg", "ns") and inside[w] >= 3]
    header = [
        "Words tagged as person or place names in jieba's dict.txt that occur inside three or more",
        "other entries of the same list (文明: 精神文明, 文明建设, ...): ordinary words, not names",
        "(TAB-separated: word, number of entries containing it).",
        f"Source: jieba dict.txt (MIT licence, (c) Sun Junyi), PyPI jieba=={VERSION}; counts of dictionary",
        "entries (types), no running text.",
        "Regenerate: make lexicons  (scripts/lexicons/build_name_stats.py)",
    ]
    sources.write_lexicon("extract_common_words.tsv", header, rows)


if __name__ == "__main__":
    main()
    common_words()
