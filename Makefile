# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.zhpaper-installed

.PHONY: book test lab clean lint bench pdf help

help:
	@echo "make book   build the book into _build/html (re-executes notebooks only when needed)"
	@echo "make test   run the whole test suite (notebooks, book build, library)"
	@echo "make lab    start JupyterLab with the library installed"
	@echo "make lint   check the code with ruff"
	@echo "make bench  run the benchmarks; writes book/benchmarks.md"
	@echo "make pdf    one printable PDF of the book (needs Chromium): _build/pdf/book.pdf"
	@echo "make clean  remove the build and the virtual environment"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

book: $(STAMP)
	$(PY) scripts/book.py
	@echo "book: open _build/html/index.html"

test: $(STAMP)
	$(PY) -m pytest -n auto --dist loadgroup

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

lint: $(STAMP)
	$(VENV)/bin/ruff check lib tests scripts notebooks

clean:
	rm -rf _build $(VENV) .pytest_cache lib/*.egg-info

bench: $(STAMP)
	$(PY) scripts/bench.py

pdf: $(STAMP)
	$(PY) scripts/pdf.py
