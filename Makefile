# marsad: the two commands of the README's quick start are `make run` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install; pip runs again only when pyproject.toml is newer.
# `make run` needs marsad alone (about 30 MB); `make test` also the extras the tests exercise
# (PostgreSQL driver, Parquet, HTML and feeds, the web server and Playwright, pyspark).
CORE_STAMP := $(VENV)/.installed-core
DEV_STAMP := $(VENV)/.installed

# A compiled build (docs/performance.md): mypyc turns the hot modules into C extensions.
# `make wheel` leaves the wheel in dist/; `make test-compiled` unpacks it into build/compiled
# and runs the whole test suite with it ahead of the editable install.
COMPILED := build/compiled

.PHONY: install run test model clean wheel compiled test-compiled

install: $(DEV_STAMP)

$(CORE_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $(CORE_STAMP)

$(DEV_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP) $(CORE_STAMP)

run: $(CORE_STAMP)
	$(BIN)/marsad run

test: $(DEV_STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

wheel: $(CORE_STAMP)
	rm -f dist/marsad-*.whl
	MARSAD_COMPILE=1 $(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .

compiled: wheel
	rm -rf $(COMPILED)
	$(BIN)/python -m zipfile -e dist/marsad-*.whl $(COMPILED)

test-compiled: $(DEV_STAMP) compiled
	PYTHONPATH=$(COMPILED) $(BIN)/pytest

# Rebuild the shipped NER model from the corpora beside the repository (see docs/ner.md).
model: install
	$(BIN)/marsad ner-train --data ../shared/data --out src/marsad/ner/data/ner-ar.crfsuite

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
