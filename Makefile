# concbench: which concurrency strategy fits which work, measured here.
# `make help` lists the targets.

GO      ?= go
COUNT   ?= 10
BENCH   ?= .
RUN     ?=
OLD     ?=
NEW     ?=
FUZZTIME ?= 30s

.DEFAULT_GOAL := help

## help: list the targets and their variables
.PHONY: help
help:
	@echo "Targets:"
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /' | column -t -s ':' 2>/dev/null || grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'
	@echo
	@echo "Variables: COUNT=$(COUNT) BENCH=$(BENCH) RUN=<results/run> OLD=<run> NEW=<run> FUZZTIME=$(FUZZTIME)"

## deps: download the Go modules and build the benchstat tool
.PHONY: deps
deps:
	$(GO) mod download
	$(GO) build -o /dev/null golang.org/x/perf/cmd/benchstat

## test: go vet, the race-checked tests, then the racy counter without -race
.PHONY: test
test: deps
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'TestChecksumsMatchSequential|TestUnsynced|TestCountersEndExact' ./strategies ./workloads
