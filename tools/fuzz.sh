#!/usr/bin/env bash
# Fuzzes reading, comparing and saved pages with cargo-fuzz (fuzz/), then minimises the kept
# corpus.
#
#   tools/fuzz.sh [TOTAL_RUNS]        default 10000000 executions, split between read and compare
#   TARGETS=html tools/fuzz.sh        the saved-page target alone, HTML_RUNS executions
#   tools/fuzz.sh 0                   only minimise the corpora of the last run
#
# Environment:
#   SANITIZER=none|address   default none: the crate has no unsafe code for AddressSanitizer
#                            to watch, and with it the targets ran about 20 times slower
#   TRACE_COMPARES=1         instrument comparisons too (better coverage of word lists, about
#                            three times slower); off by default
#   READ_SHARE=PERCENT       share of TOTAL_RUNS given to `read`, default 90: each `compare`
#                            input is several articles compared three times, ten times slower
#   MAX_SECONDS=N            stop each target after N seconds even if its runs are not done
#   TARGETS="read compare"   the targets to run, in order (html: bytes read as a web page)
#   HTML_RUNS=N              executions of `html`, default 10000000
#   MINIMISE=0               skip the corpus minimisation at the end
#
# One fuzzing process at a time (the machine has two cores). Each target fuzzes a working
# corpus in fuzz/target/corpus/<target>, seeded from www/example, tests/bad_input and the
# hand-made strings below; at the end `cargo fuzz cmin` minimises it and the result replaces
# fuzz/corpus/<target>, the small corpus kept in the repo. A crash stops the script with the
# reproducer in fuzz/artifacts/<target>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
TOTAL_RUNS="${1:-10000000}"
SANITIZER="${SANITIZER:-none}"
READ_SHARE="${READ_SHARE:-90}"
TRACE_COMPARES="${TRACE_COMPARES:-0}"
MAX_SECONDS="${MAX_SECONDS:-0}"
TARGETS="${TARGETS:-read compare}"
HTML_RUNS="${HTML_RUNS:-10000000}"
MINIMISE="${MINIMISE:-1}"
WORK="$FUZZ/target/corpus"
SEEDS="$FUZZ/target/seeds"
LOGS="$FUZZ/target/logs"

# Nightly when it is installed; otherwise the stable compiler told to accept nightly flags,
# which has no sanitizer runtime to link.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    CARGO=(cargo +nightly)
else
    CARGO=(cargo)
    export RUSTC_BOOTSTRAP=1
    SANITIZER=none
fi
if ! "${CARGO[@]}" fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
BUILD=(-O -a -s "$SANITIZER" --fuzz-dir "$FUZZ")
[ "$TRACE_COMPARES" = 1 ] || BUILD+=(--no-trace-compares)

