#!/usr/bin/env bash
# synth-check.sh - the synthesis gate: Yosys synth_ice40 and synth_ecp5 of the core alone and of the SoC
# (hw/soc/iridium_synth_top.v: SoC + serial line, small memories), each of which must complete without errors and
# without latches. Sizes go to build/synth/report.txt; logs to build/synth/<design>-<family>.log.
#
# Usage: scripts/synth-check.sh        (environment: BUILD=build, YOSYS=yosys)
# Invariants: prints one "PASS synth <design> <family>" or "FAIL ..." line per run and ends with
# "PASS synth-check" or "FAIL synth-check"; exit status 0 only when every run passed. The latch check runs on the
# design right after `proc` (where Yosys turns incomplete assignments into $dlatch cells) and on the mapped netlist.
# Memory sizes (fit the families' block RAM): iCE40 2 KiB ROM + 4 KiB RAM, ECP5 4 KiB ROM + 8 KiB RAM. The boot ROM
# gets a fixed pseudo-random image so that it is not optimised away. iCE40 uses -dsp (UP5K multipliers).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
YOSYS=${YOSYS:-yosys}
OUT=$BUILD/synth
mkdir -p "$OUT" || exit 2

CORE_SRCS=(hw/core/*.v)
SOC_SRCS=(hw/soc/*.v)
[ -e "${CORE_SRCS[0]}" ] || { echo "FAIL synth-check: no hw/core/*.v" >&2; exit 1; }

# $1 = words: pseudo-random ROM image, one 32-bit word per line
make_rom() {
    awk -v n="$1" 'BEGIN { x = 12345; for (i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648;
                           printf "%08x\n", x } }'
}
make_rom 512  > "$OUT/rom-ice40.hex"
make_rom 1024 > "$OUT/rom-ecp5.hex"

# $1 design (core|soc), $2 family (ice40|ecp5)
synth_one() {
    local design=$1 family=$2 top params="" srcs synth
    local log="$OUT/$design-$family.log" stat="$OUT/$design-$family.stat"
    if [ "$design" = core ]; then
        top=iridium_core; srcs="${CORE_SRCS[*]}"
    else
        top=iridium_synth_top; srcs="${CORE_SRCS[*]} ${SOC_SRCS[*]}"
        if [ "$family" = ice40 ]; then
            params="chparam -set BOOTROM_BYTES 2048 -set RAM_BYTES 4096 -set BOOTROM_INIT \"$OUT/rom-ice40.hex\" $top"
        else
            params="chparam -set BOOTROM_BYTES 4096 -set RAM_BYTES 8192 -set BOOTROM_INIT \"$OUT/rom-ecp5.hex\" $top"
        fi
    fi
    if [ "$family" = ice40 ]; then synth="synth_ice40 -dsp -top $top"; else synth="synth_ecp5 -top $top"; fi
    local latches='t:$dlatch t:$adlatch t:$dlatchsr t:$_DLATCH_* t:$_DLATCHSR_*'
    local script="read_verilog -Ihw/include -Ihw/core $srcs; $params; hierarchy -check -top $top;
proc; select -assert-none $latches; $synth; select -assert-none $latches; tee -o $stat stat"
    if "$YOSYS" -q -l "$log" -p "$script" >/dev/null 2>&1 && ! grep -q "Latch inferred" "$log"; then
        echo "PASS synth $design $family"
        return 0
    fi
    echo "FAIL synth $design $family (see $log)"
    grep -E "ERROR|Latch inferred|Assertion failed" "$log" | head -5
    return 1
}

# cell count from a stat file: sum of the counts of the cell types matching the regex $2
cells() {
    awk -v re="$2" '$1 ~ re && $2 ~ /^[0-9]+$/ { n += $2 } END { print n + 0 }' "$1"
}

fail=0
for design in core soc; do
    for family in ice40 ecp5; do
        synth_one "$design" "$family" || fail=1
    done
done

{
    echo "Iridium synthesis report (yosys $("$YOSYS" -V | awk '{print $2}'), $(date -u +%Y-%m-%d))"
    echo "soc = hw/soc/iridium_synth_top.v: core + SoC + uart_phy, retirement outputs unconnected;"
    echo "      iCE40 (-dsp): 2 KiB ROM + 4 KiB RAM, ECP5: 4 KiB ROM + 8 KiB RAM. core = iridium_core with all its ports."
    printf '%-6s %-6s %8s %8s %8s %6s %6s\n' design family LUT4 FF carry BRAM DSP
    for design in core soc; do
        f="$OUT/$design-ice40.stat"
        [ -f "$f" ] && printf '%-6s %-6s %8s %8s %8s %6s %6s\n' "$design" ice40 \
            "$(cells "$f" '^SB_LUT4$')" "$(cells "$f" '^SB_DFF')" "$(cells "$f" '^SB_CARRY$')" \
            "$(cells "$f" '^SB_RAM40_4K')" "$(cells "$f" '^SB_MAC16$')"
        f="$OUT/$design-ecp5.stat"
        [ -f "$f" ] && printf '%-6s %-6s %8s %8s %8s %6s %6s\n' "$design" ecp5 \
            "$(cells "$f" '^LUT4$')" "$(cells "$f" '^TRELLIS_FF$')" "$(cells "$f" '^CCU2C$')" \
            "$(cells "$f" '^DP16KD$')" "$(cells "$f" '^MULT18X18D$')"
    done
    dpr=$(cells "$OUT/soc-ecp5.stat" '^TRELLIS_DPR16X4$' 2>/dev/null)
    echo "(ECP5 LUT4 excludes the SoC's $dpr TRELLIS_DPR16X4 distributed-RAM cells; carry = SB_CARRY / CCU2C)"
} > "$OUT/report.txt"
cat "$OUT/report.txt"

if [ $fail = 0 ]; then echo "PASS synth-check"; else echo "FAIL synth-check"; exit 1; fi
