#!/usr/bin/env bash
# test-bootrom.sh - end-to-end checks of the boot ROM firmware on one simulator (vsim or iss), without a disk
# image: the firmware prints its banner, finds no kernel and falls back to its console monitor (booting the kernel
# is tested by tests/os/run-tests.sh).
#
# Usage: os/boot/test-bootrom.sh SIMULATOR BOOTROM.elf BOOTROM.bin BOARD-NAME OUTDIR
#   e.g. os/boot/test-bootrom.sh build/bin/iss build/boot/bootrom.elf build/boot/bootrom.bin iss build/boot/test-iss
# Each check prints one "PASS name" or "FAIL name: why" line; the exit status is 1 if any failed, 2 on bad usage.
# Checks: banner and echo with Ctrl-D power off (exit 0); end of input does not end the run (the program keeps
# polling until --max-cycles, exit 124); a trap is reported and powers off with failure code 127 (exit 1), using a
# copy of the image whose main() starts with an illegal instruction. Simulator outputs are kept in OUTDIR.
set -uo pipefail

if [ $# -ne 5 ]; then
    echo "usage: $0 SIMULATOR BOOTROM.elf BOOTROM.bin BOARD-NAME OUTDIR" >&2
    exit 2
fi
SIM="$1" ELF="$2" BIN="$3" BOARD="$4" OUT="$5"
NM="${CROSS:-riscv64-unknown-elf-}nm"
MAX=5000000
for f in "$SIM" "$ELF" "$BIN"; do
    [ -e "$f" ] || { echo "test-bootrom.sh: $f does not exist" >&2; exit 2; }
done
mkdir -p "$OUT" || exit 2
name="$(basename "$SIM")"
failed=0

pass() { echo "PASS bootrom-$name: $1"; }
fail() { echo "FAIL bootrom-$name: $1: $2"; failed=1; }

# 1. banner, echo (CR becomes CR LF), Ctrl-D powers off with success
printf 'abc\rxyz\x04' | "$SIM" --bootrom "$BIN" --max-cycles "$MAX" > "$OUT/echo.out" 2> "$OUT/echo.err"
rc=$?
banner_re="^Iridium boot ROM [0-9.]+ on $BOARD: SoC 1\\.0, [0-9]+ Hz, [0-9]+ [MK]iB RAM"$'\r'"?\$"
first="$(head -n 1 "$OUT/echo.out")"
if [ $rc -ne 0 ]; then
    fail echo "exit status $rc, expected 0 (output in $OUT/echo.out, $OUT/echo.err)"
elif ! [[ "$first" =~ $banner_re ]]; then
    fail echo "unexpected banner line: '$first'"
elif ! grep -q 'Ctrl-A X' "$OUT/echo.out"; then
    fail echo "no line telling the user how to quit"
elif ! grep -q $'^abc\r$' "$OUT/echo.out" || ! grep -q $'^xyz\r$' "$OUT/echo.out"; then
    fail echo "the input 'abc<CR>xyz' was not echoed as 'abc<CR><LF>xyz' (see $OUT/echo.out)"
elif ! grep -q 'power off' "$OUT/echo.out"; then
    fail echo "no 'power off' message after Ctrl-D"
else
    pass "echo and power off ($first)"
fi

# 2. end of input is not the end of the run
printf 'abc' | "$SIM" --bootrom "$BIN" --max-cycles 300000 > "$OUT/eof.out" 2> "$OUT/eof.err"
rc=$?
if [ $rc -eq 124 ] && grep -q '^abc' "$OUT/eof.out"; then
    pass "keeps running after end of input"
else
    fail eof "exit status $rc (expected 124 from --max-cycles) or 'abc' not echoed (see $OUT/eof.out)"
fi

# 3. a trap is reported and powers off with failure code 127
main_addr="$("$NM" "$ELF" | awk '$3 == "main" { print $1 }')"
if [ -z "$main_addr" ]; then
    fail trap "no symbol main in $ELF"
else
    cp "$BIN" "$OUT/trap.bin"
    printf '\0\0\0\0' | dd of="$OUT/trap.bin" bs=1 seek=$((16#$main_addr)) conv=notrunc status=none
    printf 'x' | "$SIM" --bootrom "$OUT/trap.bin" --max-cycles "$MAX" > "$OUT/trap.out" 2>&1
    rc=$?
    want="unexpected trap: mcause 0x00000002 mepc 0x$main_addr mtval 0x00000000"
    if [ $rc -eq 1 ] && grep -q "$want" "$OUT/trap.out" && grep -q 'FAIL code 127' "$OUT/trap.out"; then
        pass "illegal instruction reported, power off with code 127"
    else
        fail trap "exit status $rc, expected 1 with '$want' and 'FAIL code 127' (see $OUT/trap.out)"
    fi
fi

exit $failed
