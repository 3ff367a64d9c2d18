# Stage 2, segment: word P/R/F1 (SIGHAN scoring) on the SIGHAN 2005 PKU test and the UD
# Chinese GSD test sets (Simplified and Traditional), for zhpipe, raw ICU word breaks (the
# same binary, --raw-icu) and jieba's default mode when the peers' .venv has jieba, all in
# this run and scored by the same scorer. OOV = not in lexicons/words.tsv, punctuation aside (every row).
# Also the PKU test converted to Taiwan and Hong Kong Traditional script (see below).
# zhpipe segments by each gold's standard (`eval segment` picks --convention ud for a
# UD treebank, pku for SIGHAN); on the UD sets a second row shows the default (pku) words.
echo
echo "segment: word segmentation (OOV: gold words not in lexicons/words.tsv, punctuation aside)"
source bench/lib.sh > /dev/null 2>&1 || true
seg_peer=$(peers_python 2>/dev/null || true)
seg_sets=(
  "PKU (SIGHAN 2005)|$EVAL/sighan2005/pku_test_gold.utf8|sighan"
  "UD GSDSimp test|$EVAL/ud_chinese_gsd/zh_gsdsimp-ud-test.conllu|conllu"
  "UD GSD test (Traditional)|$EVAL/ud_chinese_gsd/zh_gsd-ud-test.conllu|conllu"
)
# Traditional-script robustness: the PKU gold converted word by word with OpenCC
# (s2twp: Taiwan characters and vocabulary; s2hk: Hong Kong characters), when the
# peers' .venv has OpenCC. Made here in out/bench at evaluation time, never kept in
# the project; a word whose conversion changes its length stays as it was.
if [ -n "$seg_peer" ] && [ -f "$EVAL/sighan2005/pku_test_gold.utf8" ]; then
  mkdir -p out/bench
  for conv in s2twp s2hk; do
    "$seg_peer" - "$EVAL/sighan2005/pku_test_gold.utf8" "$conv" "out/bench/pku_test_gold.$conv.utf8" <<'PY' || continue
import sys
from opencc import OpenCC
gold, config, out = sys.argv[1], sys.argv[2], sys.argv[3]
cc, seen = OpenCC(config), {}
with open(out, "w", encoding="utf-8") as f:
    for line in open(gold, encoding="utf-8-sig"):
        words = []
        for w in line.split():
            if w not in seen:
                c = cc.convert(w)
                seen[w] = c if len(c) == len(w) else w
            words.append(seen[w])
        f.write("  ".join(words) + "\n")
PY
    seg_sets+=("PKU as Traditional ($conv)|out/bench/pku_test_gold.$conv.utf8|sighan")
  done
fi
printf "  %-28s %-12s %7s %7s %7s %7s\n" "test set" "segmenter" "P" "R" "F1" "OOV-R"
seg_row() {  # seg_row SET NAME TSV-LINE
  echo "$3" | awk -F'\t' -v set="$1" -v name="$2" '{ printf "  %-28s %-12s %7s %7s %7s %7s\n", set, name, $2, $3, $4, $5 }'
}
for entry in "${seg_sets[@]}"; do
  IFS='|' read -r set gold format <<< "$entry"
  if [ ! -f "$gold" ]; then
    echo "  $set: $gold not found, skipped"
    continue
  fi
  if [ "$format" = conllu ]; then
    seg_row "$set" "zhpipe (ud)" "$("$ZHPIPE" eval segment --gold "$gold" --format "$format" --tsv --convention ud)"
    seg_row "$set" "zhpipe (pku)" "$("$ZHPIPE" eval segment --gold "$gold" --format "$format" --tsv --convention pku)"
  else
    seg_row "$set" "zhpipe" "$("$ZHPIPE" eval segment --gold "$gold" --format "$format" --tsv)"
  fi
  seg_row "$set" "raw ICU" "$("$ZHPIPE" eval segment --gold "$gold" --format "$format" --tsv --raw-icu)"
  if [ -n "$seg_peer" ]; then
    jieba_out="out/bench/segment-jieba-$(basename "$gold").txt"
    mkdir -p out/bench
    "$seg_peer" - "$gold" "$format" "$jieba_out" <<'PY'
import sys, jieba
jieba.setLogLevel(60)
gold, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
raws = []
if fmt == "sighan":
    for line in open(gold, encoding="utf-8-sig"):
        raws.append("".join(line.split()))
else:
    words, text = [], None
    for line in open(gold, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words: raws.append(text if text is not None else "".join(words))
            words, text = [], None
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]: words.append(cols[1])
    if words: raws.append(text if text is not None else "".join(words))
with open(out, "w", encoding="utf-8") as f:
    for raw in raws:
        f.write("  ".join(w for w in jieba.cut(raw) if w.strip()) + "\n")
PY
    seg_row "$set" "jieba" "$("$ZHPIPE" eval segment --gold "$gold" --format "$format" --test "$jieba_out" --tsv)"
  fi
done
[ -n "$seg_peer" ] || echo "  (jieba rows skipped: no Python peers in .venv)"
