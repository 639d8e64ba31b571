# concbench: which concurrency strategy fits which work, measured here.
# `make help` lists the targets.

GO      ?= go
# The defaults of make bench, chosen from measurement on the 2-core VM
# (docs/measurements.md has the figures): COUNT=6 interleaved runs (the
# fewest a conclusion needs) of BENCHTIME=50ms samples after WARMUP=1
# discarded run; then SAMPLING=decided: only the rows of conclusions still
# open run on, until none is, NOISE_BUDGET is spent or DEADLINE after the
# start (the ceiling: the whole make bench, build and report included,
# ends within 10 minutes). SAMPLING=precise re-runs the rows wider than
# ±5 % instead (with COUNT=15, the default before).
COUNT   ?= 6
SAMPLING ?= decided
BENCH   ?= .
RUN     ?=
OLD     ?=
NEW     ?=
# RUNS are the run folders make fleet-report sets side by side, OUT its
# output folder (default: results/fleet-<UTC time>).
RUNS    ?=
OUT     ?=
FUZZTIME ?= 30s
# BENCHTIME is each benchmark's time per run (go test -benchtime). FAIL_ON
# is the slowdown past which make compare exits 1 (empty: never).
BENCHTIME ?= 50ms
FAIL_ON ?=
# NOISE_BUDGET is the time make bench may spend after its first 6 runs
# sampling what is open (SAMPLING=decided) or re-running the configurations
# whose interval is still wider than ±5 % (precise); 0: none; and
# DEADLINE the time after the driver's start at which those re-runs stop in
# any case (0: none). WARMUP is the number of discarded warm-up runs.
NOISE_BUDGET ?= 5m
# REF_NOISE_BUDGET is the same for make reference: after its COUNT runs,
# CPython's configurations still wider than ±5 % are re-run for up to this
# long (0s: none), each up to 60 samples.
REF_NOISE_BUDGET ?= 90s
DEADLINE ?= 9m20s
WARMUP ?= 1
# bench-quick's own defaults: 6 samples (the fewest the report draws a
# conclusion from) of 30ms each; COUNT, BENCHTIME or NOISE_BUDGET given on
# the command line or in the environment replace them.
QUICK_COUNT     := $(if $(filter command line environment,$(origin COUNT)),$(COUNT),6)
QUICK_BENCHTIME := $(if $(filter command line environment,$(origin BENCHTIME)),$(BENCHTIME),30ms)
QUICK_NOISE     := $(if $(filter command line environment,$(origin NOISE_BUDGET)),$(NOISE_BUDGET),0)

# bench-flood's own defaults (go doc ./cmd/concbench has the reasons,
# docs/measurements.md the figures):
# 6 rounds (the fewest the report draws a conclusion from) of one batch
# per sample (-benchtime 1x), no warm-up round and no noise re-runs, at
# FLOOD_SCALE=flood (flood-tiny: a small second flood, to try the target);
# COUNT and WARMUP given on the command line or in the environment replace
# them.
FLOOD_SCALE ?= flood
FLOOD_COUNT  := $(if $(filter command line environment,$(origin COUNT)),$(COUNT),6)
FLOOD_WARMUP := $(if $(filter command line environment,$(origin WARMUP)),$(WARMUP),0)

# The container image (deploy/Containerfile, go doc ./deploy): its name,
# the build context make image-binaries fills, and the architecture of
# its static programs (the cluster's nodes', amd64 or arm64).
IMAGE         ?= ghcr.io/OWNER/concbench:latest
IMAGE_CONTEXT ?= build/image
IMAGE_ARCH    ?= $(shell $(GO) env GOARCH)

.DEFAULT_GOAL := help

