# A fresh clone needs only `make demo` and `make test`: both build .venv from the hashed lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := tacitus/data/samples

.PHONY: install demo test package lint bench eval lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/tacitus code $(SAMPLES)/kabul_talks_2012.txt $(SAMPLES)/sahel_clashes_2019.md \
		$(SAMPLES)/gulf_diplomacy_2017.html $(SAMPLES)/wire_briefs_1988.txt --format table
	$(BIN)/tacitus code $(SAMPLES)/corpus.jsonl --format table

test: install
	$(BIN)/ruff check tacitus tests benchmarks
	$(MAKE) --no-print-directory package
	$(BIN)/pytest -q
	$(BIN)/tacitus eval gate

# The wheel, installed offline into a scratch venv that codes a sample (scripts/check_package.py)
package: install
	rm -rf dist && mkdir -p build
	$(BIN)/python -m build --wheel --no-isolation --outdir dist . > build/wheel.log 2>&1 \
		|| { cat build/wheel.log; exit 1; }
	$(BIN)/python scripts/check_package.py dist

eval: install
	$(BIN)/tacitus eval plover ../shared/eval/events/plover_gsr/PLOVER_GSR_CAMEO.txt
	$(BIN)/tacitus eval conflibert ../shared/eval/events/conflibert_cameo/class_train.tsv
	$(BIN)/tacitus eval time ../shared/eval/time/TBAQ-cleaned
	$(BIN)/tacitus eval quotes ../shared/eval/quotes/polnear_dev
	$(BIN)/tacitus eval geo ../shared/eval/geo/lgl.xml
	$(BIN)/tacitus eval location ../shared/eval/geo/event_location_dev.jsonl
	$(BIN)/tacitus eval muc4 ../shared/eval/events/muc4

bench: install
	$(BIN)/python benchmarks/bench_coder.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_query.py
	$(BIN)/python benchmarks/bench_scaling.py

lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --no-header --strip-extras \
		-o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
