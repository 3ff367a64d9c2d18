"""Build lexicons/unihan_readings.tsv: the Mandarin readings of each Han character.

Source: Unihan_Readings.txt of the Unicode Character Database (Unicode,
Inc. License Agreement - Data Files and Software, which allows
redistribution with the copyright notice), as shipped in Debian's package unicode-data (fetched with
apt-get download; nothing is installed). Fields used: kMandarin,
kHanyuPinyin, kXHC1983, kTGHZ2013 and kHanyuPinlu: every reading any of
them lists for a character, in tone-marked pinyin, lower case; a
Traditional character also gets the readings of its Simplified form
(lexicons/t2s_chars.tsv), since Unihan sometimes gives the modern reading
under one form only.

The repair stage uses it to tell a pinyin annotation inserted after a
character ("經(jīng)") from a gloss that is not a reading of it.

Regenerate: make lexicons (or python3 scripts/lexicons/build_unihan.py).
"""
import bz2
import os
import re
import subprocess

import sources

PACKAGE = "unicode-data"
FIELDS = ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013", "kHanyuPinlu")


def package_version():
    root = sources.debian(PACKAGE)
    debs = sorted(f for f in os.listdir(sources.CACHE) if f.startswith(PACKAGE + "_") and f.endswith(".deb"))
    if debs:
        return debs[-1][len(PACKAGE) + 1:].split("_")[0]
    return subprocess.run(["dpkg-deb", "-f", root, "Version"], capture_output=True, text=True).stdout.strip()


def readings_of(field, value):
    """The pinyin syllables listed in one Unihan field value."""
    found = []
    for item in value.split():
        if field in ("kHanyuPinyin", "kXHC1983", "kTGHZ2013"):
            item = item.split(":", 1)[1] if ":" in item else item
            found.extend(item.split(","))
        elif field == "kHanyuPinlu":
            found.append(re.sub(r"\(\d+\)$", "", item))
        else:
            found.append(item)
    return [s.lower() for s in found if s]


def main():
    root = sources.debian(PACKAGE)
    version = package_version()
    path = sources.find(root, "Unihan_Readings.txt.bz2")
    readings = {}
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field not in FIELDS:
                continue
            char = chr(int(code[2:], 16))
            known = readings.setdefault(char, [])
            for syllable in readings_of(field, value):
                if syllable not in known:
                    known.append(syllable)
    # A Traditional character also reads as its Simplified form does (Unihan
    # sometimes lists the modern reading under one form only: 績 jī, 绩 jì).
    t2s = os.path.join(sources.LEXICONS, "t2s_chars.tsv")
    if os.path.exists(t2s):
        with open(t2s, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[0] in readings and parts[1] in readings:
                    for syllable in readings[parts[1]]:
                        if syllable not in readings[parts[0]]:
                            readings[parts[0]].append(syllable)
    header = [
        "Mandarin readings of Han characters (TAB-separated: character, readings separated by spaces,",
        "tone-marked pinyin, kMandarin's first). A Traditional character also gets the readings of its",
        "Simplified form (t2s_chars.tsv, OpenCC, Apache-2.0).",
        f"Source: Unihan_Readings.txt (fields {', '.join(FIELDS)}), Unicode Character Database,",
        f"from Debian package {PACKAGE} {version}.",
        "Licence: Unicode, Inc. License Agreement - Data Files and Software (Unicode Terms of Use,",
        "https://www.unicode.org/copyright.html): free to use, copy and redistribute with this notice.",
        "Copyright (c) 1991-2022 Unicode, Inc. All rights reserved.",
        "Regenerate: make lexicons  (scripts/lexicons/build_unihan.py)",
    ]
    rows = [(c, " ".join(readings[c])) for c in sorted(readings)]
    sources.write_lexicon("unihan_readings.tsv", header, rows)


if __name__ == "__main__":
    main()
