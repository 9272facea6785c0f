#!/usr/bin/env bash
# run_progs.sh - end-to-end tests of the `iss` program on cross-compiled programs (make test-iss-progs).
#
# usage: run_progs.sh ISS_BINARY PROGRAM_DIR
# Each case runs the simulator with a time limit and checks the exit status and what appears on stdout/stderr.
# Prints PASS/FAIL per case and "N passed, N failed"; exits 1 if any case failed.
set -u
iss=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check NAME EXPECTED_RC STDOUT_PATTERN STDERR_PATTERN -- ARGS... ; stdin from $input (default /dev/null)
check() {
    local name=$1 want_rc=$2 out_pat=$3 err_pat=$4
    shift 5
    local rc
    timeout 60 "$iss" "$@" <"${input:-/dev/null}" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    local why=""
    [ "$rc" -eq "$want_rc" ] || why="exit status $rc, expected $want_rc"
    if [ -z "$why" ] && [ -n "$out_pat" ] && ! grep -qE -- "$out_pat" "$tmp/out"; then why="stdout lacks /$out_pat/"; fi
    if [ -z "$why" ] && [ -n "$err_pat" ] && ! grep -qE -- "$err_pat" "$tmp/err"; then why="stderr lacks /$err_pat/"; fi
    if [ -z "$why" ]; then
        echo "PASS iss-progs/$name"
        passed=$((passed + 1))
    else
        echo "FAIL iss-progs/$name: $why"
        sed -e 's/^/    out: /' "$tmp/out" | head -5
        sed -e 's/^/    err: /' "$tmp/err" | head -5
        failed=$((failed + 1))
    fi
}

input=
check hello 0 '^Hello, Iridium!$' '' -- --elf "$dir/hello.elf"
check hello-board 0 'board 00000001 ram 04000000 version 00010000' '' -- --elf "$dir/hello.elf"
check ram-size 0 'ram 00100000' '' -- --elf "$dir/hello.elf" --ram-mb 1
check sv32 0 '^Sv$' '' -- --elf "$dir/sv32.elf" --max-cycles 100000
check timer 0 '' '' -- --elf "$dir/timer.elf" --max-cycles 100000
check failcode 1 '' '^FAIL code 7$' -- --elf "$dir/failcode.elf"
check tohost-pass 0 '' '' -- --elf "$dir/tohost_pass.elf" --max-cycles 1000
check tohost-fail 1 '' '^FAIL test 3$' -- --elf "$dir/tohost_fail.elf" --max-cycles 1000
check max-cycles 124 '' 'max-cycles 1000 reached' -- --elf "$dir/loop.elf" --max-cycles 1000
check stats 124 '' 'iss: 5000 instructions .* MIPS' -- --elf "$dir/loop.elf" --max-cycles 5000 --stats
check bootrom-reset 0 '^ag$' '' -- --bootrom "$dir/romboot.bin" --max-cycles 100000
check trace 0 '' '' -- --elf "$dir/tohost_pass.elf" --trace-insn "$tmp/trace"
if grep -q '^M 40000008 (02b50633) mul     a2,a0,a1 .* x12=0x0000002a$' "$tmp/trace" &&
   [ "$(wc -l <"$tmp/trace")" -ge 10 ]; then
    echo "PASS iss-progs/trace-content"; passed=$((passed + 1))
else
    echo "FAIL iss-progs/trace-content: no 'mul a2,a0,a1 ... x12=0x0000002a' line"; head -12 "$tmp/trace" | sed 's/^/    /'
    failed=$((failed + 1))
fi
# input from a pipe, longer than the 16-byte RX FIFO, consumed slowly: nothing may be dropped
printf 'the quick brown fox jumps over the lazy dog, twice: the quick brown fox jumps over the lazy dog.' >"$tmp/in"
input=$tmp/in
check echo-pipe 0 '^THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG, TWICE: THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG\.$' '' \
    -- --elf "$dir/echo.elf" --max-cycles 200000000
# end of input is not the end of the run: without the final '.', the program waits until --max-cycles
printf 'abc' >"$tmp/in"
check echo-eof 124 '^ABC$' '' -- --elf "$dir/echo.elf" --max-cycles 2000000
input=
# command-line and file errors: exit 2 with a message
check bad-option 2 '' 'unknown argument: --bogus' -- --bogus
check missing-value 2 '' 'missing value after: --elf' -- --elf
check bad-number 2 '' 'bad number for --max-cycles' -- --max-cycles 12x --elf "$dir/loop.elf"
check bad-ram 2 '' 'ram-mb must be' -- --ram-mb 0 --elf "$dir/loop.elf"
check no-file 2 '' "cannot open '/nonexistent.elf'" -- --elf /nonexistent.elf
check not-elf 2 '' 'is not an ELF file' -- --elf "$dir/romboot.bin"
check no-bootrom 2 '' "boot ROM: cannot open 'build/boot/nonexistent.bin'" -- --bootrom build/boot/nonexistent.bin
head -c 20000 /dev/zero >"$tmp/big.bin"
check big-bootrom 2 '' 'more than the 16384 bytes' -- --bootrom "$tmp/big.bin"
check help 0 'usage: iss' '' -- --help

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
