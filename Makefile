# zhpipe — build, run each stage over corpus/ into out/, test, bench, eval.
#
#   make            build (release) and run all four stages over corpus/
#   make test       run the test suite
#   make repair | segment | extract | report   re-run one stage from the previous stage's file
#   make bench      MB/s and peak memory per stage and whole pipe on 50 MB, against raw ICU and the Python peers
#   make eval       score the stages on the gold data in ../shared/eval
#   make -j shards  corpus/ in SHARDS shards, merged; checked equal to the single pass
#   make spark      the same through Apache Spark (local mode, RDD.pipe); checked equal too
#   make lexicons   regenerate lexicons/ from their public sources
#   make fuzz       fuzz the record reader with libFuzzer
#   make clean

SHELL        := /bin/bash
.SHELLFLAGS  := -o pipefail -c
SWIFT        ?= swift
CONFIG       ?= release
BUILD_DIR    := .build/$(CONFIG)
ZHPIPE       := $(BUILD_DIR)/zhpipe
OUT          := out
EVAL         ?= ../shared/eval
PYTHON       ?= python3
VENV         := .venv
SOURCES      := Package.swift $(shell find Sources -type f 2>/dev/null)
CORPUS       := $(sort $(wildcard corpus/*.txt corpus/*.jsonl))

# Which lexicon files each stage reads: touching one re-runs only the stages that read it.
REPAIR_LEXICONS  := $(wildcard lexicons/t2s_*.tsv lexicons/repair_*.tsv lexicons/unihan_*.tsv lexicons/char_*.tsv)
SEGMENT_LEXICONS := $(wildcard lexicons/t2s_*.tsv lexicons/words*.tsv lexicons/segment_*.tsv lexicons/gazetteer_*.tsv)
EXTRACT_LEXICONS := $(wildcard lexicons/t2s_*.tsv lexicons/words.tsv lexicons/gazetteer_*.tsv lexicons/extract_*.tsv lexicons/surnames*.tsv lexicons/titles*.tsv lexicons/units*.tsv)

.PHONY: all build test repair segment extract report bench eval lexicons clean icu fuzz browser

all: $(OUT)/report.md $(OUT)/report.tsv $(OUT)/report.html

# ---- build -----------------------------------------------------------------

# ICU comes from the system (Debian: libicu-dev), and so does mimalloc (libmimalloc-dev),
# the allocator zhpipe links (see Package.swift). Install them when we can, else say how.
icu:
	@pkg-config --exists icu-uc icu-i18n 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "ICU not found: installing libicu-dev and pkg-config with apt-get"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config) >/dev/null; \
	  else \
	    echo "ICU not found: install it with 'sudo apt-get install libicu-dev pkg-config' (Debian/Ubuntu) and run make again"; exit 1; \
	  fi; }
	@ldconfig -p 2>/dev/null | grep -q 'libmimalloc\.so ' || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "mimalloc not found: installing libmimalloc-dev with apt-get"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmimalloc-dev) >/dev/null; \
	  else \
	    echo "mimalloc not found: install it with 'sudo apt-get install libmimalloc-dev' (Debian/Ubuntu) and run make again"; exit 1; \
	  fi; }

build: $(ZHPIPE)

$(ZHPIPE): $(SOURCES) | icu
	$(SWIFT) build -c $(CONFIG) --product zhpipe
	@touch $@

# ---- the pipeline over corpus/ ------------------------------------------------

$(OUT):
	@mkdir -p $(OUT)

$(OUT)/repaired.jsonl: $(ZHPIPE) $(CORPUS) $(REPAIR_LEXICONS) | $(OUT)
	$(ZHPIPE) repair $(CORPUS) -o $@

$(OUT)/segmented.jsonl: $(ZHPIPE) $(OUT)/repaired.jsonl $(SEGMENT_LEXICONS)
	$(ZHPIPE) segment $(OUT)/repaired.jsonl -o $@

$(OUT)/extracted.jsonl: $(ZHPIPE) $(OUT)/segmented.jsonl $(EXTRACT_LEXICONS)
	$(ZHPIPE) extract $(OUT)/segmented.jsonl -o $@

$(OUT)/report.%: $(ZHPIPE) $(OUT)/extracted.jsonl
	$(ZHPIPE) report $(OUT)/extracted.jsonl --format $* -o $@

# Re-run one stage alone from the previous stage's file.
repair:
	@rm -f $(OUT)/repaired.jsonl && $(MAKE) --no-print-directory $(OUT)/repaired.jsonl
segment:
	@rm -f $(OUT)/segmented.jsonl && $(MAKE) --no-print-directory $(OUT)/segmented.jsonl
extract:
	@rm -f $(OUT)/extracted.jsonl && $(MAKE) --no-print-directory $(OUT)/extracted.jsonl
report:
	@rm -f $(OUT)/report.md $(OUT)/report.tsv $(OUT)/report.html && $(MAKE) --no-print-directory $(OUT)/report.md $(OUT)/report.tsv $(OUT)/report.html

# ---- tests ---------------------------------------------------------------------

# The end-to-end tests run the release binary; unit tests build in debug.
test: $(ZHPIPE) | browser
	ZHPIPE_BIN=$(abspath $(ZHPIPE)) ZHPIPE_EVAL=$(abspath $(EVAL)) $(SWIFT) test

# The HTML report is tested in a headless chromium (and a CJK font for its screenshot).
# Install them when we can, else say how (the browser tests skip without chromium).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "chromium not found: installing chromium and fonts-wqy-microhei with apt-get (for the HTML report tests)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei) >/dev/null || echo "chromium could not be installed: the browser tests will skip"; \
	  else \
	    echo "chromium not found: the HTML report's browser tests will skip; install it with 'sudo apt-get install chromium fonts-wqy-microhei'"; \
	  fi; }

# ---- scale: shards and Spark ----------------------------------------------------------

# make -j shards SHARDS=4: corpus/ split into SHARDS shards of whole files (round robin,
# in the order of CORPUS); each shard runs the four stages into partial counts as a target
# of its own, so make -j runs the shards in parallel; `zhpipe merge` joins the counts, and
# the merged reports must equal out/report.* from the single pass, byte for byte.
SHARDS           ?= 4
SHARD_DIR        := $(OUT)/shards/$(SHARDS)
SHARD_COUNTS     := $(foreach k,$(shell seq 1 $(SHARDS)),$(SHARD_DIR)/$(k).counts)
SHARD_FORMATS    := md tsv json html
SPARK_PARTITIONS ?= 4

.PHONY: shards spark

shards: $(foreach f,$(SHARD_FORMATS),$(SHARD_DIR)/report.$(f) $(OUT)/report.$(f))
	@for f in $(SHARD_FORMATS); do \
	  cmp $(SHARD_DIR)/report.$$f $(OUT)/report.$$f || { echo "shards: report.$$f from $(SHARDS) shards differs from the single pass"; exit 1; }; \
	done
	@echo "shards: the merged reports of $(SHARDS) shards ($(SHARD_FORMATS)) are identical to the single pass ($(OUT)/report.*)"

# Lists and counts are kept (not deleted as intermediate files), so a rerun rebuilds nothing.
.SECONDARY: $(SHARD_COUNTS) $(SHARD_COUNTS:.counts=.list)

$(SHARD_DIR)/%.list: $(CORPUS)
	@mkdir -p $(@D)
	@printf '%s\n' $(CORPUS) | awk -v k=$* -v n=$(SHARDS) '(NR - 1) % n == k - 1' > $@

# An empty shard (more shards than files) has nothing to count: its counts file stays empty.
$(SHARD_DIR)/%.counts: $(SHARD_DIR)/%.list $(ZHPIPE) $(REPAIR_LEXICONS) $(SEGMENT_LEXICONS) $(EXTRACT_LEXICONS)
	@if [ -s $< ]; then \
	  echo "shard $*/$(SHARDS): $$(wc -l < $<) file(s)"; \
	  $(ZHPIPE) repair --files-from $< | $(ZHPIPE) segment | $(ZHPIPE) extract | $(ZHPIPE) report --partial -o $@.tmp && mv $@.tmp $@; \
	else : > $@; fi

$(SHARD_DIR)/report.%: $(SHARD_COUNTS)
	@echo "zhpipe merge $(SHARD_DIR)/*.counts --format $* -o $@"
	@$(ZHPIPE) merge --format $* -o $@ $$(for c in $(SHARD_COUNTS); do [ -s $$c ] && echo $$c; done)

# make spark: the same pipe on Apache Spark in local mode through RDD.pipe (scripts/spark/run.sh
# sets up Java and .venv-spark with pyspark), merged and compared with the single-process report.
spark: $(ZHPIPE)
	ZHPIPE=$(ZHPIPE) PYTHON=$(PYTHON) SPARK_PARTITIONS=$(SPARK_PARTITIONS) scripts/spark/run.sh

# ---- measurement -------------------------------------------------------------------

# ~10-15 min on 2 cores; knobs (environment): BENCH_RUNS=3 BENCH_MB=50 BENCH_SMALL_MB=10 BENCH_JOBS=nproc.
# Fails when a command fails or -j 1 and -j N outputs differ; goals print PASS/MISS.
bench: $(ZHPIPE)
	ZHPIPE=$(ZHPIPE) PYTHON=$(PYTHON) VENV=$(VENV) EVAL=$(EVAL) bench/run.sh

eval: $(ZHPIPE)
	@if [ ! -d $(EVAL) ]; then echo "eval: $(EVAL) not found (the gold data lives outside the project); nothing to score"; exit 0; fi
	ZHPIPE=$(ZHPIPE) EVAL=$(EVAL) bench/eval.sh

# Coverage-guided fuzzing of the record reader with libFuzzer (FUZZ_SECONDS each run).
FUZZ_SECONDS ?= 60
fuzz: | icu
	@mkdir -p bench/bin $(OUT)/fuzz-corpus
	swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Records \
	  bench/fuzz/RecordFuzzer.swift $(shell find Sources/Records -name '*.swift') -o bench/bin/fuzz-records
	bench/bin/fuzz-records -max_total_time=$(FUZZ_SECONDS) -max_len=4096 $(OUT)/fuzz-corpus

lexicons:
	@for script in scripts/lexicons/build_*.py; do echo "== $$script"; $(PYTHON) $$script || exit 1; done

clean:
	rm -rf $(OUT) .build bench/bin
