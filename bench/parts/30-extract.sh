# Stage 3, extract: MB/s of records (repaired paragraphs) through `zhpipe extract` on one
# core, and with -j 2; references in the same run: jieba.posseg (the POS tagger whose
# nr/ns/nt tags are the usual rule-free NER baseline) and cn2an.transform (number
# conversion) over the same paragraphs, when the peers' .venv can be set up. Goal: >= 10 MB/s.
echo
echo "extract (records in, entities and numbers out)"
data=$(records_file 20)
bytes=$(filesize "$data")
"$ZHPIPE" extract "$data" > /dev/null  # warm the page cache and the lexicons
row "zhpipe extract (1 core)" "$bytes" "$(time_cmd "$ZHPIPE" extract -j 1 "$data")"
row "zhpipe extract -j 2" "$bytes" "$(time_cmd "$ZHPIPE" extract -j 2 "$data")"
start=$(now); "$ZHPIPE" extract --help > /dev/null; "$ZHPIPE" extract < /dev/null > /dev/null; end=$(now)
printf "  %-44s %8.2f s\n" "zhpipe extract start-up (lexicon load)" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
peer=$(peers_python)
if [ -n "$peer" ]; then
  text="$BENCH_DIR/extract-text-300KB.txt"
  if [ ! -s "$text" ]; then
    "$PYTHON" -c 'import json,sys
out=open(sys.argv[2],"w",encoding="utf-8"); n=0
for line in open(sys.argv[1],encoding="utf-8"):
    t=json.loads(line)["text"]; out.write(t+"\n"); n+=len(t.encode())
    if n>300_000: break' "$data" "$text"
  fi
  tbytes=$(filesize "$text")
  secs=$(time_cmd "$peer" bench/peers/jieba_ner.py tag "$text")
  row "jieba.posseg (reference, text only)" "$tbytes" "$secs" "($(awk -v b="$tbytes" -v s="$secs" 'BEGIN { printf "%.0f KB/s", b / 1000 / s }'))"
  if "$peer" -c "import cn2an" 2>/dev/null; then
    row "cn2an.transform (reference, text only)" "$tbytes" "$(time_cmd "$peer" -W ignore bench/peers/jieba_ner.py cn2an "$text")"
  fi
else
  echo "  (peers not available: no jieba / cn2an reference in this run)"
fi
