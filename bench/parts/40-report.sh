# Stage 4, report: the extracted corpus into the TSV report on one core and
# all cores, the HTML report and mergeable partial counts; references: wc -l
# (reading the lines) and a Python peer (json.loads per line and a Counter of
# entities and their documents).
echo
table_header "report (extracted corpus)"
ebytes=$(filesize "$EXTRACTED")
mentions=$(head -c 2000000 "$EXTRACTED" | grep -o '"norm":' | wc -l || true)
measure report_j1 "zhpipe report -j 1 (tsv)" "$ebytes" "$TEXT_BYTES" "~$mentions mentions in the first 2 MB" \
  "$ZHPIPE" report -j 1 "$EXTRACTED" -o "$BENCH_DIR/report.j1.tsv"
measure report_jn "zhpipe report -j $BENCH_JOBS (tsv)" "$ebytes" "$TEXT_BYTES" "" \
  "$ZHPIPE" report -j "$BENCH_JOBS" "$EXTRACTED" -o "$BENCH_DIR/report.jn.tsv"
same_output "report -j 1 = -j $BENCH_JOBS" "$BENCH_DIR/report.j1.tsv" "$BENCH_DIR/report.jn.tsv"
MEASURE_RUNS=1 measure report_html "zhpipe report --format html" "$ebytes" "$TEXT_BYTES" "1 run" "$ZHPIPE" report "$EXTRACTED" --format html
MEASURE_RUNS=1 measure report_partial "zhpipe report --partial" "$ebytes" "$TEXT_BYTES" "1 run" "$ZHPIPE" report "$EXTRACTED" --partial
MEASURE_RUNS=1 measure wc "wc -l (reading the lines)" "$ebytes" "$TEXT_BYTES" "reference, 1 run" wc -l "$EXTRACTED"
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
MEASURE_RUNS=1 measure report_py "python json + Counter (peer)" "$ebytes" "$TEXT_BYTES" "reference, 1 run" "$PYTHON" "$BENCH_DIR/report_peer.py" "$EXTRACTED"
