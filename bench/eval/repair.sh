# Stage 1, repair: corpus counts, clean text left alone, synthetic damage
# undone, ftfy's CJK cases, codec mix-ups, and script normalisation.
echo
"$ZHPIPE" eval repair --eval "$EVAL" corpus/*.txt
