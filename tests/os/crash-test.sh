#!/usr/bin/env bash
# crash-test.sh - power-cut test of the OS's file system in the simulators, booting from the SD card model.
#
# Usage: tests/os/crash-test.sh [--iss-cuts N] [--vsim-cuts N] [--ops N] [--vsim-ops N] [--seed S] [--out DIR]
#                                [--broken]
#   (defaults: 20 cuts on the ISS, 3 on vsim, 150 / 40 workload operations; seed from $CRASH_SEED or the clock)
#
# For each cut point: a fresh copy of build/disk.img boots with bootargs "init=/bin/fsstress -s W -n OPS"
# (user/bin/fsstress.c: a write-heavy workload that prints "DONE <path> <size> <cksum> ." once a file is complete
# and durable, and never touches that file again); the power is cut at a random cycle N (--power-cut N: vsim
# cycles, ISS instructions) between the workload's start and end cycles, which a calibration run (no cut) of the
# same workload measured first. Then:
#   1. fsimage fsck of the cut image must be clean (it checks a committed-but-not-installed log "as replayed");
#   2. when the cut left a committed transaction in the log (fsck notes it), a first recovery boot is itself cut
#      inside the kernel's log replay (found by bisection), and fsck must still be clean (up to MAX_RECOV times);
#   3. the ISS boots the image with "init=/bin/fsstress -v -s W" (the kernel replays the log at mount): it lists
#      every file under /s with size and cksum, and checks that every workload file's bytes follow its pattern;
#   4. every DONE file must be listed with the same size and checksum, and `fsimage get` must give the same bytes
#      (host `cksum`); no file may have a name the workload never makes; no file may be BAD;
#   5. fsimage fsck after the clean shutdown of that boot must be clean too.
# Prints "PASS crash-SIM cut N: ..." / "FAIL crash-SIM cut N: why" per cut point (the calibration runs, checked
# the same way without a cut, count as well), the seed to reproduce, and a summary with the fsck results.
# --broken runs the workload with fsstress -B (DONE printed before the file is written): cut points must then FAIL,
# which shows that the checker detects a durability promise made too early.
# Exit status: 0 all passed, 1 any failure, 2 bad usage or missing files. Outputs: DIR (default build/os/crash):
# one log per run; the image of a failed cut point is kept there.
set -uo pipefail

BROKEN=""; ISS_CUTS=20; VSIM_CUTS=3; OPS=150; VSIM_OPS=40; OUT=build/os/crash
SEED="${CRASH_SEED:-$(( $(date +%s) % 100000 ))}"
usage() { echo "usage: $0 [--iss-cuts N] [--vsim-cuts N] [--ops N] [--vsim-ops N] [--seed S] [--out DIR] [--broken]" >&2; exit 2; }
isnum() { [[ "$1" =~ ^[0-9]+$ ]]; }
while [ $# -gt 0 ]; do
    case "$1" in
        --iss-cuts|--vsim-cuts|--ops|--vsim-ops|--seed)
            [ $# -ge 2 ] && isnum "$2" || usage
            case "$1" in
                --iss-cuts) ISS_CUTS=$2;; --vsim-cuts) VSIM_CUTS=$2;; --ops) OPS=$2;; --vsim-ops) VSIM_OPS=$2;;
                --seed) SEED=$2;;
            esac
            shift 2;;
        --out) [ $# -ge 2 ] || usage; OUT=$2; shift 2;;
        --broken) BROKEN=" -B"; shift;;
        *) usage;;
    esac
done

BOOTROM=build/boot/bootrom.bin
DISK=build/disk.img
FSIMAGE=build/bin/fsimage
for f in build/bin/iss "$BOOTROM" "$DISK" "$FSIMAGE"; do
    [ -e "$f" ] || { echo "crash-test: $f does not exist (make iss bootrom disk fsimage)" >&2; exit 2; }
