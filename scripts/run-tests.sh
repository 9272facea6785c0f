#!/usr/bin/env bash
# run-tests.sh - run self-checking test programs (ELF files) on a simulator and summarise the results.
#
# Usage: scripts/run-tests.sh [--timeout S] [--max-cycles N] [--jobs J] [--log-dir DIR] -- SIM [SIMARGS...] -- ELF...
#
# For each ELF it runs `SIM SIMARGS... --elf ELF --max-cycles N` under a wall-clock timeout of S seconds, with
# stdin from /dev/null and stdout+stderr captured in DIR/<suite>/<name>.log (suite = the ELF's directory name).
# It prints one line per test, `PASS suite/name` or `FAIL suite/name (reason, see LOG)`, and ends with the line
# `N passed, N failed`. Exit status: 0 when every test passed, 1 when any failed, 2 for bad command-line input.
# Invariants: at most J (default 2) simulators run at once; a test passes only when the simulator exits 0.
set -u

usage() {
    echo "usage: $0 [--timeout S] [--max-cycles N] [--jobs J] [--log-dir DIR] -- SIM [SIMARGS...] -- ELF..." >&2
    exit 2
}

timeout_s=60
max_cycles=5000000
jobs=2
log_dir=build/logs

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

while [ $# -gt 0 ]; do
    case "$1" in
        --timeout)    [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || { echo "$0: --timeout needs a positive integer (seconds)" >&2; usage; }
                      timeout_s=$2; shift 2 ;;
        --max-cycles) [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || { echo "$0: --max-cycles needs a positive integer" >&2; usage; }
                      max_cycles=$2; shift 2 ;;
        --jobs)       [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || { echo "$0: --jobs needs a positive integer" >&2; usage; }
                      jobs=$2; shift 2 ;;
        --log-dir)    [ $# -ge 2 ] && [ -n "$2" ] || { echo "$0: --log-dir needs a directory" >&2; usage; }
                      log_dir=$2; shift 2 ;;
        --)           shift; break ;;
        -h|--help)    usage ;;
        *)            echo "$0: unknown option '$1'" >&2; usage ;;
    esac
done

sim=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    sim+=("$1"); shift
done
[ ${#sim[@]} -ge 1 ] || { echo "$0: no simulator given" >&2; usage; }
[ $# -ge 1 ] && [ "$1" = "--" ] || { echo "$0: missing '--' before the ELF files" >&2; usage; }
shift
[ $# -ge 1 ] || { echo "$0: no ELF files given" >&2; usage; }
elfs=("$@")

if [ ! -x "${sim[0]}" ] && ! command -v "${sim[0]}" >/dev/null 2>&1; then
    echo "$0: simulator '${sim[0]}' not found or not executable" >&2
    exit 2
fi
for e in "${elfs[@]}"; do
    [ -f "$e" ] || { echo "$0: no such ELF file: $e" >&2; exit 2; }
done

mkdir -p "$log_dir" || exit 2
results=$(mktemp -d "$log_dir/.results.XXXXXX") || exit 2
trap 'rm -rf "$results"' EXIT

# Run one test; writes a one-line verdict to $results/<index> and prints it.
run_one() {
    local idx=$1 elf=$2
    local base suite name log rc line
    base=$(basename "$elf" .elf)
    suite=$(basename "$(dirname "$elf")")
    name="$suite/$base"
    mkdir -p "$log_dir/$suite"
    log="$log_dir/$suite/$base.log"
    local t0 t1
    t0=$(date +%s)
    (
        echo "# $(printf '%q ' "${sim[@]}") --elf $elf --max-cycles $max_cycles"
        timeout --kill-after=5 "$timeout_s" "${sim[@]}" --elf "$elf" --max-cycles "$max_cycles" </dev/null 2>&1
        rc=$?
        echo "# exit status $rc"
        exit $rc
    ) >"$log" 2>&1
    rc=$?
    t1=$(date +%s)
    if [ $rc -eq 0 ]; then
        line="PASS $name"
    elif { [ $rc -eq 124 ] || [ $rc -eq 137 ]; } && [ $((t1 - t0)) -ge "$timeout_s" ]; then
        line="FAIL $name (timeout after ${timeout_s}s, see $log)"
    elif [ $rc -eq 124 ]; then
        line="FAIL $name (exit 124: --max-cycles $max_cycles reached, see $log)"
    else
        line="FAIL $name (exit $rc, see $log)"
    fi
    echo "$line" >"$results/$idx"
    echo "$line"
}

running=0
idx=0
for elf in "${elfs[@]}"; do
    if [ $running -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    run_one "$idx" "$elf" &
    running=$((running + 1))
    idx=$((idx + 1))
done
wait

passed=0
failed=0
for ((i = 0; i < idx; i++)); do
    if [ -f "$results/$i" ] && grep -q '^PASS ' "$results/$i"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
