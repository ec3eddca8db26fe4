# article-worker: `make demo` on a fresh machine, `make test` for the suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint format schema compose-check clean eval eval-gate eval-flattened train
.PHONY: install demo test lint format schema compose-check clean bench
.PHONY: install demo test lint format schema compose-check clean chaos

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	bash scripts/demo.sh

# Exit code 5 ("no tests collected") is a failure here, not a pass.
test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

# While working: everything but the tests marked slow (kill, chaos, restarts, netns).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Body F1 of the text path on the dev set flattened to visible text (one line per block).
eval-flattened: $(STAMP)
	$(BIN)/python -m worker.evaluation.flattened --variants --rules

# Rebuild every learned model (worker/pipeline/learned/models/) and the cross-validation report (eval/cv/)
# from ../shared/eval/wcxb-dev, deterministically; needs the train extra. STAGE=text: the text path's only.
STAGE ?= all
train: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -m worker.training --stage $(STAGE)

# Chaos run against TEST_REDIS_URL: N pages, 2 workers, random SIGKILLs; prints the tally.
N ?= 3000
chaos: $(STAMP)
	$(BIN)/python scripts/chaos.py --pages $(N)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(STAMP)
	$(BIN)/article-worker schema --write schemas/json

# Body and field accuracy on the vendored dev set, ours against readability-lxml (README: Evaluation).
eval: $(STAMP)
	$(BIN)/article-worker eval

eval-gate: $(STAMP)
	$(BIN)/article-worker eval --floors eval/floors.json --floored-only

# Benchmarks (a script, not a test): bench/results/results.md; BENCH_QUICK=1 for a short run.
# The [bench] extra (chart, profiler) is optional: without it there is no PNG.
bench: $(STAMP)
	$(BIN)/python -c "import matplotlib, pyinstrument" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[bench]' \
	  || echo "bench: [bench] extra not installed, no chart" >&2
	$(BIN)/python -m bench.run

compose-check:
	docker-compose -f docker-compose.yml config -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .demo
