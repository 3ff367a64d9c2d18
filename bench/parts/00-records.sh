# The record layer alone: a pass-through of a ~100 MB JSON-lines file through
# `zhpipe cat` (parse, validate, write), on one core. Goal: >= 150 MB/s, with
# peak memory flat (independent of the input's size).
echo
echo "records (pass-through of a 100 MB JSON-lines file)"
data=$(records_file 100)
bytes=$(filesize "$data")
row "cat(1) (reference: reading the file)" "$bytes" "$(time_cmd cat "$data")"
row "zhpipe cat (1 core)" "$bytes" "$(time_cmd "$ZHPIPE" cat "$data")"
row "zhpipe cat -j 2" "$bytes" "$(time_cmd "$ZHPIPE" cat -j 2 "$data")"
if command -v jq >/dev/null; then
  row "jq -c . (reference)" "$bytes" "$(time_cmd jq -c . "$data")"
fi
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -f %M "$ZHPIPE" cat "$data" 2>&1 >/dev/null | tail -1)
  printf "  %-44s %8s MB    (input %d MB)\n" "zhpipe cat peak memory (RSS)" "$((peak / 1024))" "$((bytes / 1000000))"
fi
