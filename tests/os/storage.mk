# tests/os/storage.mk - system tests and figures of the storage stack (kernel file system on the SD card model)
# in the simulators: the fstests suite, the power-cut test and the fsbench throughput figures. Included by the top
# Makefile (after os/os.mk, user/user.mk and fsimage/fsimage.mk, whose variables it uses at recipe time).
#
# The programs are user/bin/fstests.c, fsstress.c, fsbench.c (built by user/user.mk and put in /bin of
# build/disk.img by os/os.mk); the drivers are tests/os/fs-tests.sh and tests/os/crash-test.sh; docs/fs.md
# ("Tests and figures") describes them and the measured figures. Outputs: build/os/fs-*/, build/os/crash/.
#
# Parameters: CRASH_ISS_CUTS (default 20), CRASH_VSIM_CUTS (3), CRASH_SEED (default 2024; empty = from the clock).
# Note: the host-side power-cut test of the core is fsimage/fsimage.mk's `test-fs-crash`; this one boots the OS.

CRASH_ISS_CUTS  ?= 20
CRASH_VSIM_CUTS ?= 3
STORAGE_DEPS    := $(BIN)/iss $(BIN)/fsimage $(BOOTROM_BIN) $(KERNEL_BIN) $(DISK_IMG)

TEST_TARGETS += test-fs-os-iss test-fs-os-crash
.PHONY: test-fs-os-iss test-fs-os-crash fsbench

## test-fs-os-iss: fstests in the OS on the ISS (SD card image of 16 MiB): files at scale, 500-entry dir, double-indirect file, ENOSPC, out of inodes, rename/rmdir/unlink, concurrent writers; then fsck
test-fs-os-iss: $(STORAGE_DEPS)
	tests/os/fs-tests.sh fstests iss

# The cut points are drawn from CRASH_SEED: fixed by default so that `make test` is repeatable; run with
# CRASH_SEED= (empty) for a new seed from the clock, or any number to explore (the seed is printed either way).
CRASH_SEED ?= 2024

## test-fs-os-crash: power cuts at random cycles of a write-heavy workload in the OS (20 on the ISS, 3 on vsim), fsck, reboot (log replay), every DONE file intact
test-fs-os-crash: $(STORAGE_DEPS) $(BIN)/vsim
	tests/os/crash-test.sh --iss-cuts $(CRASH_ISS_CUTS) --vsim-cuts $(CRASH_VSIM_CUTS) \
	    $(if $(CRASH_SEED),--seed $(CRASH_SEED))

## fsbench: file-system throughput on vsim and the ISS (1 MiB sequential write+fsync and read, cycles/KiB); not a test
fsbench: $(STORAGE_DEPS) $(BIN)/vsim
	tests/os/fs-tests.sh bench iss vsim
