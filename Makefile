# referral-report: the two commands a newcomer needs are `make report` and `make test`.
SWIFT      ?= swift
BIN        := .build/debug/referral-report
RELEASE    := .build/release/referral-report
CONFIG     ?= referral-report.toml
## Release binaries carry the Swift runtime and Foundation inside: no dynamic linking of them at
## every start (about 10 ms and 6 MB less per run; the nightly job and the benchmark use it).
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib
SIZES      ?= 1000000,3000000

.PHONY: deps build report test lint format screenshots nightly install bench fuzz clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

## The main job on SampleData: writes Reports/<period>/ (committed; the tests check it is current).
report: build
	$(BIN) run --config $(CONFIG)

## Every test: unit, golden reports, CLI exit codes, csv-spectrum, the HTML report in the Nu
## HTML Checker and in headless Chromium (installed when missing).
test: deps lint
	@scripts/ensure-test-tools.sh
	$(SWIFT) build
	REFERRAL_REPORT_BROWSER_TESTS=1 $(SWIFT) test

## The checked-in .swift-format, as swift-format (shipped with the toolchain) reads it; any
## finding fails. `make format` rewrites the tree to it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

## PNGs of Reports/<period>/report.html at a desktop and a phone width, for the README.
screenshots: report
	@scripts/ensure-test-tools.sh
	scripts/screenshots.sh Reports/2026-10/report.html docs

## The month of the latest data, into Reports/<period>/ and Reports/latest (by hand; cron calls
## scripts/nightly.sh itself, because make turns every failure into exit 2).
nightly: deps
	$(RELEASE_BUILD)
	scripts/nightly.sh $(RELEASE) $(CONFIG)

## Installs the release binary, its man page and the bash, zsh and fish completions under
## PREFIX (default /usr/local; e.g. make install PREFIX=$$HOME/.local).
PREFIX ?= /usr/local
install: deps
	mkdir -p .build/manual
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory .build/manual >/dev/null
	$(RELEASE_BUILD)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/referral-report
	install -m 644 .build/manual/referral-report.1 $(DESTDIR)$(PREFIX)/share/man/man1/referral-report.1
	$(RELEASE) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/referral-report
	$(RELEASE) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_referral-report
	$(RELEASE) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/referral-report.fish
	@echo "installed referral-report $$($(RELEASE) --version) under $(DESTDIR)$(PREFIX)"

## Speed and memory on generated 1M- and 3M-lead exports and one 10M point (cached in bench-data/,
## ignored by git), against libcsv's own count-only pass and DuckDB (installed for Python when
## missing) on the same files, alternating. Prints figures; never fails on them.
BIG_SIZES ?= 10000000
bench: deps
	@python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet duckdb || echo "bench: could not install duckdb; its column will say so" >&2
	$(RELEASE_BUILD)
	.build/release/referral-bench $(RELEASE) bench-data $(SIZES) $(BIG_SIZES)

## libFuzzer over the whole pipeline and the config (FUZZ_SECONDS, default 600); new crash inputs
## land in fuzz-artifacts/, interesting ones in Tests/ReferralPipelineTests/FuzzCorpus (replayed by
## make test). The config's keys and edge values are a dictionary (scripts/fuzz.dict); TOMLKit's
## own leaks are suppressed (scripts/lsan-suppressions.txt says why).
FUZZ_SECONDS ?= 600
fuzz: deps
	REFERRAL_REPORT_FUZZ=1 $(SWIFT) build --product import-fuzzer --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	mkdir -p fuzz-artifacts .build-fuzz/corpus
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt .build-fuzz/debug/import-fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -dict=scripts/fuzz.dict \
	  -artifact_prefix=fuzz-artifacts/ .build-fuzz/corpus Tests/ReferralPipelineTests/FuzzCorpus

clean:
	rm -rf .build
