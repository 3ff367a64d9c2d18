"""Build lexicons/t2s_chars.tsv: Traditional -> Simplified, one character to one.

Source: OpenCC's TSCharacters.txt (Apache-2.0), as shipped in the PyPI
package opencc-python-reimplemented 0.1.7; where OpenCC lists several
simplified candidates, the first (OpenCC's own default) is kept. Characters
OpenCC maps to themselves are left out. The table is strictly one code point
to one code point so offsets in normalised text equal offsets in the original.

Regenerate: make lexicons (or python3 scripts/lexicons/build_t2s.py).
"""
import sources

PACKAGE, VERSION = "opencc-python-reimplemented", "0.1.7"


def main():
    root = sources.pypi(PACKAGE, VERSION)
    path = sources.find(root, "TSCharacters.txt")
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            trad = parts[0]
            simp = parts[1].split(" ")[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp:
                rows[trad] = simp
    header = [
        "Traditional -> Simplified, one character to one (TAB-separated: traditional, simplified).",
        f"Source: OpenCC TSCharacters.txt (Apache License 2.0), from PyPI {PACKAGE}=={VERSION};",
        "the first simplified candidate is kept (OpenCC's default).",
        "Regenerate: make lexicons  (scripts/lexicons/build_t2s.py)",
    ]
    sources.write_lexicon("t2s_chars.tsv", header, [(t, rows[t]) for t in sorted(rows)])


if __name__ == "__main__":
    main()
