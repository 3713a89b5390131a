# Fever events platform — the two doors: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DOTNET ?= dotnet
CONFIGURATION ?= Debug

.PHONY: help prerequisites bench-prerequisites build test run bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

prerequisites: ## Install what is missing (PostgreSQL 15 and Chromium from Debian when root; the tests' npm tools)
	@./scripts/install-prerequisites.sh

bench-prerequisites: ## Install what is missing, plus what only the benchmarks need (wrk)
	@./scripts/install-prerequisites.sh --bench

build: prerequisites ## Build the solution
	$(DOTNET) build FeverAspire.sln -c $(CONFIGURATION)

test: build ## Install what is missing, build, run the whole test suite
	@DOTNET=$(DOTNET) CONFIGURATION=$(CONFIGURATION) ./scripts/run-tests.sh

run: prerequisites ## Install what is missing, then start the Aspire AppHost: dashboard, PostgreSQL (data in .fever/), migrations, simulator, worker, API
	$(DOTNET) run --project Fever.AppHost -c $(CONFIGURATION) -- $(ARGS)

bench: bench-prerequisites ## Benchmarks (Release): ingest of a generated feed, /search and /graphql under load (wrk), the GraphQL executor (BenchmarkDotNet), telemetry export to the Aspire dashboard
	$(DOTNET) build FeverAspire.sln -c Release
	$(DOTNET) run --project Fever.Benchmarks -c Release --no-build

clean: ## Remove build output and test results (keeps .fever/ data)
	$(DOTNET) clean FeverAspire.sln >/dev/null
	rm -rf TestResults
