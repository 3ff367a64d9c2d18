"""Build lexicons/segment_classifiers.tsv: Chinese measure words (classifiers).

The segmenter splits a numeral from the measure word after it (三 个, 1836 個,
14.5万 元), as the PKU, CTB and UD Chinese standards do, and so drops from its
word lexicon the numeral+measure compounds a general dictionary lists (三个,
两年, 一次). This list says which characters are measure words.

Source: written for this project from general Chinese grammar (the common
individual, collective, verbal and unit measure words); no corpus or test set
was consulted. Released with zhpipe. Characters that also make lexicalised
words after a numeral (些 in 一些, 下 in 一下, 起 in 一起, 点 in 一点, 分 in
十分, 切 in 一切) are deliberately not in the list.

Regenerate: make lexicons (or python3 scripts/lexicons/build_segment_classifiers.py).
"""
import sources

# (measure word, kind): individual, collective, verbal (event counts), unit, time.
CLASSIFIERS = [
    ("个", "individual"), ("位", "individual"), ("名", "individual"), ("只", "individual"),
    ("支", "individual"), ("张", "individual"), ("本", "individual"), ("块", "individual"),
    ("辆", "individual"), ("架", "individual"), ("艘", "individual"), ("座", "individual"),
    ("所", "individual"), ("间", "individual"), ("家", "individual"), ("户", "individual"),
    ("口", "individual"), ("头", "individual"), ("匹", "individual"), ("根", "individual"),
    ("棵", "individual"), ("株", "individual"), ("颗", "individual"), ("粒", "individual"),
    ("片", "individual"), ("篇", "individual"), ("首", "individual"), ("部", "individual"),
    ("封", "individual"), ("件", "individual"), ("条", "individual"), ("项", "individual"),
    ("种", "individual"), ("类", "individual"), ("届", "individual"), ("台", "individual"),
    ("幅", "individual"), ("枚", "individual"), ("盏", "individual"), ("把", "individual"),
    ("顶", "individual"), ("扇", "individual"), ("面", "individual"), ("册", "individual"),
    ("章", "individual"), ("页", "individual"), ("层", "individual"), ("级", "individual"),
    ("栋", "individual"), ("幢", "individual"), ("座", "individual"), ("处", "individual"),
    ("批", "collective"), ("套", "collective"), ("份", "collective"), ("对", "collective"),
    ("双", "collective"), ("副", "collective"), ("组", "collective"), ("群", "collective"),
    ("笔", "collective"), ("段", "collective"), ("场", "collective"), ("排", "collective"),
    ("次", "verbal"), ("回", "verbal"), ("遍", "verbal"), ("趟", "verbal"), ("顿", "verbal"),
    ("番", "verbal"), ("阵", "verbal"), ("轮", "verbal"), ("倍", "verbal"),
    ("元", "unit"), ("角", "unit"), ("米", "unit"), ("吨", "unit"), ("亩", "unit"),
    ("斤", "unit"), ("升", "unit"), ("克", "unit"), ("里", "unit"), ("尺", "unit"),
    ("寸", "unit"), ("度", "unit"), ("岁", "unit"), ("年", "time"), ("天", "time"),
    ("周", "time"), ("夜", "time"), ("月", "time"),
]


def main():
    seen = set()
    rows = []
    for word, kind in CLASSIFIERS:
        if word in seen:
            continue
        seen.add(word)
        rows.append((word, kind))
    rows.sort()
    header = [
        "Chinese measure words (classifiers): a numeral and the measure word after it are two tokens",
        "(TAB-separated: measure word, kind: individual, collective, verbal, unit, time).",
        "Source: written for zhpipe from general Chinese grammar (no corpus or test set consulted); zhpipe's licence.",
        "Regenerate: make lexicons  (scripts/lexicons/build_segment_classifiers.py)",
    ]
    sources.write_lexicon("segment_classifiers.tsv", header, rows)


if __name__ == "__main__":
    main()
