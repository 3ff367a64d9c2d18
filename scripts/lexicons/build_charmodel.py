"""Build lexicons/char_unigram.tsv and lexicons/char_bigram.tsv: a character
unigram + bigram model of Chinese, for the repair stage's plausibility scores.

Source: the word list with frequencies of jieba 0.42.1 (dict.txt, MIT
licence), from PyPI. Each word's frequency is added to every character it
holds (unigram) and to every pair of adjacent characters inside it (bigram).
Characters are first mapped to Simplified with OpenCC's TSCharacters.txt
(Apache-2.0, PyPI opencc-python-reimplemented 0.1.7), because the model scores
the normalised form; the Swift loader gives Traditional characters the counts
of their Simplified forms.

Limits: word frequencies, not running text, so pairs across word boundaries
are not counted (the model backs off to the unigram there), and punctuation,
digits and Latin letters are not in the data at all (the Swift side gives them
fixed class probabilities). Bigrams seen fewer than MIN_BIGRAM times are left
out to keep the file small.

Regenerate: make lexicons (or python3 scripts/lexicons/build_charmodel.py).
"""
import collections

import sources

JIEBA, JIEBA_VERSION = "jieba", "0.42.1"
OPENCC, OPENCC_VERSION = "opencc-python-reimplemented", "0.1.7"
MIN_BIGRAM = 5


def is_han(c):
    v = ord(c)
    return (0x3400 <= v <= 0x4DBF or 0x4E00 <= v <= 0x9FFF or 0xF900 <= v <= 0xFAFF
            or 0x20000 <= v <= 0x3FFFF)


def main():
    t2s = {}
    opencc = sources.pypi(OPENCC, OPENCC_VERSION)
    with open(sources.find(opencc, "TSCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and len(parts[0]) == 1:
                simp = parts[1].split(" ")[0]
                if len(simp) == 1:
                    t2s[parts[0]] = simp
    jieba = sources.pypi(JIEBA, JIEBA_VERSION)
    unigram = collections.Counter()
    bigram = collections.Counter()
    with open(sources.find(jieba, "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            if not all(is_han(c) for c in word):
                continue
            word = "".join(t2s.get(c, c) for c in word)
            for c in word:
                unigram[c] += freq
            for a, b in zip(word, word[1:]):
                bigram[a + b] += freq
    common = [
        "Sources: jieba {v} dict.txt word frequencies (MIT licence), PyPI {p}=={v};".format(p=JIEBA, v=JIEBA_VERSION),
        "characters mapped to Simplified with OpenCC TSCharacters.txt (Apache-2.0), PyPI {p}=={v}.".format(p=OPENCC, v=OPENCC_VERSION),
        "Limits: counts come from a word list, so only pairs inside words are counted; no punctuation, digits or Latin.",
        "Regenerate: make lexicons  (scripts/lexicons/build_charmodel.py)",
    ]
    uni_rows = sorted(unigram.items(), key=lambda kv: (-kv[1], kv[0]))
    sources.write_lexicon("char_unigram.tsv", [
        "Character unigram counts of Chinese (Simplified), TAB-separated: character, count.",
        "Count = sum of the jieba frequencies of the words holding the character (once per occurrence).",
    ] + common, [(c, str(n)) for c, n in uni_rows])
    bi_rows = sorted(((p, n) for p, n in bigram.items() if n >= MIN_BIGRAM), key=lambda kv: kv[0])
    sources.write_lexicon("char_bigram.tsv", [
        "Character bigram counts inside words (Simplified), TAB-separated: two characters, count.",
        "Count = sum of the jieba frequencies of the words holding the pair; pairs under {m} left out.".format(m=MIN_BIGRAM),
    ] + common, [(p, str(n)) for p, n in bi_rows])


if __name__ == "__main__":
    main()