## help: list the targets and their variables
.PHONY: help
help:
	@echo "Targets:"
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /' | column -t -s ':' 2>/dev/null || grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'
	@echo
	@echo "Variables: COUNT=$(COUNT) BENCH=$(BENCH) BENCHTIME=$(BENCHTIME) WARMUP=$(WARMUP) NOISE_BUDGET=$(NOISE_BUDGET) DEADLINE=$(DEADLINE) REF_NOISE_BUDGET=$(REF_NOISE_BUDGET) RUN=<results/run> OLD=<run> NEW=<run> RUNS=<runs> OUT=<folder> FUZZTIME=$(FUZZTIME)"
	@echo "bench-quick: COUNT=$(QUICK_COUNT) BENCHTIME=$(QUICK_BENCHTIME) NOISE_BUDGET=$(QUICK_NOISE) unless given"
	@echo "bench-flood: COUNT=$(FLOOD_COUNT) WARMUP=$(FLOOD_WARMUP) FLOOD_SCALE=$(FLOOD_SCALE) BENCHTIME=1x NOISE_BUDGET=0"
	@echo "image: IMAGE=$(IMAGE) IMAGE_CONTEXT=$(IMAGE_CONTEXT) IMAGE_ARCH=$(IMAGE_ARCH)"

## deps: download the Go modules and build the benchstat tool
.PHONY: deps
deps:
	$(GO) mod download
	$(GO) build -o /dev/null golang.org/x/perf/cmd/benchstat

# BROWSERS are the names chromium goes by; the browser test of index.html
# (plots/browser) looks for the same ones.
BROWSERS := chromium chromium-browser google-chrome headless-shell
have_browser = $(firstword $(foreach b,$(BROWSERS),$(shell command -v $(b) 2>/dev/null)))

# Which tests run where, and why. RENDER_PKGS are the report's packages
# (plots and below, but its commands and the browser test): they read files
# and draw, start no goroutine and no process (plots/imports_test.go holds
# them to it), so the race detector finds nothing there and only slows them
# about 20-fold; they run without it. Every other package starts goroutines
# or processes and runs under -race. The racy counter (sync=none) and the
# allocation count of the hash run without -race: the first is a race by
# design, and under -race sync.Pool drops buffers at random.
RENDER_PKGS = $(shell $(GO) list ./plots/... | grep -v -e '/plots/browser$$' -e '/plots/cmd/')

## test: go vet, the race-checked tests of the packages that run goroutines (index.html in headless chromium when installed), the report's packages without -race, then the racy counter
.PHONY: test
test: deps
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	@$(if $(have_browser),,echo "test: no chromium on the PATH: skipping the browser test of index.html (plots/browser); make browser-deps installs it")
	$(GO) test -race -count=1 $(filter-out $(RENDER_PKGS),$(shell $(GO) list ./...))
	$(GO) test -count=1 $(RENDER_PKGS)
	$(GO) test -count=1 -run 'TestChecksumsMatchSequential|TestUnsynced|TestCountersEndExact|TestHashAllocatesNothingPerTask' ./strategies ./workloads

## browser-deps: install Debian's chromium for the browser test of index.html (apt-get, as root), when missing
.PHONY: browser-deps
browser-deps:
	@if [ -n "$(have_browser)" ]; then echo "browser-deps: $(have_browser) is installed"; \
	elif ! command -v apt-get >/dev/null 2>&1; then echo "browser-deps: no apt-get here; install chromium with your package manager" >&2; exit 1; \
	elif [ "$$(id -u)" -ne 0 ]; then echo "browser-deps: run as root (sudo make browser-deps) to apt-get install chromium" >&2; exit 1; \
	else apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; fi

## fuzz: run each fuzz target (wire decoder, worker, spec parser, the whole report) for FUZZTIME
.PHONY: fuzz
fuzz:
	$(GO) test ./strategies -run '^$$' -fuzz='^FuzzReadMessage$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./strategies -run '^$$' -fuzz='^FuzzDecodeMessage$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./strategies -run '^$$' -fuzz='^FuzzMessageRoundTrip$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./strategies -run '^$$' -fuzz='^FuzzServeWorker$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./workloads -run '^$$' -fuzz='^FuzzParseSpec$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./workloads -run '^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./plots -run '^$$' -fuzz='^FuzzReport$$' -fuzztime=$(FUZZTIME)