done
[ "$VSIM_CUTS" -eq 0 ] || [ -e build/bin/vsim ] || { echo "crash-test: build/bin/vsim does not exist" >&2; exit 2; }
mkdir -p "$OUT" || exit 2
rm -f "$OUT"/*.img "$OUT"/*.log

echo "crash-test: seed $SEED (reproduce: CRASH_SEED=$SEED $0 --iss-cuts $ISS_CUTS --vsim-cuts $VSIM_CUTS --ops $OPS --vsim-ops $VSIM_OPS${BROKEN:+ --broken})"
# a deterministic generator (bash's $RANDOM is not reproducible across subshells): rand30 sets $R
rng=$SEED
rand30() { rng=$(( (rng * 1103515245 + 12345) % 2147483648 )); R=$(( rng >> 1 )); }

TMP="$(mktemp -d /tmp/iridium-crash.XXXXXX)" || exit 2
trap 'rm -rf "$TMP"' EXIT

# run_os SIM IMG BOOTARGS LOG [simulator options...] -> $rc
run_os() {
    local sim="$1" img="$2" args="$3" log="$4" limit=120
    shift 4
    [ "$sim" = vsim ] && limit=600
    printf 'IRBA%s\0' "$args" > "$TMP/bootargs"
    timeout "$limit" "build/bin/$sim" --bootrom "$BOOTROM" --disk "$img" --load "$TMP/bootargs@0x400FF000" \
        --max-cycles 4000000000 "$@" < /dev/null 2>&1 | tr -d '\r' > "$log"     # the console sends CR LF
    rc=${PIPESTATUS[0]}
}

MAX_RECOV=6           # recovery boots cut inside the log replay (each costs a bisection of ~13 short ISS runs)
passed=0; failed=0; fsck_cut_clean=0; fsck_after_clean=0; runs=0; recov_cuts=0; pending=0

# check IMG WSEED LOG_OF_WORKLOAD NAME -> sets $why (empty = pass), $ndone, $nfiles
check_image() {
    local img="$1" wseed="$2" wlog="$3" name="$4" line path size crc got
    why=""; ndone=0; nfiles=0
    # 1. fsck of the image exactly as the cut left it
    if "$FSIMAGE" fsck "$img" > "$OUT/$name.fsck1.log" 2>&1; then
        fsck_cut_clean=$((fsck_cut_clean + 1))
        grep -q 'not yet installed' "$OUT/$name.fsck1.log" && pending=$((pending + 1))
    else
        why="fsck of the cut image: $(grep -v '^fsck: note' "$OUT/$name.fsck1.log" | grep -m2 -v 'clean\|^fsck: disk\|files,' | tr '\n' ' ')"
    fi
    # 2. when the cut left a committed transaction in the log, cut the recovery boot too, inside the replay: find
    #    by bisection (on copies) the first cycle at which the kernel has cleared the log header, then cut the
    #    real image at a random point of the replay (about 15 k ISS steps per logged block: read it, install it)
    recov=""
    if [ -z "$why" ] && [ "$recov_cuts" -lt "$MAX_RECOV" ] && grep -q 'not yet installed' "$OUT/$name.fsck1.log"; then
        local lo=1000000 hi=8000000 mid n2
        while [ $((hi - lo)) -gt 1000 ]; do
            mid=$(( (lo + hi) / 2 ))
            cp "$img" "$TMP/probe.img"
            run_os iss "$TMP/probe.img" "init=/bin/fsstress -v -s $wseed" "$TMP/probe.log" --power-cut "$mid"
            if "$FSIMAGE" fsck "$TMP/probe.img" 2>&1 | grep -q 'not yet installed'; then lo=$mid; else hi=$mid; fi
        done
        local nb; nb="$(sed -n 's/.*committed transaction [0-9]* of \([0-9]*\) blocks.*/\1/p' "$OUT/$name.fsck1.log")"
        rand30; n2=$(( hi - 1 - R % (${nb:-10} * 15000) ))
        run_os iss "$img" "init=/bin/fsstress -v -s $wseed" "$OUT/$name.recovery-cut.log" --power-cut "$n2"
        recov_cuts=$((recov_cuts + 1))
        recov=", recovery boot cut at $n2 (replay ends near $hi)"
        [ $rc -eq 3 ] || why="recovery boot with a cut at $n2: exit status $rc"
        if [ -z "$why" ] && ! "$FSIMAGE" fsck "$img" > "$OUT/$name.fsck-rc.log" 2>&1; then
            why="fsck after a cut at $n2 during the recovery boot: $(grep -m2 -v 'clean\|^fsck: disk\|files,\|note' "$OUT/$name.fsck-rc.log" | tr '\n' ' ')"
        fi
    fi
    [ -n "$why" ] && return
    # 3. boot and verify in the OS (the kernel replays the log)
    run_os iss "$img" "init=/bin/fsstress -v -s $wseed" "$OUT/$name.verify.log"
    if [ $rc -ne 0 ] || ! grep -q '^fsstress: verify files [0-9]* bad 0$' "$OUT/$name.verify.log"; then
        why="verify boot: exit status $rc, $(grep -m1 -E '^fsstress: (verify|error)|^FILE .* BAD$|panic' "$OUT/$name.verify.log")"
        return
    fi
    grep -E '^FILE ' "$OUT/$name.verify.log" | awk '{print $2, $3, $4}' > "$TMP/files"
    nfiles=$(wc -l < "$TMP/files")
    local odd
    odd="$(awk '{print $1}' "$TMP/files" | grep -vE '^/s/(d[0-3]/[far][0-9]+|t[0-9]+|x/s[0-9]+|x/dir[0-9]+/e[0-9])$' | head -3 | tr '\n' ' ')"
    [ -z "$odd" ] || { why="unexpected names: $odd"; return; }
    # 4. every DONE file, in the OS's listing and through fsimage get
    grep -aE '^DONE /s/[^ ]+ [0-9]+ [0-9]+ \.$' "$wlog" | awk '{print $2, $3, $4}' > "$TMP/done"
    ndone=$(wc -l < "$TMP/done")
    while read -r path size crc; do
        line="$(grep -m1 "^$path " "$TMP/files")"
        if [ "$line" != "$path $size $crc" ]; then
            why="DONE $path $size $crc but the OS lists '${line:-nothing}'"; return
        fi
        got="$("$FSIMAGE" get "$img" "$path" - 2>/dev/null | cksum)"
        if [ "$got" != "$crc $size" ]; then
            why="DONE $path $size $crc but fsimage get gives cksum '$got'"; return
        fi
    done < "$TMP/done"
    # 5. fsck after the clean shutdown of the verify boot
    if "$FSIMAGE" fsck "$img" > "$OUT/$name.fsck2.log" 2>&1; then
        fsck_after_clean=$((fsck_after_clean + 1))
    else
        why="fsck after the verify boot: $(grep -m2 -v 'clean\|^fsck: disk\|files,\|note' "$OUT/$name.fsck2.log" | tr '\n' ' ')"
    fi
}

