# Newsroom — every set-up step lives here. `make run` and `make test` work on a
# fresh Debian machine with the Swift toolchain: missing Debian packages are
# installed when run as root.

SWIFT ?= swift
DEBIAN_PACKAGES := libncurses-dev libsqlite3-dev pkg-config tmux
export LANG := C.UTF-8

.PHONY: all deps build release run test bench fuzz clean
FUZZ_SECONDS ?= 120

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# libFuzzer over parsing and extraction for FUZZ_SECONDS, seeded with the sample
# corpus; crashing inputs land in .build-fuzz/crashes/.
fuzz: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product newsroom-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	mkdir -p .build-fuzz/corpus .build-fuzz/crashes
	cp Resources/corpus/*.txt .build-fuzz/corpus/ 2>/dev/null || true
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/newsroom-fuzz .build-fuzz/corpus \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
	  -artifact_prefix=.build-fuzz/crashes/

# Benchmarks (issue 5): release build, then one line per figure with its target.
# Generated corpora and archives are cached in .build/bench-data/.
bench: deps
	$(SWIFT) build -c release --product newsroom-bench
	.build/release/newsroom-bench --data .build/bench-data

clean:
	rm -rf .build .build-fuzz
