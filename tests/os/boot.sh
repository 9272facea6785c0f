#!/usr/bin/env bash
# boot.sh - boot the Iridium OS in a simulator: boot ROM firmware -> kernel -> init, disk image preloaded in RAM.
#
# Usage: tests/os/boot.sh iss|vsim [BOOTARGS] [extra simulator options...]
#   BOOTARGS e.g. "init=/bin/usertests" (default: the firmware's "init=/bin/init"). stdin/stdout are the console.
# Files: build/boot/bootrom.bin, build/disk.img (override with BOOTROM=, DISK=). Exit status: the simulator's.
set -uo pipefail
if [ $# -lt 1 ] || { [ "$1" != iss ] && [ "$1" != vsim ]; }; then
    echo "usage: $0 iss|vsim [BOOTARGS] [simulator options...]" >&2
    exit 2
fi
SIM="build/bin/$1"; shift
ARGS="${1:-}"; [ $# -gt 0 ] && shift
BOOTROM="${BOOTROM:-build/boot/bootrom.bin}"
DISK="${DISK:-build/disk.img}"
for f in "$SIM" "$BOOTROM" "$DISK"; do
    [ -e "$f" ] || { echo "boot.sh: $f does not exist (make disk bootrom)" >&2; exit 2; }
done
extra=()
if [ -n "$ARGS" ]; then
    # bootargs block at 0x400FF000: magic "IRBA" then the NUL-terminated string (os/boot/fw.h)
    argfile="$(mktemp /tmp/iridium-bootargs.XXXXXX)"
    trap 'rm -f "$argfile"' EXIT
    printf 'IRBA%s\0' "$ARGS" > "$argfile"
    extra+=(--load "$argfile@0x400FF000")
fi
"$SIM" --bootrom "$BOOTROM" --load "$DISK@0x42000000" "${extra[@]}" "$@"
