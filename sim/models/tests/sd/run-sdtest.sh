#!/usr/bin/env bash
# run-sdtest.sh - the SD card end-to-end test on one simulator (make test-sd-iss / test-sd-vsim).
#
# Usage: run-sdtest.sh iss|vsim SIM_BINARY SDTEST_ELF SDIMG_TOOL WORKDIR
#   1. a fresh image (sdimg make), sdtest.elf with --disk: exit 0, "sdtest: PASS", then `sdimg check` on the image;
#   2. vsim only: the same under --difftest (the ISS follows the RTL, copying its SPI register reads);
#   3. --power-cut: a sweep of cut points over the whole run, then points spread over the part where the writes
#      happen; each run must exit 3 and leave an image where every written sector is wholly old or wholly new and
#      the new ones are the first ones written (`sdimg cut`); at least one cut must fall between two writes.
# Prints one PASS/FAIL line per check and exits 1 if any failed. Bad usage: exit 2.
set -uo pipefail

[ $# -eq 5 ] || { echo "usage: run-sdtest.sh iss|vsim SIM_BINARY SDTEST_ELF SDIMG_TOOL WORKDIR" >&2; exit 2; }
kind=$1 sim=$2 elf=$3 sdimg=$4 dir=$5
case $kind in iss|vsim) ;; *) echo "run-sdtest.sh: simulator kind must be iss or vsim" >&2; exit 2 ;; esac
mkdir -p "$dir" || exit 2
img=$dir/sd.img
fails=0
limit=50000000

pass() { echo "PASS sd-$kind: $*"; }
fail() { echo "FAIL sd-$kind: $*"; fails=$((fails + 1)); }

# run_sim LOG extra-args... ; sets rc
run_sim() {
    local log=$1; shift
    "$sim" --elf "$elf" --disk "$img" --max-cycles $limit "$@" < /dev/null > "$log" 2>&1
    rc=$?
}

# total cycles (vsim) or instructions (iss) of a run, from its --stats line
total_of() {
    if [ "$kind" = vsim ]; then sed -n 's/^vsim: cycles \([0-9]*\),.*/\1/p' "$1"
    else sed -n 's/^iss: \([0-9]*\) instructions.*/\1/p' "$1"; fi
}

# ---- 1. a complete run ----
"$sdimg" make "$img" || { echo "run-sdtest.sh: cannot make $img" >&2; exit 2; }
run_sim "$dir/run.log" --stats
if [ $rc -eq 0 ] && grep -q "^sdtest: PASS" "$dir/run.log"; then
    pass "sdtest.elf passes (log: $dir/run.log)"
else
    fail "sdtest.elf exit $rc:"; sed 's/^/    /' "$dir/run.log" | tail -15
fi
if "$sdimg" check "$img" > "$dir/check.log"; then pass "image holds every write and nothing else"
else fail "image check:"; sed 's/^/    /' "$dir/check.log" | head; fi
grep "^sdtest: .*cycles\|divider" "$dir/run.log" | sed 's/^/    /'
total=$(total_of "$dir/run.log")
[ -n "$total" ] || { fail "no --stats total in $dir/run.log"; total=0; }

# ---- 2. difftest (vsim) ----
if [ "$kind" = vsim ]; then
    "$sdimg" make "$img" || exit 2
    run_sim "$dir/difftest.log" --difftest
    if [ $rc -eq 0 ] && grep -q "^sdtest: PASS" "$dir/difftest.log" && "$sdimg" check "$img" > /dev/null; then
        pass "sdtest.elf passes under --difftest"
    else
        fail "sdtest.elf under --difftest, exit $rc:"; sed 's/^/    /' "$dir/difftest.log" | tail -20
    fi
fi

# ---- 3. power cuts ----
# cut N -> prints the number of new sectors (or "bad")
cut_at() {
    "$sdimg" make "$img" || exit 2
    run_sim "$dir/cut.log" --power-cut "$1"
    if [ $rc -ne 3 ] || ! grep -q "power cut" "$dir/cut.log"; then
        echo "bad-exit-$rc"; return
    fi
    local out
    if out=$("$sdimg" cut "$img"); then
        echo "$out" | sed -n 's/^sdimg: \([0-9]*\) of .*/\1/p'
    else
        echo "bad"; echo "$out" >> "$dir/cut-errors.log"
    fi
}

if [ "$total" -gt 0 ]; then
    : > "$dir/cut-errors.log"
    declare -a pts=() res=()
    lo=0 hi=$total cuts_ok=1 partial=0
    for k in $(seq 1 15); do
        p=$((total * k / 16)); n=$(cut_at $p)
        pts+=("$p"); res+=("$n")
        case $n in bad*) cuts_ok=0 ;; esac
        [ "$n" = 0 ] && lo=$p
        if [ "$n" = 9 ] && [ $hi -eq $total ]; then hi=$p; fi
    done
    # the writes lie between the last cut with no new sector and the first with all 9 (SDT_NWRITES): 24 cuts there
    for k in $(seq 1 24); do
        p=$((lo + (hi - lo) * k / 25)); n=$(cut_at $p)
        pts+=("$p"); res+=("$n")
        case $n in bad*) cuts_ok=0 ;; 0|9) ;; *) partial=$((partial + 1)) ;; esac
    done
    summary=""
    for i in "${!pts[@]}"; do summary+=" ${pts[$i]}:${res[$i]}"; done
    if [ $cuts_ok = 1 ]; then pass "39 power cuts: exit 3, no torn sector, new sectors are a prefix of the writes"
    else fail "power cuts (cut point:new sectors):$summary"; sed 's/^/    /' "$dir/cut-errors.log" | head; fi
    if [ $partial -gt 0 ]; then pass "$partial cuts fell between writes (cut point:new sectors):$summary"
    else fail "no cut fell between two writes (cut point:new sectors):$summary"; fi
fi

# ---- bad command lines ----
"$sim" --elf "$elf" --disk "$dir/missing.img" > "$dir/bad.log" 2>&1; rc=$?
if [ $rc -eq 2 ] && grep -q "disk" "$dir/bad.log"; then pass "missing --disk image: exit 2 with a message"
else fail "missing --disk image: exit $rc"; fi
"$sim" --elf "$elf" --power-cut 0 > "$dir/bad.log" 2>&1; rc=$?
if [ $rc -eq 2 ]; then pass "--power-cut 0: exit 2"; else fail "--power-cut 0: exit $rc"; fi

if [ $fails -eq 0 ]; then echo "PASS test-sd-$kind"; exit 0; fi
echo "FAIL test-sd-$kind ($fails failed)"; exit 1
