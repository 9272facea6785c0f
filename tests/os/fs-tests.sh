#!/usr/bin/env bash
# fs-tests.sh - the file-system system tests and throughput figures of the OS, booting from the SD card model.
#
# Usage: tests/os/fs-tests.sh fstests [iss|vsim] [OUTDIR]
#          a fresh image (fsimage mkfs, 16 MiB, 3072 inodes, kernel + build/os/root) boots with
#          "init=/bin/fstests" (user/bin/fstests.c); its PASS/FAIL lines are shown; then the image must pass
#          fsimage fsck, the file the suite leaves (/fstests.keep) must have the size and cksum it printed (read
#          with fsimage get), and /fst must be gone.
#        tests/os/fs-tests.sh bench [iss|vsim...] [OUTDIR]
#          fsbench (user/bin/fsbench.c) on a fresh copy of build/disk.img: boot 1 writes 1 MiB + fsync and reads it
#          back (cache defeated by size), boot 2 (a reboot: cold cache) reads it again and deletes it; prints the
#          cycles per KiB of each simulator (vsim: clock cycles; iss: instructions).
# Prints "PASS fs-SIM: name" / "FAIL fs-SIM: name: why" lines; exit status 1 if any failed, 2 on bad usage.
# Needs build/bin/{iss,vsim,fsimage}, build/boot/bootrom.bin, build/kernel/kernel.bin, build/os/root, build/disk.img.
set -uo pipefail
usage() { echo "usage: $0 fstests [iss|vsim] [OUTDIR] | $0 bench [iss] [vsim] [OUTDIR]" >&2; exit 2; }
[ $# -ge 1 ] || usage
MODE="$1"; shift
SIMS=()
while [ $# -gt 0 ] && { [ "$1" = iss ] || [ "$1" = vsim ]; }; do SIMS+=("$1"); shift; done
[ ${#SIMS[@]} -gt 0 ] || SIMS=(iss)
OUT="${1:-build/os/fs-$MODE}"
[ $# -le 1 ] || usage
BOOTROM=build/boot/bootrom.bin
FSIMAGE=build/bin/fsimage
for f in "$BOOTROM" "$FSIMAGE" build/kernel/kernel.bin build/os/root/bin build/disk.img; do
    [ -e "$f" ] || { echo "fs-tests: $f does not exist (make bootrom kernel disk fsimage)" >&2; exit 2; }
done
for s in "${SIMS[@]}"; do [ -x "build/bin/$s" ] || { echo "fs-tests: build/bin/$s does not exist" >&2; exit 2; }; done
mkdir -p "$OUT" || exit 2
TMP="$(mktemp -d /tmp/iridium-fs.XXXXXX)" || exit 2
trap 'rm -rf "$TMP"' EXIT
failed=0
pass() { echo "PASS fs-$1: $2"; }
fail() { echo "FAIL fs-$1: $2: $3"; failed=1; }

# run_os SIM IMG BOOTARGS LOG TIMEOUT -> $rc (console CR LF turned into LF)
run_os() {
    printf 'IRBA%s\0' "$3" > "$TMP/bootargs"
    timeout "$5" "build/bin/$1" --bootrom "$BOOTROM" --disk "$2" --load "$TMP/bootargs@0x400FF000" \
        --max-cycles 20000000000 --stats < /dev/null 2>&1 | tr -d '\r' > "$4"
    rc=${PIPESTATUS[0]}
}

do_fstests() {
    local sim="$1" img="$OUT/fstests-$1.img" log="$OUT/fstests-$1.log" limit=300
    [ "$sim" = vsim ] && limit=3600
    rm -f "$img"
    if ! "$FSIMAGE" mkfs "$img" --size 16 --inodes 3072 --kernel build/kernel/kernel.bin --root build/os/root \
            > "$OUT/mkfs.log" 2>&1; then
        fail "$sim" "mkfs" "$(cat "$OUT/mkfs.log")"; return
    fi
    run_os "$sim" "$img" "init=/bin/fstests" "$log" "$limit"
    grep -E '^(PASS|FAIL) |^  ' "$log" | sed "s/^/  fstests: /"
    if [ $rc -eq 0 ] && grep -q '^fstests: [0-9]* passed, 0 failed' "$log"; then
        pass "$sim" "fstests: $(grep -o '[0-9]* passed, 0 failed' "$log") (exit status 0)"
    else
        fail "$sim" "fstests" "exit status $rc, $(grep -m1 -o '^fstests: [0-9]* passed, [0-9]* failed' "$log") (see $log)"
    fi
    if "$FSIMAGE" fsck "$img" > "$OUT/fsck-$sim.log" 2>&1; then
        pass "$sim" "fsck of the image after fstests: $(tail -1 "$OUT/fsck-$sim.log" | sed 's/^fsck: //')"
    else
        fail "$sim" "fsck after fstests" "$(grep -m3 -v '^fsck: disk\|files,' "$OUT/fsck-$sim.log" | tr '\n' ' ')"
    fi
    local keep want got
    keep="$(sed -n 's/^fstests: keep \([^ ]*\) \([0-9]*\) \([0-9]*\)$/\1 \3 \2/p' "$log")"
    if [ -n "$keep" ]; then
        want="${keep#* }"
        got="$("$FSIMAGE" get "$img" "${keep%% *}" - 2>/dev/null | cksum)"
        if [ "$got" = "$want" ]; then pass "$sim" "data written in the OS read back on the host (fsimage get, cksum $want)"
        else fail "$sim" "keep file" "fsimage get gives cksum '$got', the OS printed '$want'"; fi
    else
        fail "$sim" "keep file" "fstests did not print its keep line"
    fi
    if "$FSIMAGE" ls "$img" / 2>/dev/null | grep -qx 'fst/'; then fail "$sim" "cleanup" "/fst is still there"
    else pass "$sim" "every test cleaned up after itself (no /fst)"; fi
    echo "  fs-$sim: $(grep -m1 -E '^(iss|vsim): ' "$log" || true)"
}

do_bench() {
    local sim="$1" img="$OUT/bench-$1.img" limit=120 w r rc1 rc2
    [ "$sim" = vsim ] && limit=1200
    cp build/disk.img "$img" || exit 2
    run_os "$sim" "$img" "init=/bin/fsbench -w -r" "$OUT/bench-$sim-1.log" "$limit"; rc1=$rc
    run_os "$sim" "$img" "init=/bin/fsbench -r -d" "$OUT/bench-$sim-2.log" "$limit"; rc2=$rc
    if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && grep -q '^fsbench: done' "$OUT/bench-$sim-2.log"; then
        pass "$sim" "fsbench: 1 MiB written, read back intact twice (after the write, after a reboot), deleted"
    else
        fail "$sim" "fsbench" "exit status $rc1/$rc2 (see $OUT/bench-$sim-[12].log)"
    fi
    "$FSIMAGE" fsck -q "$img" > /dev/null 2>&1 || fail "$sim" "fsck after fsbench" "not clean"
    local unit=cycles; [ "$sim" = iss ] && unit="cycles (ISS: instructions)"
    echo "  fs-$sim fsbench figures, $unit per KiB, 1 MiB sequential, 4 KiB calls, SD card over SPI:"
    grep -h '^fsbench: result' "$OUT/bench-$sim-1.log" "$OUT/bench-$sim-2.log" | sed "s/^fsbench: result /    /"
    rm -f "$img"
}

case "$MODE" in
    fstests) for s in "${SIMS[@]}"; do do_fstests "$s"; done;;
    bench) for s in "${SIMS[@]}"; do do_bench "$s"; done;;
    *) usage;;
esac
exit $failed
