# Newsroom — every set-up step lives here. `make run` and `make test` work on a
# fresh Debian machine with the Swift toolchain: missing Debian packages are
# installed when run as root.

SWIFT ?= swift
DEBIAN_PACKAGES := libncurses-dev libsqlite3-dev libxml2 libcurl4 pkg-config tmux libpq-dev postgresql
export LANG := C.UTF-8

.PHONY: all deps build release run test bench bench-1m fuzz clean
FUZZ_SECONDS ?= 120
FUZZ_DICT := '"\xE2\x80\x9C"' '"\xE2\x80\x9D"' '"\xE2\x80\x98"' '"\xE2\x80\x99"' '"\xC2\xAB"' '"\xC2\xBB"' \
  '"\xE2\x80\x9E"' '"\x22"' '"\x27"' '"\x0A\x0A"' '"\x0D\x0A"' '"\x0D"' '"\xE2\x80\x94"' \
  '"said"' '"says"' '"told"' '"according to"' '"By "' '"(Reuters) - "' '"(Reporting by "' '"Editing by"' \
  '"Mr. "' '"Dr. "' '"President "' '"he said"' '"she said"' '"\x1B[2J"' '"\xCC\x81"' '"\xF0\x9F\x9A\xA2"' \
  '"<p>"' '"</p>"' '"<![CDATA["' '"]]>"' '"&amp;"' '"&\x238220;"' '"<!ENTITY"' '"<item>"' '"<entry>"' '"encoding="' '"{\"uri\":"'

all: build

# Install what is missing (as root), or say exactly what to install.
deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages:$$missing — run 'sudo make deps' or install them"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Opens the reader on the bundled sample corpus.
run: build
	.build/debug/newsroom browse Resources/corpus

# The archive tests run on SQLite and on a throwaway PostgreSQL cluster that
# Tests/with-postgres starts (Unix socket in a fresh /tmp folder; as root it runs
# as the system user newsroom-pg) and stops at the end, even when tests fail.
test: deps
	$(SWIFT) build --build-tests
	Tests/with-postgres $(SWIFT) test --skip-build

# libFuzzer over parsing and extraction for FUZZ_SECONDS, seeded with the sample
# corpus; crashing inputs land in .build-fuzz/crashes/.
fuzz: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product newsroom-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	mkdir -p .build-fuzz/corpus .build-fuzz/crashes
	cp Resources/corpus/*.txt Resources/formats/bergen_pilots.* .build-fuzz/corpus/ 2>/dev/null || true
	@# A dictionary of what the parser and extractor key on (quote marks in
	@# UTF-8, cue words, byline and dateline shapes), so mutations hit them.
	@printf '%s\n' $(FUZZ_DICT) > .build-fuzz/newsroom.dict
	@# Foundation's XMLParser leaks the CFError it makes of each libxml2 error
	@# (swift-corelibs-foundation, not Newsroom): that one leak is suppressed.
	@printf 'leak:_CFErrorCreateFromXMLInterface\n' > .build-fuzz/lsan.supp
	SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=.build-fuzz/lsan.supp \
	  .build-fuzz/release/newsroom-fuzz .build-fuzz/corpus \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
	  -dict=.build-fuzz/newsroom.dict -artifact_prefix=.build-fuzz/crashes/

# Benchmarks (issue 5): release build, then one line per figure with its target.
# Generated corpora and archives are cached in .build/bench-data/.
# PG=postgresql://… adds the PostgreSQL figures on that (empty) database;
# PG=throwaway runs them on a throwaway cluster (Tests/with-postgres).
# BENCH_FLAGS go to newsroom-bench: `make bench PG=throwaway BENCH_FLAGS=--pg-only`
# gives only the PostgreSQL figures at 100,000 stories.
PG ?=
BENCH_FLAGS ?=
bench: deps
	$(SWIFT) build -c release --product newsroom-bench
ifeq ($(PG),throwaway)
	Tests/with-postgres sh -c '.build/release/newsroom-bench --data .build/bench-data --pg "$$NEWSROOM_TEST_PG" $(BENCH_FLAGS)'
else
	.build/release/newsroom-bench --data .build/bench-data $(if $(PG),--pg '$(PG)') $(BENCH_FLAGS)
endif

# The reader on a 1,000,000-story archive (issue 15): the corpus (4.5 GB) and
# the archives are built once into .build/bench-data and reused after, then
# the reader figures and peak RSS at 1,000 / 10,000 / 100,000 / 1,000,000.
# Not part of `make bench` or `make test`: the first run takes long.
# BENCH_1M_STORIES=20000 makes it smaller (archives of 1,000, 10,000, 20,000).
BENCH_1M_STORIES ?= 1000000
bench-1m: deps
	$(SWIFT) build -c release --product newsroom-bench
	.build/release/newsroom-bench --data .build/bench-data --stories $(BENCH_1M_STORIES) --phases reader

clean:
	rm -rf .build .build-fuzz
