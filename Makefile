# moderator: the set-up contract. `make demo` and `make test` work from a fresh clone
# with only Python 3.11+ and make; the virtualenv is built once and reused.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck format contract bench clean redaction-eval screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps 'irrCAC>=0.4'  # the [oracles] extra, see pyproject.toml
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/moderator demo

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -n auto --dist loadfile -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

contract: $(STAMP)
	$(BIN)/python ../shared/checks/contract

redaction-eval: $(STAMP)
	$(BIN)/python -m moderator.anonymise.evaluate tests/data/redaction_corpus*.jsonl

screenshots: $(STAMP)
	$(BIN)/python docs/make_screenshots.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
