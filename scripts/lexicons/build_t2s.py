"""Build lexicons/t2s_chars.tsv and lexicons/t2s_phrases.tsv: Traditional ->
Simplified, one character to one, with phrase overrides for the characters
whose conversion depends on the word.

Source: OpenCC's dictionaries (Apache-2.0), as shipped in the PyPI package
opencc 1.4.2 (compiled .ocd2 files, dumped to text with the opencc_dict tool
the same wheel ships):
- TSCharacters and TSCharactersExt (rare characters whose Simplified form is
  outside the BMP; OpenCC's t2s looks there first): where OpenCC lists
  several simplified candidates, the first (OpenCC's own default) is kept;
  characters mapped to themselves are left out.
- TWVariantsRev.txt, HKVariantsRev.txt: Taiwan and Hong Kong variant forms
  (偽, 啟, 衞 ...) are first mapped to OpenCC's standard Traditional form,
  then converted, when TSCharacters does not list them itself and the
  result is a Simplified character (a TSCharacters target or in GB 2312)
  and the variant is not a GB 2312 character itself (Taiwan's 著 for 着 is
  also the mainland's 著 of 著名).
- TSPhrases.txt: phrases whose conversion differs from the character
  default (乾隆 keeps 乾 where 乾燥 becomes 干燥). Only phrases whose
  Traditional and Simplified forms have the same length are kept, so the
  conversion stays one scalar to one scalar (offsets in normalised text equal
  offsets in the original).
- t2s_script_only.tsv: the Han characters one script uses and the other does
  not, for telling which script a damaged text was written in: Traditional
  only = converted by the table above and not a GB 2312 character (這, not 乾
  of 乾隆); Simplified only = converted by OpenCC's STCharacters (never to
  itself) and not a Big5 character (这, not 群 or 台, which Taiwan writes too).

Regenerate: make lexicons (or python3 scripts/lexicons/build_t2s.py).
"""
import os
import stat
import subprocess

import sources

PACKAGE, VERSION = "opencc", "1.4.2"


def dictionary(root, name):
    """OpenCC's dictionary NAME as text (NAME.txt beside NAME.ocd2), dumped once
    with the package's own opencc_dict."""
    compiled = sources.find(root, name + ".ocd2")
    text = os.path.splitext(compiled)[0] + ".txt"
    if not os.path.exists(text):
        tool = sources.find(root, "opencc_dict")
        os.chmod(tool, os.stat(tool).st_mode | stat.S_IXUSR)  # zip extraction drops the mode
        subprocess.run([tool, "-i", compiled, "-o", text, "-f", "ocd2", "-t", "text"], check=True)
    return text


def read_pairs(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                yield parts[0], parts[1].split(" ")


def encodable(char, codec):
    try:
        char.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def in_gb2312(char):
    return encodable(char, "gb2312")


def main():
    root = sources.pypi(PACKAGE, VERSION)
    rows = {}
    # TSCharactersExt first, as in OpenCC's t2s chain: it settles rare characters
    # that TSCharacters lists with themselves as first choice.
    for name in ("TSCharactersExt", "TSCharacters"):
        for trad, simps in read_pairs(dictionary(root, name)):
            simp = simps[0]
            if len(trad) == 1 and len(simp) == 1 and trad not in rows and trad != simp:
                rows[trad] = simp
    simplified = set(rows.values())
    for name in ("TWVariantsRev", "HKVariantsRev"):
        for variant, standards in read_pairs(dictionary(root, name)):
            standard = standards[0]
            # A variant that is itself a Simplified character (么) stays as it is.
            if len(variant) != 1 or len(standard) != 1 or variant in rows or variant in simplified:
                continue
            # A variant that is a mainland character in its own right (著: 著名,
            # 著作) keeps its own meaning in Simplified text: leave it.
            if in_gb2312(variant):
                continue
            simp = rows.get(standard, standard)
            # The target must be a Simplified character: OpenCC's standard
            # form (擡 for Taiwan's 抬) is not always one, and a character
            # outside GB 2312 is not the mainland form.
            if simp not in simplified and not in_gb2312(simp):
                continue
            if simp != variant:
                rows[variant] = simp
    header = [
        "Traditional -> Simplified, one character to one (TAB-separated: traditional, simplified).",
        f"Source: OpenCC TSCharacters, TSCharactersExt, TWVariantsRev, HKVariantsRev (Apache License 2.0), from PyPI {PACKAGE}=={VERSION};",
        "the first simplified candidate is kept (OpenCC's default); Taiwan/Hong Kong variants go through OpenCC's standard form.",
        "Regenerate: make lexicons  (scripts/lexicons/build_t2s.py)",
    ]
    sources.write_lexicon("t2s_chars.tsv", header, [(t, rows[t]) for t in sorted(rows)])

    def default(text):
        return "".join(rows.get(c, c) for c in text)

    same_length = {}
    for trad, simps in read_pairs(dictionary(root, "TSPhrases")):
        if len(trad) == len(simps[0]) and len(trad) >= 2:
            same_length[trad] = simps[0]
    phrases = {t: s for t, s in same_length.items() if default(t) != s}
    # A phrase that keeps the table's conversion still matters when it holds a
    # character another phrase changes: OpenCC takes the longest phrase, so
    # 慰藉着 keeps 藉 where 藉着 alone becomes 借着.
    settled = {t[i] for t, s in phrases.items() for i in range(len(t)) if rows.get(t[i], t[i]) != s[i]}
    for trad, simp in same_length.items():
        if trad not in phrases and any(c in settled for c in trad):
            phrases[trad] = simp
    header = [
        "Traditional -> Simplified phrase overrides (TAB-separated: traditional phrase, simplified phrase, same length).",
        "Used where a character's conversion depends on the word (乾隆 keeps 乾; 乾燥 -> 干燥 by the character table).",
        f"Source: OpenCC TSPhrases (Apache License 2.0), from PyPI {PACKAGE}=={VERSION};",
        "only phrases that keep the length and either differ from the character table or hold a character",
        "another phrase changes (the longest matching phrase wins, as in OpenCC) are listed.",
        "Regenerate: make lexicons  (scripts/lexicons/build_t2s.py)",
    ]
    sources.write_lexicon("t2s_phrases.tsv", header, [(t, phrases[t]) for t in sorted(phrases)])

    script = {t: "traditional" for t in rows if not in_gb2312(t)}
    for simp, trads in read_pairs(dictionary(root, "STCharacters")):
        if len(simp) == 1 and simp not in trads and not encodable(simp, "big5") and simp not in script:
            script[simp] = "simplified"
    header = [
        "Han characters of one script alone (TAB-separated: character, simplified or traditional).",
        f"Source: t2s_chars.tsv and OpenCC STCharacters (Apache License 2.0, PyPI {PACKAGE}=={VERSION}), with Python's gb2312 and big5 codecs.",
        "Traditional: converted by t2s_chars.tsv and not in GB 2312 (這; 乾 of 乾隆 is both).",
        "Simplified: converted by STCharacters, never to itself, and not in Big5 (这; 群 and 台 are both).",
        "Regenerate: make lexicons  (scripts/lexicons/build_t2s.py)",
    ]
    sources.write_lexicon("t2s_script_only.tsv", header, [(c, script[c]) for c in sorted(script)])


if __name__ == "__main__":
    main()
