# Stage 3, extract: entities (PER/LOC/ORG exact-span P/R/F1) on the MSRA NER test set,
# with jieba's POS-tag baseline (nr -> PER, ns -> LOC, nt -> ORG) in the same run when
# the peers' .venv has jieba; numbers on the cn2an and JioNLP money cases.
echo
echo "extract: entities"
if [ -f "$EVAL/msra_ner/msra_test_bio.txt" ]; then
  "$ZHPIPE" eval entities --gold "$EVAL/msra_ner/msra_test_bio.txt" --label "MSRA test (zhpipe)"
  source bench/lib.sh >/dev/null 2>&1 || true
  peer=$(peers_python 2>/dev/null || true)
  if [ -n "$peer" ]; then
    echo "entities MSRA test (jieba.posseg baseline: nr/ns/nt)"
    "$peer" bench/peers/jieba_ner.py eval "$EVAL/msra_ner/msra_test_bio.txt"
  else
    echo "  (jieba not available: no baseline in this run)"
  fi
else
  echo "  $EVAL/msra_ner not found: skipped"
fi
echo
echo "extract: numbers"
if [ -d "$EVAL/cn2an_tests" ] && [ -d "$EVAL/jionlp_money_tests" ]; then
  "$ZHPIPE" eval numbers --eval "$EVAL"
else
  echo "  $EVAL/cn2an_tests or jionlp_money_tests not found: skipped"
fi