# one cut point (cut = 0: the calibration run, no cut) on SIM with workload seed W and OPS operations
one_run() {
    local sim="$1" w="$2" ops="$3" cut="$4" name="$5" img="$OUT/$5.img" what
    cp "$DISK" "$img" || exit 2
    runs=$((runs + 1))
    if [ "$cut" = 0 ]; then
        run_os "$sim" "$img" "init=/bin/fsstress$BROKEN -s $w -n $ops" "$OUT/$name.log"
        what="no cut (calibration), workload seed $w"
        [ $rc -eq 0 ] || { fail_run "$sim" "$name" "$what" "workload exit status $rc (see $OUT/$name.log)"; return; }
    else
        run_os "$sim" "$img" "init=/bin/fsstress$BROKEN -s $w -n $ops" "$OUT/$name.log" --power-cut "$cut"
        what="power cut at $cut, workload seed $w"
        if [ $rc -ne 3 ] && [ $rc -ne 0 ]; then
            fail_run "$sim" "$name" "$what" "workload exit status $rc (see $OUT/$name.log)"; return
        fi
        grep -q '^fsstress: error' "$OUT/$name.log" && { fail_run "$sim" "$name" "$what" "workload error"; return; }
    fi
    check_image "$img" "$w" "$OUT/$name.log" "$name"
    if [ -n "$why" ]; then
        fail_run "$sim" "$name" "$what" "$why"
    else
        passed=$((passed + 1))
        echo "PASS crash-$sim $name: $what$recov: $ndone DONE files intact, $nfiles files listed, fsck clean before and after replay"
        rm -f "$img"
    fi
}
fail_run() {
    failed=$((failed + 1))
    echo "FAIL crash-$1 $2: $3: $4 (image kept: $OUT/$2.img)"
}

# calibrate SIM W OPS NAME -> $start $end (cycles), from the no-cut run's "start"/"end" lines
calibrate() {
    one_run "$1" "$2" "$3" 0 "$4"
    start="$(sed -n 's/^fsstress: start .* cycle \([0-9]*\)$/\1/p' "$OUT/$4.log")"
    end="$(sed -n 's/^fsstress: end .* cycle \([0-9]*\)$/\1/p' "$OUT/$4.log")"
    if [ -z "$start" ] || [ -z "$end" ]; then
        echo "FAIL crash-$1 $4: no start/end cycle in $OUT/$4.log"; failed=$((failed + 1)); return 1
    fi
    echo "  crash-$1: workload seed $2, $3 operations: cycles $start .. $end"
}

# ---- ISS: 4 workload seeds, each calibrated, the cut points spread over them ----------------------------------
NSEEDS=4
[ "$ISS_CUTS" -lt "$NSEEDS" ] && NSEEDS=$ISS_CUTS
declare -a ST EN
for ((s = 0; s < NSEEDS; s++)); do
    w=$((SEED * 10 + s))
    if calibrate iss "$w" "$OPS" "iss-calib-$s"; then ST[$s]=$start; EN[$s]=$end; else ST[$s]=""; fi
done
for ((i = 0; i < ISS_CUTS; i++)); do
    s=$((i % NSEEDS)); w=$((SEED * 10 + s))
    [ -n "${ST[$s]}" ] || continue
    rand30; n=$(( ST[s] + R % (EN[s] - ST[s]) ))
    one_run iss "$w" "$OPS" "$n" "iss-cut-$i"
done

# ---- vsim: one calibration, then the cut points (verification on the ISS, same image format) ------------------
if [ "$VSIM_CUTS" -gt 0 ]; then
    w=$((SEED * 10 + 7))
    if calibrate vsim "$w" "$VSIM_OPS" "vsim-calib"; then
        for ((i = 0; i < VSIM_CUTS; i++)); do
            rand30; n=$(( start + R % (end - start) ))
            one_run vsim "$w" "$VSIM_OPS" "$n" "vsim-cut-$i"
        done
    fi
fi

total=$((passed + failed))
echo "crash-test: $runs runs ($ISS_CUTS cut points on the ISS, $VSIM_CUTS on vsim, calibration runs without a cut," \
     "$recov_cuts recovery boots cut inside the log replay, $pending images with a committed transaction to replay): $passed passed, $failed failed;" \
     "fsck clean on $fsck_cut_clean images as cut, $fsck_after_clean after the replaying boot; seed $SEED"
[ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
