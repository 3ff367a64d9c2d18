"""Build the place-name gazetteers extract (and segment) read.

lexicons/gazetteer_divisions.tsv
    China's administrative divisions down to county level (GB/T 2260 codes),
    from the cpca package's adcodes.csv (MIT), with short forms as aliases
    (太原 for 太原市, 广西 for 广西壮族自治区, 延边 for 延边朝鲜族自治州).
lexicons/gazetteer_world.tsv
    Countries, territories and world regions, and the cities CLDR names as
    time-zone exemplars, in Chinese, from the Unicode CLDR data that the
    babel package ships (BSD-3-Clause for babel, Unicode licence for CLDR).

Columns: word, type (LOC), level, parent (canonical name of the unit above,
'-' for none), code (GB/T 2260 six digits / ISO 3166 / UN M49 / time zone),
canonical full name (the word itself for a full form, the full name for an
alias). Run by `make lexicons`.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

CPCA_VERSION = "0.5.5"
BABEL_VERSION = "2.18.0"

# Placeholders in the code table that are not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Endings of division names, longest first: stripping one gives the short form.
ENDINGS = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区",
           "省", "市", "盟", "县", "区", "旗"]


def ethnic_names(root):
    """The 56 ethnic groups' names (used to strip 壮族 from 广西壮族自治区)."""
    path = sources.find(root, "56_nations.csv")
    names = [line.strip() for line in open(path, encoding="utf-8") if line.strip()]
    # Also the forms without 族 as written inside compound names (土家族苗族 -> 土家, 苗).
    return sorted(set(names), key=len, reverse=True)


def short_form(name, ethnic):
    """The usual short form of a division name, or None when it would be one character."""
    for ending in ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            stem = name[: -len(ending)]
            if ending.startswith("自治"):
                # Strip trailing ethnic-group names: 延边朝鲜族 -> 延边, 恩施土家族苗族 -> 恩施.
                changed = True
                while changed:
                    changed = False
                    for e in ethnic:
                        if stem.endswith(e) and len(stem) > len(e):
                            stem = stem[: -len(e)]
                            changed = True
                        elif stem.endswith(e[:-1]) and e.endswith("族") and len(stem) > len(e) - 1 and len(e) > 3:
                            stem = stem[: -(len(e) - 1)]
                            changed = True
            return stem if len(stem) >= 2 else None
    return None


def divisions():
    root = sources.pypi("cpca", CPCA_VERSION)
    ethnic = ethnic_names(root)
    table = {}
    with open(sources.find(root, "adcodes.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            if row["name"] not in PLACEHOLDERS:
                table[code] = row["name"]
    rows = []
    for code in sorted(table):
        name = table[code]
        if code[2:] == "0000":
            level, parent = "province", "-"
        elif code[4:] == "00":
            level, parent = "prefecture", table.get(code[:2] + "0000", "-")
        else:
            level = "county"
            parent = table.get(code[:4] + "00") or table.get(code[:2] + "0000", "-")
        rows.append((name, "LOC", level, parent, code, name))
        short = short_form(name, ethnic)
        if short and short != name:
            rows.append((short, "LOC", level, parent, code, name))
    rows.sort(key=lambda r: (r[0], r[4], r[5]))
    header = [
        "China's administrative divisions (province, prefecture, county) with GB/T 2260 codes,",
        "plus their short forms (太原 for 太原市) as alias rows whose last column names the full form.",
        "Columns: word, type, level, parent (canonical name), code, canonical name.",
        f"Source: PyPI cpca=={CPCA_VERSION} (github.com/DQinYuan/chinese_province_city_area_mapper),",
        "  cpca/resources/adcodes.csv (2020 codes) and 56_nations.csv; licence MIT (c) 2018 QinYuan Du.",
        "Regenerate: make lexicons  (scripts/lexicons/build_gazetteer.py)",
    ]
    sources.write_lexicon("gazetteer_divisions.tsv", header, rows)


def world():
    root = sources.pypi("babel", BABEL_VERSION)
    sys.path.insert(0, root)
    from babel import Locale  # noqa: E402

    zh = Locale.parse("zh")
    rows = {}
    for code, name in sorted(zh.territories.items()):
        if code in ("ZZ", "CN", "TW", "HK", "MO", "001", "QO", "EU", "EZ", "UN"):
            # Unknown region, China and its parts (in gazetteer_divisions), and unions (not places).
            if code not in ("CN", "HK", "MO", "TW"):
                continue
        level = "region" if code.isdigit() else "country"
        for word in {name, name.split("（")[0]}:
            if len(word) >= 2:
                rows[(word, level, code)] = (word, "LOC", level, "-", code, name)
    for zone, info in sorted(zh.time_zones.items()):
        city = info.get("city") if hasattr(info, "get") else None
        if not city or len(city) < 2 or zone.startswith(("Etc/", "Antarctica/")):
            continue
        rows[(city, "city", zone)] = (city, "LOC", "city", "-", zone, city)
    ordered = sorted(rows.values(), key=lambda r: (r[0], r[2], r[4]))
    header = [
        "Countries, territories, world regions and major world cities in Chinese.",
        "Columns: word, type, level (country | region | city), parent, code (ISO 3166 / UN M49 / time zone), canonical name.",
        f"Source: Unicode CLDR territory names and time-zone exemplar cities (locale zh) as shipped in PyPI babel=={BABEL_VERSION};",
        "  CLDR under the Unicode License v3, babel under BSD-3-Clause.",
        "Regenerate: make lexicons  (scripts/lexicons/build_gazetteer.py)",
    ]
    sources.write_lexicon("gazetteer_world.tsv", header, ordered)


if __name__ == "__main__":
    divisions()
    world()
