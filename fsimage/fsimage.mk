# fsimage/fsimage.mk - the file-system core (os/kernel/fs/) built for the host, the host tool `fsimage`, and the
# tests of both. Included by the top Makefile.
#
# Provides for other fragments:
#   FSIMAGE_CORE_SRCS   the portable core (the kernel compiles these freestanding with its own fs_port functions)
#   FSIMAGE_BIN    $(BIN)/fsimage
# Tests (each prints one PASS/FAIL line per case and fails if any case failed):
#   test-fs-unit   core unit tests on an in-memory block device
#   test-fs-crash  power-cut simulation: writes stop after N sectors, remount, fsck, data check, many N
#   test-fs-fuzz   random corruptions of images: fsck, mount and use must not crash (time bounded)
#   test-fsimage   the fsimage command line on generated and damaged images
#   test-fs-asan   the three C test programs again under -fsanitize=address,undefined (shorter runs)
#   test-fs-rv     the core compiles freestanding for rv32 and needs nothing but the documented symbols

FSIMAGE_CORE_SRCS  := os/kernel/fs/bio.c os/kernel/fs/log.c os/kernel/fs/inode.c os/kernel/fs/dir.c os/kernel/fs/ops.c
FS_HOST_SRCS  := $(FSIMAGE_CORE_SRCS) os/kernel/fs/port_host.c fsimage/image.c fsimage/fsck.c
FS_HDRS       := $(wildcard os/kernel/fs/*.h) os/include/iridium/fs.h os/include/iridium/disk.h \
                 os/include/iridium/syscall.h fsimage/image.h fsimage/fsck.h fsimage/tests/testdev.h
FS_HOST_CFLAGS := $(HOST_CFLAGS) -std=gnu11 -DFS_HOST -I os/include -I os/kernel/fs -I fsimage
FS_SAN_FLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FSIMAGE_BIN   := $(BIN)/fsimage
FS_OUT        := $(BUILD)/host/fs
FS_TESTS      := fs_unit fs_crash fs_fuzz

ALL_TARGETS  += $(FSIMAGE_BIN)
TEST_TARGETS += test-fs-unit test-fs-crash test-fs-fuzz test-fsimage test-fs-asan test-fs-rv

.PHONY: fsimage test-fs-unit test-fs-crash test-fs-fuzz test-fsimage test-fs-asan test-fs-rv

## fsimage: build the disk-image tool build/bin/fsimage (mkfs, fsck, ls, get, put, mkdir, rm, update-kernel, sync-tree)
fsimage: $(FSIMAGE_BIN)

$(FSIMAGE_BIN): fsimage/main.c $(FS_HOST_SRCS) $(FS_HDRS) fsimage/fsimage.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(FS_HOST_CFLAGS) -o $@ fsimage/main.c $(FS_HOST_SRCS)

# test programs: normal and sanitized builds
$(FS_OUT)/%: fsimage/tests/%.c $(FS_HOST_SRCS) $(FS_HDRS) fsimage/fsimage.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(FS_HOST_CFLAGS) -o $@ $< $(FS_HOST_SRCS)

$(FS_OUT)/san/%: fsimage/tests/%.c $(FS_HOST_SRCS) $(FS_HDRS) fsimage/fsimage.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(FS_HOST_CFLAGS) -O1 $(FS_SAN_FLAGS) -o $@ $< $(FS_HOST_SRCS)

## test-fs-unit: file-system core unit tests on an in-memory disk (files at scale, big dirs, 17 MiB file, ENOSPC, rename...)
test-fs-unit: $(FS_OUT)/fs_unit
	$(FS_OUT)/fs_unit

## test-fs-crash: power cut after N sector writes (many N, sync and group-commit mounts): replay, fsck, data intact
test-fs-crash: $(FS_OUT)/fs_crash
	$(FS_OUT)/fs_crash

## test-fs-fuzz: a few thousand randomly corrupted images through fsck, mount and file operations (bounded time)
test-fs-fuzz: $(FS_OUT)/fs_fuzz
	$(FS_OUT)/fs_fuzz --iterations 10000 --seconds 40

## test-fsimage: the fsimage command line on generated and deliberately damaged images
test-fsimage: $(FSIMAGE_BIN)
	bash fsimage/tests/test-fsimage.sh $(FSIMAGE_BIN) $(FS_OUT)/cli

## test-fs-asan: unit, crash and fuzz tests under AddressSanitizer + UndefinedBehaviorSanitizer
test-fs-asan: $(addprefix $(FS_OUT)/san/,$(FS_TESTS))
	$(FS_OUT)/san/fs_unit
	$(FS_OUT)/san/fs_crash --runs 40
	$(FS_OUT)/san/fs_fuzz --iterations 3000 --seconds 30

# The core must build freestanding for the kernel, needing only memcpy/memset/memcmp/strlen and fs_port_*.
FS_RV_OBJS := $(patsubst os/kernel/fs/%.c,$(FS_OUT)/rv/%.o,$(FSIMAGE_CORE_SRCS))
$(FS_OUT)/rv/%.o: os/kernel/fs/%.c $(FS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -I os/include -c -o $@ $<

## test-fs-rv: the file-system core compiles for rv32 freestanding and imports only the documented symbols
test-fs-rv: $(FS_RV_OBJS)
	@undef=$$($(CROSS)nm -u $(FS_RV_OBJS) | awk '{print $$2}' | sort -u | grep -v '^fs_' | \
	    grep -vx -e memcpy -e memset -e memcmp -e strlen); \
	if [ -n "$$undef" ]; then echo "FAIL fs-rv: unexpected external symbols: $$undef"; exit 1; fi; \
	undef_fs=$$($(CROSS)nm -u $(FS_RV_OBJS) | awk '{print $$2}' | sort -u | grep '^fs_' | \
	    grep -vx -e fs_port_warn -e fs_port_panic -e fs_port_time | while read s; do \
	    $(CROSS)nm -g --defined-only $(FS_RV_OBJS) | grep -qw "$$s" || echo $$s; done); \
	if [ -n "$$undef_fs" ]; then echo "FAIL fs-rv: undefined core symbols: $$undef_fs"; exit 1; fi; \
	$(CROSS)size -t $(FS_RV_OBJS) | tail -1 | awk '{printf "PASS fs-rv: core builds freestanding (text %d bytes, bss %d bytes)\n", $$1, $$3}'
