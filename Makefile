# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := resources/samples/kommunrapport.txt

.PHONY: run test lint unit fuzz bench bench-gui translations wheel-check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,cluster]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/korrektur $(SAMPLE)

test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check app tests bench tools
	$(BIN)/ruff format --check app tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/python -m pytest -q --hypothesis-profile=ci

# The property tests with fresh random examples, FUZZ_RUNS times (not part of `make test`).
FUZZ_RUNS ?= 20
fuzz: $(STAMP)
	for run in $$(seq $(FUZZ_RUNS)); do \
	  $(BIN)/python -m pytest -q -x -p no:cacheprovider --hypothesis-profile=fuzz \
	    $$(grep -rl '@given' tests) || exit 1; \
	done

bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/structure.py --lines

# GUI responsiveness on a generated 300-page report (results: bench/README.md).
bench-gui: $(STAMP)
	$(BIN)/python bench/gui.py

# Collect the user interface strings into the Swedish .ts (keeping translations), compile .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none app/korrektur/ui/*.py -ts resources/translations/korrektur_sv.ts
	$(BIN)/pyside6-lrelease resources/translations/korrektur_sv.ts -qm resources/translations/korrektur_sv.qm

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# Build the wheel and show that, installed, it finds its bundled data (not the repository's).
wheel-check: $(STAMP)
	rm -rf build/wheel-check && mkdir -p build/wheel-check
	$(BIN)/python -m pip wheel --quiet --no-deps -w build/wheel-check .
	cd build/wheel-check && $(abspath $(BIN))/python -m zipfile -e korrektur-*.whl site
	cd build/wheel-check && PYTHONPATH=site $(abspath $(BIN))/python -c "import korrektur.paths as p; print(p.__file__); print(p.sample_report(), p.sample_report().is_file()); print(p.data_path('lexicon'), p.data_path('lexicon').is_dir())"