# concbench builds the concbench command into a temporary folder and runs
# it with the given arguments, so that its exit status and error line are
# its own.
define concbench
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) build -o "$$tmp/concbench" ./cmd/concbench && \
	"$$tmp/concbench" $(1)
endef

## bench: a warm-up run, the whole matrix COUNT times, then only what an open conclusion needs until nothing is open (at most DEADLINE), into results/<UTC time>-<host> (about 4 minutes on 2 cores, 10 at most)
.PHONY: bench
bench:
	$(call concbench,-count '$(COUNT)' -bench '$(BENCH)' -benchtime '$(BENCHTIME)' -warmup '$(WARMUP)' -sampling '$(SAMPLING)' -noise-budget '$(NOISE_BUDGET)' -deadline '$(DEADLINE)' -scale full)

## bench-quick: a first look; the same families with smaller workloads, 6 runs of 30ms (about 1 minute on 2 cores)
.PHONY: bench-quick
bench-quick:
	@case '$(QUICK_COUNT)' in ''|*[!0-9]*) echo "bench-quick: COUNT must be a whole number >= 6, got $(QUICK_COUNT)" >&2; exit 2;; esac; \
	test '$(QUICK_COUNT)' -ge 6 || { echo "bench-quick: COUNT must be a whole number >= 6 (the fewest samples the report draws a conclusion from), got $(QUICK_COUNT)" >&2; exit 2; }
	$(call concbench,-count '$(QUICK_COUNT)' -bench '$(BENCH)' -benchtime '$(QUICK_BENCHTIME)' -warmup 0 -noise-budget '$(QUICK_NOISE)' -scale quick)

## bench-flood: opt-in, the published flood (1,000,000 tasks of 10 ms, spawn and every pool at 1k, 10k, 100k workers) beside make bench's 20,000 tasks of 1 ms, interleaved, 6 rounds; prints its estimate first (about 15 minutes on 2 cores)
.PHONY: bench-flood
bench-flood:
	@case '$(FLOOD_COUNT)' in ''|*[!0-9]*) echo "bench-flood: COUNT must be a whole number >= 6, got $(FLOOD_COUNT)" >&2; exit 2;; esac; \
	test '$(FLOOD_COUNT)' -ge 6 || { echo "bench-flood: COUNT must be a whole number >= 6 (the fewest samples the report draws a conclusion from), got $(FLOOD_COUNT)" >&2; exit 2; }
	$(call concbench,-count '$(FLOOD_COUNT)' -bench '^BenchmarkFlood$$' -benchtime 1x -warmup '$(FLOOD_WARMUP)' -noise-budget 0 -scale '$(FLOOD_SCALE)')

## compare: OLD=results/<run> against NEW=results/<run>: the answers and verdicts that changed, each configuration's time ratio, benchstat's table; FAIL_ON=10% exits 1 on a significant slowdown past it (of the BENCH configurations)
.PHONY: compare
compare:
	$(call concbench,compare -fail-on '$(FAIL_ON)' -bench '$(BENCH)' '$(OLD)' '$(NEW)')

## report: regenerate the charts, REPORT.md and index.html of RUN=results/<run> from its raw.txt
.PHONY: report
report:
	@test -n "$(RUN)" || { echo "report: usage: make report RUN=results/<run>" >&2; exit 2; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) build -o "$$tmp/report" ./plots/cmd/report && \
	"$$tmp/report" '$(RUN)'

## fleet-report: one cross-machine report of RUNS="results/<a> results/<b> …" (one scale; make bench on each machine) into OUT (default results/fleet-<UTC time>), writing FLEET.md, index.html and the speedup-vs-cores chart
.PHONY: fleet-report
fleet-report:
	@test -n "$(strip $(RUNS))" || { echo "fleet-report: usage: make fleet-report RUNS=\"results/<a> results/<b> …\" [OUT=results/fleet-<name>]" >&2; exit 2; }
	@for r in $(RUNS); do test -f "$$r/raw.txt" || { echo "fleet-report: $$r has no raw.txt: not a run folder" >&2; exit 1; }; done
	@out='$(OUT)'; test -n "$$out" || out="results/fleet-$$(date -u +%Y%m%dT%H%M%SZ)"; \
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) build -o "$$tmp/fleet" ./plots/cmd/fleet && \
	"$$tmp/fleet" -o "$$out" $(RUNS)

