# referral-report: the two commands a newcomer needs are `make report` and `make test`.
SWIFT      ?= swift
BIN        := .build/debug/referral-report
RELEASE    := .build/release/referral-report
CONFIG     ?= referral-report.toml
## Release binaries carry the Swift runtime and Foundation inside: no dynamic linking of them at
## every start (about 10 ms and 6 MB less per run; the nightly job and the benchmark use it).
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib
SIZES      ?= 1000000,3000000

.PHONY: deps build report test lint format screenshots nightly manual manual-lint install bench fuzz clean

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
	$(MAKE) manual-lint

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

## The man page, .build/manual/referral-report.1: swift-argument-parser's generate-manual
## renders the commands' help, and scripts/finish-manual.sh makes the help's headed paragraphs
## its sections (OUTPUTS, INPUTS, CONFIGURATION, FILES, EXIT STATUS with every code, EXAMPLES)
## and writes it as mdoc wants (no warning from mandoc -T lint).
MANUAL := .build/manual/referral-report.1
manual: deps
	mkdir -p .build/manual
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory .build/manual >/dev/null
	scripts/finish-manual.sh $(MANUAL)

## The man page as mandoc reads it: any warning fails (mandoc -T lint -W warning exits 2 or
## more on one; scripts/ensure-test-tools.sh installs mandoc).
manual-lint: manual
	mandoc -T lint -W warning $(MANUAL)

## Installs the release binary, its man page and the bash, zsh and fish completions under
## PREFIX (default /usr/local; e.g. make install PREFIX=$$HOME/.local), then says where the
## man page went and, when man does not look there (manpath), the MANPATH line that reaches it.
PREFIX ?= /usr/local
MANDIR := $(PREFIX)/share/man
install: manual
	$(RELEASE_BUILD)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/referral-report
	install -m 644 $(MANUAL) $(DESTDIR)$(MANDIR)/man1/referral-report.1
	$(RELEASE) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/referral-report
	$(RELEASE) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_referral-report
	$(RELEASE) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/referral-report.fish
	@echo "installed referral-report $$($(RELEASE) --version) under $(DESTDIR)$(PREFIX)"
	@echo "man page: $(DESTDIR)$(MANDIR)/man1/referral-report.1"
	@case ":$$(manpath 2>/dev/null):" in *":$(MANDIR):"*) ;; \
	  *) echo "man does not look in $(MANDIR); to read the page: MANPATH=$(MANDIR):$$(manpath 2>/dev/null) man referral-report" \
	     "(or add $(PREFIX)/bin to PATH: man looks in the share/man beside each bin folder on it)";; esac

## Speed and memory on generated 1M- and 3M-lead exports of two shapes (the sample generator's and
## a foreign CRM's: Sources/referral-bench/ForeignExports.swift) and one 10M point of the foreign
## shape (the own shape's ten touches a lead would be 100M rows there), cached in bench-data/
## (ignored by git), against libcsv's own count-only pass and DuckDB (installed for Python when
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
