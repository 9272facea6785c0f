#!/usr/bin/env bash
# test-all.sh - run a list of make test targets one after the other and summarise them (`make test` calls it).
#
# Usage: scripts/test-all.sh [--quiet] [target...]
#   target...  the make targets to run, in order (the top Makefile passes $(TEST_TARGETS)). Without any, the list
#              is asked from make itself (the value of TEST_TARGETS, through a throwaway makefile under build/).
#   --quiet    keep each target's output in its log only, and print the last 30 lines of the ones that fail.
# Environment: MAKE (default make), BUILD (default build), MAKEFLAGS as usual (e.g. -j2 reaches each target),
#   TEST_ALL_MAKEFILE (default Makefile: the makefile the targets come from; other values are for testing this).
#
# Invariants:
# - Every target runs, whatever happened to the previous ones; one header line before each, its time after it.
# - Each target's whole output (stdout and stderr) is in build/logs/<target>.log; the summary is also written to
#   build/logs/summary.txt.
# - The last line printed is exactly "N passed, N failed" (counting targets); the exit code is 0 only if every
#   target passed. Ctrl-C stops the whole run (exit 130). Bad command line: exit 2.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
MAKEFILE_TOP="${TEST_ALL_MAKEFILE:-Makefile}"
MAKE_CMD=("${MAKE:-make}" --no-print-directory -f "$MAKEFILE_TOP")
BUILD_DIR="${BUILD:-build}"
LOG_DIR="$BUILD_DIR/logs"

QUIET=0
targets=()
for arg in "$@"; do
    case "$arg" in
        --quiet|-q) QUIET=1 ;;
        -h|--help)  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "test-all.sh: unknown option '$arg' (usage: scripts/test-all.sh [--quiet] [target...])" >&2
            exit 2 ;;
        *) targets+=("$arg") ;;
    esac
done

mkdir -p "$LOG_DIR" || { echo "test-all.sh: cannot create $LOG_DIR" >&2; exit 2; }

if [ ${#targets[@]} -eq 0 ]; then
    # Ask make for TEST_TARGETS without needing a rule for it in the top Makefile.
    printer="$LOG_DIR/.print-test-targets.mk"
    printf 'iridium-print-test-targets:\n\t@echo $(TEST_TARGETS)\n' > "$printer"
    if ! list="$("${MAKE_CMD[@]}" -s -f "$printer" iridium-print-test-targets)"; then
        echo "test-all.sh: could not read TEST_TARGETS from the Makefile" >&2
        exit 2
    fi
    read -r -a targets <<< "$list"
    if [ ${#targets[@]} -eq 0 ]; then
        echo "test-all.sh: TEST_TARGETS is empty: nothing to test" >&2
        exit 2
    fi
fi

trap 'echo; echo "test-all.sh: interrupted" >&2; exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

names=() results=() times=()
passed=0 failed=0
total=${#targets[@]}
run_start="$(now)"
i=0
for t in "${targets[@]}"; do
    i=$((i + 1))
    log="$LOG_DIR/$(printf '%s' "$t" | tr '/ ' '__').log"
    echo "==== [$i/$total] $t  (log: $log)"
    start="$(now)"
    if [ "$QUIET" = 1 ]; then
        "${MAKE_CMD[@]}" "$t" > "$log" 2>&1 < /dev/null
        rc=$?
    else
        "${MAKE_CMD[@]}" "$t" 2>&1 < /dev/null | tee "$log"
        rc=${PIPESTATUS[0]}
    fi
    # make reports death by SIGINT as 130 (or 2 after cleaning up); a real Ctrl-C also hits this script's trap.
    secs="$(elapsed "$start" "$(now)")"
    if [ "$rc" -eq 0 ]; then
        result=PASS
        passed=$((passed + 1))
    else
        result=FAIL
        failed=$((failed + 1))
        if [ "$QUIET" = 1 ]; then
            echo "---- last 30 lines of $log:"
            tail -n 30 "$log"
        fi
    fi
    echo "==== $result $t (${secs} s, exit $rc)"
    names+=("$t") results+=("$result") times+=("$secs")
done

total_secs="$(elapsed "$run_start" "$(now)")"
width=6
for t in "${names[@]}"; do [ ${#t} -gt $width ] && width=${#t}; done
{
    echo
    echo "==== summary"
    printf '%-*s  %-6s  %9s\n' "$width" "target" "result" "time (s)"
    for k in "${!names[@]}"; do
        printf '%-*s  %-6s  %9s\n' "$width" "${names[$k]}" "${results[$k]}" "${times[$k]}"
    done
    printf '%-*s  %-6s  %9s\n' "$width" "total" "" "$total_secs"
    echo "$passed passed, $failed failed"
} | tee "$LOG_DIR/summary.txt"

[ "$failed" -eq 0 ]