# Strings that break naive text handling, one seed each: right-to-left scripts, CJK without
# spaces, combining marks, emoji sequences, CR and CRLF line ends, every quote style,
# numbers in their many spellings. All written for this script.
TRICKY=(
    $'Flood in Velmora\n\nThe mayor said 40 people were rescued on Monday.\n'
    $'Headline with CRLF\r\nThe council said \u201cwe will rebuild\u201d on Tuesday.\r\nAbout 1.2 million people live there.\r\n'
    $'Old Mac line ends\rMore than 6,000 were moved, officials said.\rNo one was hurt.\r'
    $'\u0641\u064a\u0636\u0627\u0646 \u0641\u064a \u0627\u0644\u0645\u062f\u064a\u0646\u0629. \u0642\u0627\u0644 \u0627\u0644\u0645\u062d\u0627\u0641\u0638 \u0625\u0646 40 \u0634\u062e\u0635\u0627 \u0623\u0646\u0642\u0630\u0648\u0627.\n'
    $'\u05e9\u05d9\u05d8\u05e4\u05d5\u05df \u05d1\u05e2\u05d9\u05e8. Governor Lena Varga said \u00ab\u05d4\u05db\u05dc \u05d1\u05e1\u05d3\u05e8\u00bb on Monday.\n'
    $'\u6d2a\u6c34\u51b2\u57ae\u4e86\u5927\u575d\u3002\u5e02\u957f\u8bf4\uff0c\u300c\u6211\u4eec\u4f1a\u91cd\u5efa\u300d\u3002\u7ea640\u4eba\u83b7\u6551\u3002\n'
    $'\u6cb3\u5ddd\u304c\u6c3e\u6feb\u3057\u305f\u3002\u5e02\u9577\u306f\u300c\u5fa9\u8208\u3059\u308b\u300d\u3068\u8ff0\u3079\u305f\u3002\n'
    $'Cafe\u0301 owner Zoe\u0308 Ma\u0301rquez said 19% of homes were lost. e\u0301\u0301\u0301\u0301 \u0301.\n'
    $'Families \U0001f469\u200d\U0001f469\u200d\U0001f467 waited. \U0001f1fa\U0001f1e6 flags flew.\u200b Share it\n'
    $'"Straight," he said. \u201cCurly,\u201d she said. \u201eLow,\u201c they said. \u00abAngle\u00bb \u2039single\u2039 \'quoted words\' and \u2018curly single\u2019.\n'
    $'Unclosed \u201cquote runs on\nto the next line. "Another one\n'
    $'between 5 and 7, 25,000\u201330,000, more than a fifth, at least 3.5 km2, up to $5bn, 1,2 million, -40, 10^9, 1e308, 99999999999999999999999 people.\n'
    $'Mr. Varga of the U.S. Dept. said at 3 p.m. on Oct. 15 that No. 4 had failed... Really?! Yes\u2026 (maybe).\n'
    $'VELMORA \u2014 Reporting by A. B.; Editing by C. D.\nRead more: Other news\nCookies help us. Accept all\n'
    $'<!DOCTYPE html><html><head><title>T</title></head><body><p>Flood &amp; rescue &#8220;now&#8221;</p><script>x</script></body></html>'
    $'<div class="story"><article><p class=\'a>b\'>The mayor said 40 people were rescued, officials said.</p><div class="comments"><p>First!</p></div></article><script>if (a < 1) {}</script><p>1 < 2</td></table><!-- open'
    $'<meta charset="windows-1252"><p>Caf\xe9 \x93quoted\x94</p><div id="modal-wrap"><div><div><p>Deep, deep, deep text of the story here.'
)

