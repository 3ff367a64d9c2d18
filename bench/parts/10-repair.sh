# Stage 1, repair: MB/s, one core, against references in the same run:
# ICU's Traditional-Simplified transliterator (uconv), and OpenCC (t2s) and
# ftfy from the peers' .venv when it can be set up.
#
# Clean text (the goal: >= 20 MB/s with every pass and the normalised form)
# is made at bench time, into out/bench, from the clean texts of the gold
# data folder (SIGHAN PKU test text and UD GSD sentences in 20-line
# documents, and the chardet pages decoded with their own codec, one
# document each), repeated to 20 MB; without the gold data folder it is the
# seed reports after repair. Also timed: the seed reports after repair
# (web text with the damage repair could only flag left in it) and the raw
# damaged seed reports.
echo
echo "repair (1 core)"
: "${EVAL:=../shared/eval}"
repair_seed_jsonl() {
  local mb=$1 file="$BENCH_DIR/repair-seed-${1}MB.jsonl"
  if [ ! -s "$file" ]; then
    "$ZHPIPE" repair corpus/*.txt > "$BENCH_DIR/repair-seed.jsonl"
    "$PYTHON" - "$BENCH_DIR/repair-seed.jsonl" "$file" "$mb" <<'PY'
import json, sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = [json.loads(l)["text"] for l in open(src, encoding="utf-8")]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as o:
    while size < mb * 1_000_000:
        block = "\n".join(paras[j % len(paras)] for j in range(i, i + 20))
        line = json.dumps({"doc": f"d{i}", "text": block}, ensure_ascii=False) + "\n"
        o.write(line)
        size += len(line.encode("utf-8")); i += 20
PY
  fi
  echo "$file"
}
repair_clean_jsonl() {
  local mb=$1 file="$BENCH_DIR/repair-clean-eval-${1}MB.jsonl"
  if [ ! -d "$EVAL/sighan2005" ]; then repair_seed_jsonl "$mb"; return; fi
  if [ ! -s "$file" ]; then
    "$PYTHON" - "$EVAL" "$file" "$mb" <<'PY'
import json, os, sys
ev, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
def chunks(lines, name):
    for i in range(0, len(lines), 20):
        docs.append((name, "\n".join(lines[i:i + 20])))
chunks(open(f"{ev}/sighan2005/pku_test.utf8", encoding="utf-8").read().split("\n"), "pku")
for f in ("zh_gsd-ud-test.conllu", "zh_gsdsimp-ud-test.conllu"):
    p = f"{ev}/ud_chinese_gsd/{f}"
    if os.path.exists(p):
        chunks([l[9:] for l in open(p, encoding="utf-8").read().split("\n") if l.startswith("# text = ")], "gsd")
for folder, codec in (("GB2312", "gb18030"), ("Big5", "big5hkscs")):
    d = f"{ev}/chardet_chinese_encoded/{folder}"
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        docs.append((folder, open(os.path.join(d, name), "rb").read().decode(codec, errors="replace")))
size, i = 0, 0
with open(out, "w", encoding="utf-8") as o:
    while size < mb * 1_000_000:
        name, text = docs[i % len(docs)]
        line = json.dumps({"doc": f"{name}-{i}", "text": text}, ensure_ascii=False) + "\n"
        o.write(line)
        size += len(line.encode("utf-8")); i += 1
PY
  fi
  echo "$file"
}
clean=$(repair_clean_jsonl 20)
bytes=$(filesize "$clean")
secs=$(time_cmd "$ZHPIPE" repair --normalized -j 1 "$clean")
row "zhpipe repair --normalized (clean text)" "$bytes" "$secs" "(goal >= 20)"
secs=$(time_cmd "$ZHPIPE" repair -j 1 "$clean")
row "zhpipe repair (clean text)" "$bytes" "$secs"
secs=$(time_cmd "$ZHPIPE" repair --normalized --passes mojibake -j 1 "$clean")
row "  decoding + mojibake + records + norm only" "$bytes" "$secs" "(--passes mojibake)"
seed=$(repair_seed_jsonl 20)
sbytes=$(filesize "$seed")
secs=$(time_cmd "$ZHPIPE" repair --normalized -j 1 "$seed")
row "zhpipe repair --normalized (seeds, repaired)" "$sbytes" "$secs" "(web text, flagged damage left)"
# Damaged text: the raw seed reports, repeated.
damaged="$BENCH_DIR/repair-damaged"
if [ ! -d "$damaged" ]; then
  mkdir -p "$damaged"
  for i in $(seq 1 40); do for f in corpus/*.txt; do cp "$f" "$damaged/$i-$(basename "$f")"; done; done
fi
dbytes=$(cat "$damaged"/*.txt | wc -c)
secs=$(time_cmd "$ZHPIPE" repair -j 1 "$damaged"/*.txt)
row "zhpipe repair (damaged seed reports)" "$dbytes" "$secs"
# The references run over the same clean text, as plain text.
clean_txt="${clean%.jsonl}.txt"
[ -s "$clean_txt" ] || "$PYTHON" -c "import json,sys; o=open(sys.argv[2],'w',encoding='utf-8'); [o.write(json.loads(l)['text']+'\n') for l in open(sys.argv[1],encoding='utf-8')]" "$clean" "$clean_txt"
tbytes=$(filesize "$clean_txt")
if command -v uconv >/dev/null; then
  secs=$(time_cmd uconv -f utf-8 -t utf-8 -x Traditional-Simplified "$clean_txt")
  row "reference: uconv -x Traditional-Simplified" "$tbytes" "$secs" "(ICU transliterator alone)"
fi
py=$(peers_python)
if [ -n "$py" ]; then
  secs=$(time_cmd "$py" -c "import opencc,sys; c=opencc.OpenCC('t2s'); [c.convert(l) for l in open(sys.argv[1], encoding='utf-8')]" "$clean_txt")
  row "reference: OpenCC t2s (python)" "$tbytes" "$secs"
  secs=$(time_cmd "$py" -c "import ftfy,sys; [ftfy.fix_text(l) for l in open(sys.argv[1], encoding='utf-8')]" "$clean_txt")
  row "reference: ftfy.fix_text (python)" "$tbytes" "$secs"
else
  echo "  (OpenCC / ftfy references skipped: no Python peers in $VENV)"
fi
