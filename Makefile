# Fever events platform — the two doors: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DOTNET ?= dotnet
CONFIGURATION ?= Debug

.PHONY: help prerequisites bench-prerequisites build test run worker api bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

prerequisites: ## Install what is missing (PostgreSQL 15 from Debian when root)
	@./scripts/install-prerequisites.sh

bench-prerequisites: ## Install what is missing, plus what only the benchmarks need (wrk)
	@./scripts/install-prerequisites.sh --bench

build: prerequisites ## Build the solution
	$(DOTNET) build FeverAspire.sln -c $(CONFIGURATION)

test: build ## Install what is missing, build, run the whole test suite
	$(DOTNET) test FeverAspire.sln -c $(CONFIGURATION) --no-build --logger "console;verbosity=normal" --results-directory TestResults

run: build ## Start PostgreSQL (data in .fever/) and the provider simulator; `make worker` and `make api` in other terminals
	$(DOTNET) run --project Fever.AppHost -c $(CONFIGURATION) --no-build -- $(ARGS)

worker: ## Run the sync worker against what `make run` started
	@test -f .fever/dev.env || { echo "Start the infrastructure first: make run"; exit 1; }
	set -a && . .fever/dev.env && set +a && $(DOTNET) run --project Fever.Sync -c $(CONFIGURATION)

api: ## Run the API (http://localhost:5080) against what `make run` started
	@test -f .fever/dev.env || { echo "Start the infrastructure first: make run"; exit 1; }
	set -a && . .fever/dev.env && set +a && ASPNETCORE_URLS=$${ASPNETCORE_URLS:-http://localhost:5080} $(DOTNET) run --project Fever.Api -c $(CONFIGURATION)

bench: bench-prerequisites ## Benchmarks (Release): ingest of a generated feed, /search under load (wrk)
	$(DOTNET) build FeverAspire.sln -c Release
	$(DOTNET) run --project Fever.Benchmarks -c Release --no-build

clean: ## Remove build output and test results (keeps .fever/ data)
	$(DOTNET) clean FeverAspire.sln >/dev/null
	rm -rf TestResults
