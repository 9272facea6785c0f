#!/usr/bin/env bash
# deps.sh - install the host packages Iridium needs (Debian 12), and nothing when everything is already there.
#
# Usage: scripts/deps.sh [--quiet] [--check]
#   --quiet  print nothing when every package is present (used by `make run` and `make test` before each run)
#   --check  only report what is missing; exit 1 if something is, never install
#
# Invariants:
# - Idempotent and fast: a single dpkg-query over the whole list when all is present (no network, no root needed).
# - `apt-get update` runs at most once per call, and only when something must be installed.
# - Installs with apt-get (through sudo when not root), prints exactly what it installs, and fails with a clear
#   message on a system without dpkg/apt or without root/sudo.
# - Exit codes: 0 all present (or installed), 1 something missing/failed, 2 bad command line.
#
# Python packages: none are needed today. If one ever is, list it in PYTHON_PACKAGES below: the script then creates
# the project-local virtual environment .venv/ (git-ignored) and pip-installs into it; tools call .venv/bin/python.
set -euo pipefail

# Debian package names. Each comes with a command that proves it is usable, for the fallback check on systems
# without dpkg ("-" = no single command to test).
PACKAGES=(
    "verilator:verilator"                                   # vsim, lint
    "iverilog:iverilog"                                     # second opinion on the Verilog (Verilog-2005)
    "build-essential:-"                                     # host C/C++ (gcc, g++, libc headers)
    "g++:g++"                                               # the Verilator harness is C++
    "make:make"
    "zlib1g-dev:-"                                          # Verilator FST waveform tracing links zlib
    "gcc-riscv64-unknown-elf:riscv64-unknown-elf-gcc"       # cross compiler (rv32 multilibs included)
    "binutils-riscv64-unknown-elf:riscv64-unknown-elf-objcopy"
    "picolibc-riscv64-unknown-elf:-"                        # C library for later user programs (not the boot ROM)
    "yosys:yosys"                                           # synthesis gate
    "nextpnr-ice40:nextpnr-ice40"                           # place and route (iCE40 boards)
    "fpga-icestorm:icepack"                                 # iCE40 bitstreams
    "python3:python3"                                       # scripts
    "python3-venv:-"                                        # the .venv hook below
)

# PyPI packages installed into .venv/ (empty: none needed yet). Example: PYTHON_PACKAGES=("pyelftools==0.31")
PYTHON_PACKAGES=()

QUIET=0
CHECK_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --quiet|-q) QUIET=1 ;;
        --check)    CHECK_ONLY=1 ;;
        -h|--help)  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "deps.sh: unknown option '$arg' (usage: scripts/deps.sh [--quiet] [--check])" >&2; exit 2 ;;
    esac
done

say() { if [ "$QUIET" = 0 ]; then echo "deps: $*"; fi; }
die() { echo "deps: error: $*" >&2; exit 1; }

cd "$(dirname "$0")/.."

names=()
for entry in "${PACKAGES[@]}"; do names+=("${entry%%:*}"); done

# ---- Which packages are missing? ------------------------------------------------------------------------------
missing=()
checked_by_command=0
if command -v dpkg-query >/dev/null 2>&1; then
    # One call for the whole list; packages dpkg has never heard of are not printed at all.
    declare -A installed=()
    while read -r pkg status; do
        if [ "$status" = "installed" ]; then installed["${pkg%%:*}"]=1; fi
    done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${names[@]}" 2>/dev/null || true)
    for pkg in "${names[@]}"; do
        if [ -z "${installed[$pkg]:-}" ]; then missing+=("$pkg"); fi
    done
else
    # Not a Debian system: we cannot install, but the tools may be there anyway (checked by command name).
    for entry in "${PACKAGES[@]}"; do
        cmd="${entry#*:}"
        if [ "$cmd" != "-" ] && ! command -v "$cmd" >/dev/null 2>&1; then missing+=("${entry%%:*}"); fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        checked_by_command=1
    fi
fi

# ---- Install what is missing ----------------------------------------------------------------------------------
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$CHECK_ONLY" = 1 ]; then
        echo "deps: missing: ${missing[*]}" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
        die "missing: ${missing[*]}. This script installs with apt-get on Debian 12 only; install the equivalents" \
            "with your system's package manager (see docs/building.md)."
    fi
    if [ -r /etc/os-release ]; then
        # shellcheck disable=SC1091
        os_id="$(. /etc/os-release && echo "${ID:-} ${VERSION_ID:-}")"
        case "$os_id" in
            "debian 12") ;;
            *) echo "deps: warning: this is '$os_id', not Debian 12; package names may differ" >&2 ;;
        esac
    fi
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            die "missing: ${missing[*]}. Installing needs root: run as root, or install sudo, or run" \
                "'apt-get install ${missing[*]}' as root yourself."
        fi
        # Without a terminal (CI) sudo must not wait for a password nobody can type.
        if [ -t 0 ]; then SUDO=(sudo); else SUDO=(sudo -n); fi
    fi
    echo "deps: installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_quiet=()
    if [ "$QUIET" = 1 ]; then apt_quiet=(-q); fi
    "${SUDO[@]}" apt-get "${apt_quiet[@]}" update || die "apt-get update failed"
    "${SUDO[@]}" apt-get "${apt_quiet[@]}" install -y --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed for: ${missing[*]}"
    echo "deps: installed: ${missing[*]}"
elif [ "$checked_by_command" = 1 ]; then
    say "no dpkg here (not Debian): all the commands were found; libraries (zlib, picolibc) were not checked"
else
    say "all ${#names[@]} packages present: ${names[*]}"
fi

# ---- Python virtual environment (only when a PyPI package is needed) ------------------------------------------
if [ ${#PYTHON_PACKAGES[@]} -gt 0 ]; then
    stamp=".venv/.iridium-packages"
    want="${PYTHON_PACKAGES[*]}"
    if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        [ "$CHECK_ONLY" = 1 ] && { echo "deps: .venv is missing or out of date" >&2; exit 1; }
        echo "deps: creating .venv with: $want"
        python3 -m venv .venv || die "python3 -m venv failed (is python3-venv installed?)"
        .venv/bin/pip install -q "${PYTHON_PACKAGES[@]}" || die "pip install failed"
        echo "$want" > "$stamp"
    else
        say ".venv up to date: $want"
    fi
fi
exit 0