## report-shots: the browser test of RUN=results/<run>/index.html at a phone's width and a desktop's, saving the top of the page at each as RUN/shot-phone.png and RUN/shot-desktop.png
.PHONY: report-shots
report-shots:
	@test -n "$(RUN)" || { echo "report-shots: usage: make report-shots RUN=results/<run>" >&2; exit 2; }
	@test -f "$(RUN)/index.html" || { echo "report-shots: $(RUN) has no index.html; make report RUN=$(RUN) writes it" >&2; exit 1; }
	@test -n "$(have_browser)" || { echo "report-shots: no chromium on the PATH (looked for $(BROWSERS)); make browser-deps installs it" >&2; exit 1; }
	CONCBENCH_RUN='$(abspath $(RUN))' CONCBENCH_SHOTS='$(abspath $(RUN))' $(GO) test -count=1 -run '^TestIndexHTMLInChromium$$/^page$$' ./plots/browser
	@ls -l '$(RUN)/shot-phone.png' '$(RUN)/shot-desktop.png'

## reference: CPython on the same tasks (reference/python) into RUN=results/<run>/python.txt (the newest run by default), COUNT times
.PHONY: reference
reference:
	@command -v python3 >/dev/null 2>&1 || { echo "reference: python3 not found on the PATH; install CPython 3.9 or later (stdlib only) and run make reference again" >&2; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) build -o "$$tmp/fetchserver" ./reference/python/cmd/fetchserver && \
	python3 reference/python/concbench $(if $(RUN),-run '$(RUN)') -count '$(COUNT)' -benchtime '$(BENCHTIME)' -noise-budget '$(REF_NOISE_BUDGET)' -fetch-server "$$tmp/fetchserver"

## image-binaries: the container image's build context in IMAGE_CONTEXT (static concbench, benchmark binary and benchstat for linux/IMAGE_ARCH, an empty /tmp as tmp.tar, the Containerfile); needs Go, not podman
.PHONY: image-binaries
image-binaries:
	rm -rf '$(IMAGE_CONTEXT)'
	mkdir -p '$(IMAGE_CONTEXT)/bin' '$(IMAGE_CONTEXT)/tmp'
	chmod 1777 '$(IMAGE_CONTEXT)/tmp'
	tar -C '$(IMAGE_CONTEXT)' --owner=0 --group=0 --numeric-owner -cf '$(IMAGE_CONTEXT)/tmp.tar' tmp
	rmdir '$(IMAGE_CONTEXT)/tmp'
	CGO_ENABLED=0 GOOS=linux GOARCH='$(IMAGE_ARCH)' $(GO) test -c -trimpath -o '$(IMAGE_CONTEXT)/bin/bench.test' ./bench
	CGO_ENABLED=0 GOOS=linux GOARCH='$(IMAGE_ARCH)' $(GO) build -trimpath -buildvcs=auto -o '$(IMAGE_CONTEXT)/bin/' ./cmd/concbench golang.org/x/perf/cmd/benchstat
	cp deploy/Containerfile '$(IMAGE_CONTEXT)/Containerfile'

## image: build the container image IMAGE (FROM scratch, nothing fetched) with podman from image-binaries' context; push it with podman push IMAGE
.PHONY: image
image: image-binaries
	@command -v podman >/dev/null 2>&1 || { echo "image: podman not found on the PATH; install it, or build $(IMAGE_CONTEXT) (make image-binaries) with buildah bud or docker build" >&2; exit 1; }
	podman build --platform 'linux/$(IMAGE_ARCH)' -t '$(IMAGE)' '$(IMAGE_CONTEXT)'
