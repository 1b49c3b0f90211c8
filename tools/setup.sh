#!/usr/bin/env bash
# Installs everything crosscheck's demo, tests and benchmarks need, and nothing twice.
#
# Idempotent: a second run checks versions and returns in seconds. Writes
# target/toolchain.env, which the Makefile sources before any wasm build, so that the wasm
# side uses whichever Rust can build wasm32-unknown-unknown here:
#   1. rustup's default toolchain, when it has the wasm32 target or can add it quickly;
#   2. otherwise Debian's rustc-web (with the standard library for wasm32 built from source
#      once, cached in rustc's own sysroot and stamped with the rustc version).
# Every download comes from a package registry (Debian, crates.io, npm); no browser or
# binary downloads.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p target
env_file=target/toolchain.env

wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
wasm_pack_version=0.15.1

say() { printf '[setup] %s\n' "$*"; }

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "apt-get install ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
        $sudo apt-get update >/dev/null
        $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

has_wasm_std() {
    local libdir
    libdir=$("$@" --target wasm32-unknown-unknown --print target-libdir 2>/dev/null) || return 1
    compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

setup_rust_wasm() {
    if has_wasm_std rustc; then
        echo "# rustup's default toolchain has wasm32-unknown-unknown" > "$env_file"
        return
    fi
    if [ -z "${CROSSCHECK_FORCE_DEBIAN_RUST:-}" ] && command -v rustup >/dev/null; then
        say "adding wasm32-unknown-unknown with rustup (60 s limit)"
        if timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && has_wasm_std rustc; then
            echo "# rustup's default toolchain has wasm32-unknown-unknown" > "$env_file"
            return
        fi
        say "rustup could not add the target; falling back to Debian's rustc-web"
    fi
    apt_install rustc-web cargo-web rust-web-src lld-22
    local sysroot_lib=/usr/lib/rustlib/wasm32-unknown-unknown/lib
    local stamp="$sysroot_lib/.crosscheck-std-stamp"
    local version
    version=$(/usr/bin/rustc --version)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$version" ]; then
        say "building the standard library for wasm32 with $version (about a minute, once)"
        local work=target/wasm-std-build
        rm -rf "$work"
        mkdir -p "$work/src"
        printf '[package]\nname = "wasm_std_seed"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n[workspace]\n' > "$work/Cargo.toml"
        echo '#![no_std]' > "$work/src/lib.rs"
        (cd "$work" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Cembed-bitcode=yes -Zforce-unstable-if-unmarked" \
            /usr/bin/cargo build --quiet --release --target wasm32-unknown-unknown \
            -Zbuild-std=std,panic_abort,panic_unwind,test,proc_macro)
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo mkdir -p "$sysroot_lib"
        find "$work/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libwasm_std_seed*' \
            -exec $sudo cp {} "$sysroot_lib/" \;
        echo "$version" | $sudo tee "$stamp" >/dev/null
        rm -rf "$work"
    fi
    rustup toolchain list 2>/dev/null | grep -q '^system' || rustup toolchain link system /usr
    {
        echo "# Debian's rustc-web builds the wasm side; it keeps its own target dir"
        echo "export RUSTUP_TOOLCHAIN=system"
        echo "export CARGO_TARGET_DIR=$root/target/debian-rust"
        echo "# rustc-web ships no rust-lld; lld-22's wasm-ld is the same linker"
        echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld"
    } > "$env_file"
}

cargo_install() {
    local crate=$1 bin=$2 version=$3
    shift 3
    if "$bin" --version 2>/dev/null | grep -q " $version\$\| $version "; then
        return
    fi
    say "cargo install $crate $version (a few minutes, once)"
    env -u RUSTUP_TOOLCHAIN -u CARGO_TARGET_DIR cargo install --quiet "$crate" --version "$version" "$@"
}

# The Python package's build and tests (maturin, pytest, and for crosscheck.spark pyspark,
# pandas and pyarrow) live in their own environment, target/py, at the versions that
# python/requirements-dev.txt pins; Spark runs on Java 17.
setup_python() {
    local requirements=python/requirements-dev.txt stamp=target/py/.crosscheck-requirements
    if [ ! -x target/py/bin/python ]; then
        say "python3 -m venv target/py"
        python3 -m venv target/py
    fi
    if ! cmp -s "$requirements" "$stamp"; then
        say "pip install -r $requirements (pyspark is about 400 MB, once)"
        target/py/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$stamp"
    fi
}

# wordnet-base: read only by tools/gen_wordnet.py; the build and tests use the committed table.
apt_install chromium chromium-driver wordnet-base openjdk-17-jre-headless
setup_python
setup_rust_wasm
cargo_install wasm-pack wasm-pack "$wasm_pack_version" --locked
# Not --locked: the published lockfile of wasm-bindgen-cli 0.2.130 pins a crate the index no longer serves.
cargo_install wasm-bindgen-cli wasm-bindgen "$wasm_bindgen_version"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
say "ready ($(grep -v '^#' "$env_file" | tr '\n' ' '))"
