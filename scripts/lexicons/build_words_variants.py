"""Build lexicons/segment_char_folds.tsv and lexicons/words_variants.tsv: what
the segmenter needs so Traditional-script text (Taiwan, Hong Kong) finds the
words of a Simplified dictionary.

The segmenter looks words up on a key: the text normalised by t2s_chars.tsv
(one character to one, OpenCC's first choice), then folded by
segment_char_folds.tsv. Two things a one-to-one table cannot do are added here:

1. segment_char_folds.tsv: characters whose Traditional form has several
   Simplified forms (OpenCC TSCharacters lists 瞭 -> 瞭 了, 藉 -> 藉 借,
   乾 -> 干 乾, 覆 -> 覆 复, 於 -> 于 於) are folded into one key character,
   so 瞭解 finds 了解 and 答覆 finds 答复 whichever form the dictionary and
   the text use. Classes are the connected sets of those candidates (after
   normalisation); the key is the member most frequent as a word in jieba's
   dictionary (ties: lowest code point). Only lookup keys change: tokens are
   always cut from the original text.
2. words_variants.tsv: words a Simplified dictionary spells differently from
   the way Taiwan and Hong Kong write them: the Taiwan vocabulary of OpenCC's
   TWPhrasesRev.txt (軟體 for 软件, 資訊 for 信息, 腳踏車 for 自行车) and the
   Hong Kong phrase variants of HKVariantsRevPhrases.txt, plus Traditional
   spellings (STPhrases.txt / TSPhrases.txt) whose key still differs from the
   Simplified word's key after normalisation and folding. Each gets the
   frequency and tag of its mainland counterpart in jieba's dictionary (the
   largest, when OpenCC lists several); a variant whose counterpart jieba
   does not list is left out, so no word enters without a corpus count.

Sources: OpenCC dictionaries (Apache-2.0) from PyPI
opencc-python-reimplemented 0.1.7; frequencies from lexicons/words.tsv
(jieba 0.42.1 dict.txt, MIT); normalisation from lexicons/t2s_chars.tsv (so
this script runs after build_t2s.py and build_words.py, as `make lexicons`
orders them by name). No test set is read.

Regenerate: make lexicons (or python3 scripts/lexicons/build_words_variants.py).
"""
import os

import sources

PACKAGE, VERSION = "opencc-python-reimplemented", "0.1.7"


def read_pairs(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                yield parts[0], [p for p in parts[1].split(" ") if p]


def read_rows(name):
    with open(os.path.join(sources.LEXICONS, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


def main():
    root = sources.pypi(PACKAGE, VERSION)
    table = {row[0]: row[1] for row in read_rows("t2s_chars.tsv") if len(row) >= 2}

    def normalize(text):
        return "".join(table.get(c, c) for c in text)

    words = {}
    for row in read_rows("words.tsv"):
        if len(row) >= 2:
            words[row[0]] = (int(row[1]), row[2] if len(row) > 2 else "")
    single = {}
    for word, (freq, _) in words.items():
        if len(word) == 1:
            key = normalize(word)
            single[key] = max(single.get(key, 0), freq)

    # 1. Fold classes over normalised characters.
    parent = {}

    def find(c):
        parent.setdefault(c, c)
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for trad, simps in read_pairs(sources.find(root, "TSCharacters.txt")):
        if len(trad) != 1 or len(simps) < 2:
            continue
        members = [normalize(c) for c in [trad] + simps if len(c) == 1]
        # Characters beyond the BMP here are rare extension forms (𫫇, 𪠽): leave them alone.
        members = [c for c in members if ord(c) < 0x10000]
        for m in members[1:]:
            union(members[0], m)
    classes = {}
    for c in list(parent):
        classes.setdefault(find(c), []).append(c)
    folds = {}
    for members in classes.values():
        if len(members) < 2:
            continue
        key = max(sorted(members), key=lambda c: single.get(c, 0))
        for m in members:
            if m != key:
                folds[m] = key

    def key_of(text):
        return "".join(folds.get(c, c) for c in normalize(text))

    header = [
        "Lookup-key folds for the segmenter (TAB-separated: character as normalised by t2s_chars.tsv, key character).",
        "Characters one Traditional character may become (OpenCC TSCharacters: 瞭 -> 瞭 了, 藉 -> 藉 借) share one key,",
        "the class member most frequent as a word in jieba's dict.txt; only dictionary look-ups use it, tokens keep the text.",
        f"Source: OpenCC TSCharacters.txt (Apache License 2.0) from PyPI {PACKAGE}=={VERSION}; jieba 0.42.1 dict.txt (MIT) frequencies.",
        "Regenerate: make lexicons  (scripts/lexicons/build_words_variants.py)",
    ]
    sources.write_lexicon("segment_char_folds.tsv", header, [(c, folds[c]) for c in sorted(folds)])

    # 2. Variant spellings with their counterpart's frequency.
    by_key = {}
    for word, (freq, tag) in words.items():
        k = key_of(word)
        if k not in by_key or by_key[k][0] < freq:
            by_key[k] = (freq, tag)

    variants = {}
    skipped = 0

    def offer(variant, counterparts, source):
        nonlocal skipped
        if len(variant) < 2 or key_of(variant) in by_key:
            return
        best = None
        for c in counterparts:
            found = by_key.get(key_of(c))
            if found and (best is None or found[0] > best[0]):
                best = found
        if best is None:
            skipped += 1
            return
        old = variants.get(variant)
        if old is None or old[0] < best[0]:
            variants[variant] = (best[0], best[1], source)

    for tw, mainland in read_pairs(sources.find(root, "TWPhrasesRev.txt")):
        offer(tw, mainland, "tw")
    for hk, standard in read_pairs(sources.find(root, "HKVariantsRevPhrases.txt")):
        offer(hk, standard, "hk")
    for simp, trads in read_pairs(sources.find(root, "STPhrases.txt")):
        for trad in trads:
            if len(trad) == len(simp):
                offer(trad, [simp], "t")
    for trad, simps in read_pairs(sources.find(root, "TSPhrases.txt")):
        offer(trad, simps, "t")

    header = [
        "Traditional-script and Taiwan/Hong Kong spellings of dictionary words whose normalised key differs from the",
        "Simplified word's (TAB-separated: word, frequency, tag, origin: tw = Taiwan vocabulary, hk = Hong Kong form,",
        "t = Traditional spelling); frequency and tag are those of the mainland counterpart in jieba's dict.txt.",
        f"Source: OpenCC TWPhrasesRev.txt, HKVariantsRevPhrases.txt, STPhrases.txt, TSPhrases.txt (Apache License 2.0) from PyPI {PACKAGE}=={VERSION};",
        f"frequencies: jieba 0.42.1 dict.txt (MIT). {skipped} variants whose counterpart jieba does not list are left out.",
        "Regenerate: make lexicons  (scripts/lexicons/build_words_variants.py)",
    ]
    rows = [(w, str(variants[w][0]), variants[w][1], variants[w][2]) for w in sorted(variants)]
    sources.write_lexicon("words_variants.tsv", header, rows)


if __name__ == "__main__":
    main()
