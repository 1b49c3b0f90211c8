# The two commands of the README, and a few more for working on crosscheck.
#   make demo   build the wasm package and the single-file page, then serve www/ (PORT=8080)
#   make test   every test: native, wasm in node and Chromium, browser end-to-end
#   make bench  build, then time every stage and the peers (pySBD, syntok, blingfire, sbd,
#               compromise, jsdiff) in one run and print one table (bench/run.py)
# All three run tools/setup.sh first, which installs what is missing and is quick when nothing is.

PORT ?= 8080
WASM_ENV = . target/toolchain.env &&

.PHONY: demo test setup build eval bench

setup:
	@bash tools/setup.sh

build: setup
	$(WASM_ENV) python3 tools/build.py

demo: setup
	$(WASM_ENV) python3 tools/build.py --target web
	@echo
	@echo "  single file (open from disk): file://$(CURDIR)/dist/crosscheck.html"
	@echo "  served page:                  http://127.0.0.1:$(PORT)/"
	@echo
	node tools/serve.mjs www $(PORT)

test: setup
	cargo test
	cargo test --features schema --test schema
	$(WASM_ENV) python3 tools/build.py
	python3 -m unittest discover -s tools -p 'test_*.py'
	$(WASM_ENV) wasm-pack test --node -- --test wasm
	$(WASM_ENV) wasm-pack test --headless --chrome -- --test wasm_browser
	node www/e2e/run.mjs

eval:
	cargo run --release --quiet -- eval

bench: build
	python3 bench/run.py