# Writes the seeds of both targets: articles alone for `read`; for `compare` single
# articles, pairs and the whole example set, joined by the 0xFF separator it splits on.
seed() {
    rm -rf "$SEEDS"
    mkdir -p "$SEEDS/read" "$SEEDS/compare" "$SEEDS/html"
    # Copies the files that exist and fit into a target's seeds, then the tricky strings.
    seed_target() {
        local target=$1 prefix=$2 max_bytes=$3 i=0 f
        shift 3
        for f in "$@"; do
            [ -f "$f" ] && [ "$(stat -c %s "$f")" -le "$max_bytes" ] || continue
            cp "$f" "$SEEDS/$target/$prefix-$i"
            i=$((i + 1))
        done
        for i in "${!TRICKY[@]}"; do
            printf '%s' "${TRICKY[$i]}" >"$SEEDS/$target/tricky-$i"
        done
    }
    local files=("$ROOT"/www/example/*.txt)
    [ -d "$ROOT/tests/bad_input" ] && files+=("$ROOT"/tests/bad_input/*)
    seed_target read file $((1 << 40)) "${files[@]}"
    # Pages for `html`: ours and the generated broken ones that fit. Only our own writing: the
    # kept corpus is made from these seeds and what grows from them, and third-party pages
    # (the saved-pages data) must not end up in the repository.
    seed_target html page 16384 "$ROOT"/tests/bad_input/page.html "$ROOT"/target/bad-input/*.html
    local examples=("$ROOT"/www/example/*.txt)
    join_ff() {
        local first=1 part
        for part in "$@"; do
            [ "$first" = 1 ] || printf '\xff'
            cat "$part"
            first=0
        done
    }
    join_ff "${examples[@]}" >"$SEEDS/compare/examples-all"
    for ((i = 0; i + 1 < ${#examples[@]}; i++)); do
        join_ff "${examples[$i]}" "${examples[$((i + 1))]}" >"$SEEDS/compare/examples-$i"
    done
    local read_seeds=("$SEEDS"/read/*)
    for ((i = 0; i + 1 < ${#read_seeds[@]}; i += 2)); do
        join_ff "${read_seeds[$i]}" "${read_seeds[$((i + 1))]}" >"$SEEDS/compare/pair-$i"
    done
}

# Fuzzes one target for a number of runs and prints what libFuzzer reported.
fuzz() {
    local target=$1 runs=$2 max_len=$3
    mkdir -p "$WORK/$target" "$FUZZ/corpus/$target" "$LOGS"
    local log="$LOGS/$target.log" start=$SECONDS status=0
    echo "== $target: $runs runs, -max_len=$max_len, sanitizer $SANITIZER, trace-compares $TRACE_COMPARES"
    "${CARGO[@]}" fuzz run "${BUILD[@]}" "$target" "$WORK/$target" "$SEEDS/$target" "$FUZZ/corpus/$target" -- \
        -runs="$runs" -max_total_time="$MAX_SECONDS" -max_len="$max_len" -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
    local seconds=$((SECONDS - start))
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$log" || true
    echo "wall time: ${seconds}s"
    if [ "$status" != 0 ]; then
        grep -E 'ERROR: libFuzzer|panicked at|^SUMMARY|Test unit written to' "$log" || tail -n 30 "$log"
        echo "$target FAILED (exit $status); full log: $log" >&2
        exit "$status"
    fi
}

# Replaces the kept corpus with the seeds and a small cover of the working corpus: the
# fewest inputs that reach every edge reached (hit counts ignored), smallest first, up to
# KEEP_FILES files and KEEP_BYTES bytes in all, so the repo keeps a handy start.
KEEP_FILES=60
KEEP_BYTES=200000
minimise() {
    local target=$1 max_len=$2
    local cover="$FUZZ/target/cover/$target"
    rm -rf "$cover"
    mkdir -p "$cover"
    cp "$WORK/$target"/* "$cover"/ 2>/dev/null || true
    cp "$SEEDS/$target"/* "$FUZZ/corpus/$target"/* "$cover"/ 2>/dev/null || true
    "${CARGO[@]}" fuzz cmin "${BUILD[@]}" "$target" "$cover" -- -max_len="$max_len" -timeout=10 \
        -use_counters=0 -set_cover_merge=1 >"$LOGS/$target-cmin.log" 2>&1
    rm -rf "$FUZZ/corpus/$target"
    mkdir -p "$FUZZ/corpus/$target"
    local files=0 bytes=0 name size f
    while read -r size f; do
        if [ $((files + 1)) -gt "$KEEP_FILES" ] || [ $((bytes + size)) -gt "$KEEP_BYTES" ]; then
            continue
        fi
        name=$(sha1sum "$f" | cut -d' ' -f1)
        [ -e "$FUZZ/corpus/$target/$name" ] && continue
        cp "$f" "$FUZZ/corpus/$target/$name"
        files=$((files + 1))
        bytes=$((bytes + size))
    done < <(for f in "$SEEDS/$target"/*; do echo "$(stat -c %s "$f") $f"; done
             for f in "$cover"/*; do echo "$(stat -c %s "$f") $f"; done | sort -n)
    echo "$target corpus: $(ls "$cover" | wc -l) inputs cover the edges; kept $files files, $bytes bytes"
}

seed
READ_RUNS=$((TOTAL_RUNS * READ_SHARE / 100))
if [ "$TOTAL_RUNS" -gt 0 ]; then
    for target in $TARGETS; do
        case $target in
            read) fuzz read "$READ_RUNS" 4096 ;;
            compare) fuzz compare $((TOTAL_RUNS - READ_RUNS)) 8192 ;;
            html) fuzz html "$HTML_RUNS" 16384 ;;
            *) echo "unknown target $target" >&2; exit 2 ;;
        esac
    done
fi
if [ "$MINIMISE" = 1 ]; then
    for target in $TARGETS; do
        case $target in
            read) minimise read 4096 ;;
            compare) minimise compare 8192 ;;
            html) minimise html 16384 ;;
        esac
    done
fi
