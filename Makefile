# The two commands of the README, and a few more for working on crosscheck.
#   make demo   build the wasm package and the single-file page, then serve www/ (PORT=8080)
#   make test   every test: native, wasm in node and Chromium, browser end-to-end
#   make bench  build, then time every stage and the peers (pySBD, syntok, blingfire, sbd,
#               compromise, jsdiff) in one run and print one table (bench/run.py)
#   make packages  the npm package and the Python wheel, in target/packages/
# All three run tools/setup.sh first, which installs what is missing and is quick when nothing is.

PORT ?= 8080
WASM_ENV = . target/toolchain.env &&

PY = target/py/bin/python

.PHONY: demo test setup build eval bench packages

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
	$(MAKE) --no-print-directory packages
	python3 -m unittest discover -s tools -p 'test_*.py'
	$(WASM_ENV) wasm-pack test --node -- --test wasm
	$(WASM_ENV) wasm-pack test --headless --chrome -- --test wasm_browser
	node www/e2e/run.mjs
	node --test --test-concurrency=1 www/e2e/package-node.test.mjs www/e2e/package-browser.test.mjs
	$(PY) -m pytest -q -p no:cacheprovider python/tests

# The npm package (from the wasm build) and the abi3 wheel; the wheel is also installed
# into target/py, where the Python tests and the Spark example import it.
packages: build
	node tools/npm_package.mjs
	rm -f target/packages/crosscheck-*.whl
	$(PY) -m maturin build --quiet --locked --release -m python/Cargo.toml -o target/packages
	$(PY) -m pip install --quiet --force-reinstall --no-deps target/packages/crosscheck-*.whl

eval:
	cargo run --release --quiet -- eval

bench: build
	python3 bench/run.py
