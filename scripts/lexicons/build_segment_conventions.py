"""Build lexicons/segment_conventions.tsv: where segmentation standards cut finer than the default.

zhpipe's default segmentation follows what the PKU, MSR and CTB standards
share: a calendar number keeps its unit (2009年), a place keeps its
administrative suffix (天津市), a derived word its suffix (参赛者). The
Universal Dependencies Chinese treebanks (GSD, PUD, HK, CFL; see
universaldependencies.org/zh) tokenise finer, because their syntax relates
the pieces: a number and its calendar unit are two tokens (2009 年: nummod +
the noun), a demonstrative and its classifier are two (这 种: det + clf), and
a bound suffix or head morpheme after a word is a token of its own (天津 市,
参赛 者, 现代 化: the noun suffixes of UD Chinese's XPOS tag SFN). `zhpipe
segment --convention ud` applies these rows after the lattice.

Source: written for zhpipe from the UD Chinese tokenisation conventions and
general Chinese grammar (derivational suffixes, administrative and
geographic heads, institution heads); no corpus or test set was consulted
for the lists. Released with zhpipe.

Regenerate: make lexicons (or python3 scripts/lexicons/build_segment_conventions.py).
"""
import sources

# (convention, rule, characters, what the rule does)
RULES = [
    # A number written in digits or numerals, then one of these: two tokens.
    ("ud", "number_unit", "年月日号"),
    # A demonstrative, then a measure word (segment_classifiers.tsv): two tokens.
    ("ud", "demonstrative", "这那"),
    # ... unless the second character makes a pronoun with it (这里, 那样, 这些, 这么, 这儿, 那边, 这般).
    ("ud", "pronoun_second", "里样些么儿边般"),
    # A word, then one of these bound morphemes: two tokens when the word before it is
    # itself in the lexicon (the pair is at least three characters).
    # derivational suffixes: agent, -ness, -ise, type, -ology, field, amount, rate, degree, theory...
    ("ud", "suffix", "者家员性化型式学界量率度论派业品物类族们人"),
    # administrative and geographic heads
    ("ud", "suffix", "省市县区州镇乡村路街岛湖河江山湾港"),
    # institutions and groups
    ("ud", "suffix", "党军教馆处台站局部会院所厂队团社场线"),
]


def main():
    rows = []
    seen = set()
    for convention, rule, characters in RULES:
        for c in characters:
            if (convention, rule, c) in seen:
                continue
            seen.add((convention, rule, c))
            rows.append((convention, rule, c))
    header = [
        "Segmentation conventions finer than zhpipe's default (PKU/MSR/CTB-like): `zhpipe segment --convention NAME`.",
        "(TAB-separated: convention, rule, one character). Rules: number_unit (a number and this unit are two tokens),",
        "demonstrative (this and a following measure word are two tokens), pronoun_second (not a measure word after a",
        "demonstrative: 这里, 那样), suffix (a lexicon word and this bound morpheme after it are two tokens).",
        "Source: written for zhpipe from the Universal Dependencies Chinese tokenisation conventions and general",
        "Chinese grammar (no corpus or test set consulted); zhpipe's licence.",
        "Regenerate: make lexicons  (scripts/lexicons/build_segment_conventions.py)",
    ]
    sources.write_lexicon("segment_conventions.tsv", header, rows)


if __name__ == "__main__":
    main()
