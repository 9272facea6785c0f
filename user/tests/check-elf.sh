#!/usr/bin/env bash
# check-elf.sh - static checks of Iridium user programs: check-elf.sh ELF...
#
# For each ELF: 32-bit little-endian RISC-V executable, soft-float ABI without compressed instructions (e_flags 0:
# the core is rv32im), entry 0x00010000, every PT_LOAD inside user space [0x00010000, 0x3FFFF000) and page
# aligned, text not writable, data not executable, the PT_TLS segment at __tls_base (crt0 relies on it), and
# no object or library from a 64-bit or compressed multilib in the link map (<elf>.map next to the object, if
# present). Prints PASS/FAIL per program; exits 1 if any failed, 2 on bad usage.
set -u
CROSS=${CROSS:-riscv64-unknown-elf-}
if [ $# -eq 0 ]; then
    echo "usage: $0 ELF..." >&2
    exit 2
fi
fails=0
for elf in "$@"; do
    name=$(basename "$elf")
    why=""
    hdr=$(${CROSS}readelf -h "$elf" 2>&1) || why="readelf failed"
    if [ -z "$why" ]; then
        grep -q 'Class:.*ELF32' <<<"$hdr" || why="not ELF32"
        grep -q 'little endian' <<<"$hdr" || why="${why:+$why; }not little-endian"
        grep -q 'Type:.*EXEC' <<<"$hdr" || why="${why:+$why; }not an executable"
        grep -q 'Machine:.*RISC-V' <<<"$hdr" || why="${why:+$why; }not RISC-V"
        grep -q 'Entry point address:[[:space:]]*0x10000$' <<<"$hdr" || why="${why:+$why; }entry is not 0x10000"
        grep -q 'Flags:[[:space:]]*0x0$' <<<"$hdr" || why="${why:+$why; }e_flags not 0 (RVC or hard float)"
        # program headers: Type Offset VirtAddr PhysAddr FileSiz MemSiz Flg Align
        while read -r type off va pa fs ms rest; do
            flg=${rest% *}
            v=$((va)); m=$((ms))
            case $type in
            LOAD)
                if [ $v -lt $((0x10000)) ] || [ $((v + m)) -gt $((0x3FFFF000)) ]; then
                    why="${why:+$why; }segment $va+$ms outside user space"
                fi
                [ $((v % 4096)) -eq 0 ] || why="${why:+$why; }segment $va not page aligned"
                case $flg in *W*E*|*WE*) why="${why:+$why; }writable and executable segment $va" ;; esac
                ;;
            TLS)
                base=$(${CROSS}nm "$elf" | awk '$3 == "__tls_base" { print $1 }')
                [ -n "$base" ] && [ $((0x$base)) -eq $v ] || why="${why:+$why; }PT_TLS at $va but __tls_base is 0x$base"
                ;;
            esac
        done < <(${CROSS}readelf -lW "$elf" | awk '$1 == "LOAD" || $1 == "TLS"')
        map="$(dirname "$elf")/../obj/bin/$name.map"
        if [ -f "$map" ]; then
            if grep -E '^LOAD ' "$map" | grep -qE 'rv64|rv32imac|rv32imafc|/lib/picolibc/[^ ]*/lib/lib|/rv32im/ilp32/.*rv32i[^m]'; then
                why="${why:+$why; }wrong multilib in the link map"
            fi
            grep -E '^LOAD .*(libc|libgcc)\.a' "$map" | grep -vq 'rv32im/ilp32' && why="${why:+$why; }library not from rv32im/ilp32"
        fi
    fi
    if [ -z "$why" ]; then
        echo "PASS check-elf $name"
    else
        echo "FAIL check-elf $name: $why"
        fails=$((fails + 1))
    fi
done
echo "check-elf: $(( $# - fails )) passed, $fails failed"
[ $fails -eq 0 ]
