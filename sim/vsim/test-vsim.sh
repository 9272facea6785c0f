#!/usr/bin/env bash
# test-vsim.sh - checks the command-line contract of vsim (docs/sim.md) with the small programs of
# sim/vsim/tests: exit codes and messages of tohost and the finisher, system reset, --max-cycles, tracing files,
# piped UART input (no byte dropped), bad arguments. `make test-vsim` builds the programs and runs this.
#
# Usage: sim/vsim/test-vsim.sh VSIM ELFDIR    (ELFDIR holds the programs built by vsim.mk)
# Invariants: one "PASS name" / "FAIL name (why)" line per check, then "N passed, N failed"; exit 1 if any failed.
set -u
vsim=$1
dir=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-vsim.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok()  { echo "PASS $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1 ($2)"; failed=$((failed + 1)); }

# expect NAME RC STDERR-REGEX [vsim args...]: run vsim (stdin /dev/null), check exit code and stderr
expect() {
    local name=$1 want_rc=$2 want_err=$3
    shift 3
    timeout 60 "$vsim" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ $rc -ne "$want_rc" ]; then
        bad "$name" "exit $rc, expected $want_rc; stderr: $(head -c 300 "$tmp/err")"
    elif [ -n "$want_err" ] && ! grep -qE "$want_err" "$tmp/err"; then
        bad "$name" "stderr lacks /$want_err/: $(head -c 300 "$tmp/err")"
    else
        ok "$name"
    fi
}

expect tohost-pass      0   ''                    --elf "$dir/tohost-pass.elf" --max-cycles 100000
expect tohost-fail      1   '^FAIL test 2$'       --elf "$dir/tohost-fail.elf" --max-cycles 100000
expect finisher-pass    0   ''                    --elf "$dir/finish-pass.elf" --max-cycles 100000
expect finisher-fail    1   '^FAIL code 7$'       --elf "$dir/finish-fail.elf" --max-cycles 100000
expect max-cycles       124 'cycle limit'         --elf "$dir/spin.elf" --max-cycles 5000
expect reset            0   ''                    --elf "$dir/reset.elf" --max-cycles 100000
if [ "$(cat "$tmp/out")" = 3 ]; then ok reset-keeps-ram; else bad reset-keeps-ram "stdout '$(cat "$tmp/out")', expected 3"; fi
expect stats            124 'cycles 2000, instructions retired [0-9]+, CPI' \
                                                  --elf "$dir/spin.elf" --max-cycles 2000 --stats
expect seed             124 ''                    --elf "$dir/spin.elf" --max-cycles 2000 --seed 7
expect plusarg-seed     124 ''                    --elf "$dir/spin.elf" --max-cycles 2000 +verilator+seed+9

# tracing: FST written, instruction trace has one line per retired instruction
expect trace            124 ''                    --elf "$dir/spin.elf" --max-cycles 3000 \
                                                  --trace "$tmp/w.fst" --trace-from 100 --trace-to 200
if [ -s "$tmp/w.fst" ]; then ok trace-file; else bad trace-file "no $tmp/w.fst"; fi
expect trace-insn       124 ''                    --elf "$dir/spin.elf" --max-cycles 3000 --trace-insn "$tmp/t.txt"
n=$(wc -l < "$tmp/t.txt" 2>/dev/null || echo 0)
if [ "$n" -gt 500 ]; then ok trace-insn-lines; else bad trace-insn-lines "$n lines"; fi

# piped input: 3000 bytes through a 16-byte FIFO and a slow program, none dropped, output identical
awk 'BEGIN { srand(1); for (i = 0; i < 3000; i++) printf "%c", 32 + int(rand() * 95) }' > "$tmp/in"
{ cat "$tmp/in"; printf '\004'; } | timeout 120 "$vsim" --elf "$dir/echo.elf" --max-cycles 50000000 \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$tmp/in" "$tmp/out"; then ok uart-pipe
else bad uart-pipe "exit $rc, $(wc -c < "$tmp/out") of 3000 bytes back; $(head -c 200 "$tmp/err")"; fi
# end of input is not the end of the run: without 0x04 the program keeps waiting until the cycle limit
printf 'abc' | timeout 60 "$vsim" --elf "$dir/echo.elf" --max-cycles 200000 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 124 ] && [ "$(cat "$tmp/out")" = abc ]; then ok uart-eof
else bad uart-eof "exit $rc, output '$(head -c 50 "$tmp/out")'"; fi

# --load: a raw file into RAM; outside ROM/RAM is an error
printf 'ABCD' > "$tmp/four.bin"
expect load             124 ''                    --elf "$dir/spin.elf" --load "$tmp/four.bin@0x40100000" --max-cycles 100
expect load-outside     2   'does not fit'        --elf "$dir/spin.elf" --load "$tmp/four.bin@0x90000000"

# bad command lines and files: exit 2 with a message
expect bad-option       2   'unknown option'      --bogus
expect bad-number       2   'bad number'          --max-cycles 12x
expect missing-value    2   'needs a value'       --elf
expect missing-elf      2   'nonexistent'         --elf "$tmp/nonexistent.elf"
expect not-an-elf       2   ''                    --elf "$tmp/in"
expect missing-bootrom  2   'boot ROM'            --bootrom "$tmp/nonexistent.bin"
expect bad-trace-window 2   'trace-to'            --elf "$dir/spin.elf" --trace "$tmp/x.fst" --trace-from 5 --trace-to 5
expect help             0   ''                    --help

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
