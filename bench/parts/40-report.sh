# Stage 4, report: MB/s over a large extracted stream, and its peak memory.
# The stream is the pipeline's own output on corpus/ repeated with changed doc
# ids (REPORT_BENCH_MB, default 200). References in the same run: reading the
# lines (wc -l), parsing the records (zhpipe cat) and a Python peer
# (json.loads per line + Counter of entities and their documents).
: "${REPORT_BENCH_MB:=200}"
echo
echo "report (extracted records of corpus/, repeated to ~${REPORT_BENCH_MB} MB)"

# extracted_file MB: the extracted corpus repeated to about MB megabytes, doc ids changed per copy
extracted_file() {
  local mb=$1 file="$BENCH_DIR/extracted-${1}MB.jsonl" seed="$BENCH_DIR/seed-extracted.jsonl"
  if [ ! -s "$file" ] || [ "$file" -ot "$ZHPIPE" ]; then
    "$ZHPIPE" run corpus/*.txt --to extract > "$seed"
    local size; size=$(filesize "$seed")
    local copies=$(( (mb * 1000000 + size - 1) / size ))
    for ((i = 0; i < copies; i++)); do sed "s/\"doc\":\"/\"doc\":\"copy$i-/" "$seed"; done > "$file"
  fi
  echo "$file"
}

big=$(extracted_file "$REPORT_BENCH_MB")
small=$(extracted_file 20)
bytes=$(filesize "$big")
mentions=$(head -c 2000000 "$big" | grep -o '"norm":' | wc -l)
echo "  input: $(( bytes / 1000000 )) MB, $(wc -l < "$big") records (~$mentions entity mentions in its first 2 MB)"

row "wc -l (reading the lines)" "$bytes" "$(time_cmd wc -l "$big")" "reference"
row "zhpipe cat (parsing the records)" "$bytes" "$(time_cmd "$ZHPIPE" cat "$big")" "reference: the record layer alone"
row "zhpipe report (tsv)" "$bytes" "$(time_cmd "$ZHPIPE" report "$big")"
row "zhpipe report --format html" "$bytes" "$(time_cmd "$ZHPIPE" report "$big" --format html)"
row "zhpipe report --partial" "$bytes" "$(time_cmd "$ZHPIPE" report "$big" --partial)"

peer=$(command -v "$PYTHON" || true)
if [ -n "$peer" ]; then
  cat > "$BENCH_DIR/report_peer.py" <<'PY'
import collections, json, sys
mentions, docs = collections.Counter(), collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    for e in r.get("entities") or []:
        k = (e["type"], e.get("norm") or e["text"])
        mentions[k] += 1
        docs[k].add(r.get("doc"))
for (t, n), c in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0])):
    print(t, n, c, len(docs[(t, n)]), sep="\t")
PY
  row "python json + Counter (peer)" "$bytes" "$(time_cmd "$peer" "$BENCH_DIR/report_peer.py" "$big")" "reference: mentions and documents only"
fi

# Peak memory: flat in the input size (distinct entities, not mentions).
if [ -x /usr/bin/time ]; then
  rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ { gsub(/ /, "", $2); printf "%.1f", $2 / 1024 }'; }
  echo "  peak memory (max RSS, /usr/bin/time -v): $(rss "$ZHPIPE" report "$small") MB on 20 MB, $(rss "$ZHPIPE" report "$big") MB on ${REPORT_BENCH_MB} MB"
fi
