# user/user.mk - Iridium user space: the C library layer on picolibc (user/lib), init, the shell and the programs.
#
# Products (build/user/):
#   lib/libiridium.a, lib/crt0.o   the runtime every program links (docs/user.md tells how to use it by hand)
#   bin/<name>                     one rv32im ELF per user/bin/<name>.c, linked at 0x00010000 (user/lib/user.ld),
#                                  without debug information (symbols kept)
#   obj/bin/<name>.elf, .map       the same with debug information (for gdb/objdump), and the link map
# USER_PROGS lists the ELFs; os/os.mk copies them into the disk image's /bin.
# Programs whose sources span several files list their extra objects in USER_EXTRA_<name>.
# Libraries are linked with --whole-archive and --gc-sections so that our read/write/sbrk/... always win over
# picolibc's own stubs (e.g. its sbrk on linker-script symbols) whatever the order the linker meets them in.

USER_BUILD    := $(BUILD)/user
USER_LIBDIR   := $(USER_BUILD)/lib
USER_BINDIR   := $(USER_BUILD)/bin
USER_LDS      := user/lib/user.ld
USER_LIB      := $(USER_LIBDIR)/libiridium.a
USER_CRT0     := $(USER_LIBDIR)/crt0.o

USER_CFLAGS   := $(RV_ARCH_CC) -Wall -Wextra -Werror -O2 -g --specs=picolibc.specs -ffunction-sections \
                 -fdata-sections -D_POSIX_TIMERS=1 -D_POSIX_MONOTONIC_CLOCK=200112L -I user/include -I user/sh -I os/include
USER_LDFLAGS  := $(RV_ARCH_LD) --specs=picolibc.specs -nostartfiles -static -T $(USER_LDS) -Wl,--gc-sections
USER_HDRS     := $(wildcard user/include/*.h user/include/sys/*.h user/sh/*.h) os/include/iridium/syscall.h \
                 os/include/iridium/console.h

USER_LIB_SRCS := $(wildcard user/lib/*.c)
USER_LIB_OBJS := $(patsubst user/lib/%.c,$(USER_LIBDIR)/obj/%.o,$(USER_LIB_SRCS))

USER_PROG_SRCS := $(wildcard user/bin/*.c)
USER_PROG_NAMES := $(patsubst user/bin/%.c,%,$(USER_PROG_SRCS))
USER_PROGS    := $(addprefix $(USER_BINDIR)/,$(USER_PROG_NAMES))

# the shell's parser and line editor live in user/sh/ (also compiled for the host by the tests)
USER_SH_SRCS  := user/sh/parse.c user/sh/edit.c
USER_EXTRA_sh := $(patsubst user/sh/%.c,$(USER_BUILD)/obj/sh/%.o,$(USER_SH_SRCS))

ALL_TARGETS   += $(USER_PROGS)

.PHONY: user user-lib

## user: build the user library and every user program (build/user/bin/)
user: $(USER_PROGS)

## user-lib: build only the runtime (build/user/lib/libiridium.a and crt0.o) for linking programs by hand
user-lib: $(USER_LIB) $(USER_CRT0)

# memcpy/memset must not have their own loops turned back into calls to memcpy/memset
$(USER_LIBDIR)/obj/string.o: USER_CFLAGS += -fno-tree-loop-distribute-patterns

$(USER_LIBDIR)/obj/%.o: user/lib/%.c $(USER_HDRS) user/user.mk
	@mkdir -p $(@D)
	$(RV_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_CRT0): user/lib/crt0.S user/user.mk
	@mkdir -p $(@D)
	$(RV_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_LIB): $(USER_LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(CROSS)ar rcs $@ $^

$(USER_BUILD)/obj/sh/%.o: user/sh/%.c $(USER_HDRS) user/user.mk
	@mkdir -p $(@D)
	$(RV_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_BUILD)/obj/bin/%.o: user/bin/%.c $(USER_HDRS) user/user.mk
	@mkdir -p $(@D)
	$(RV_CC) $(USER_CFLAGS) -c -o $@ $<

define USER_PROG_RULE
$(USER_BUILD)/obj/bin/$(1).elf: $(USER_BUILD)/obj/bin/$(1).o $(USER_EXTRA_$(1)) $(USER_CRT0) $(USER_LIB) $(USER_LDS)
	$(RV_CC) $(USER_LDFLAGS) -Wl,-Map,$(USER_BUILD)/obj/bin/$(1).map -o $$@ $(USER_CRT0) \
	    $(USER_BUILD)/obj/bin/$(1).o $(USER_EXTRA_$(1)) -Wl,--whole-archive $(USER_LIB) -Wl,--no-whole-archive -lc -lgcc

$(USER_BINDIR)/$(1): $(USER_BUILD)/obj/bin/$(1).elf
	@mkdir -p $$(@D)
	$(RV_OBJCOPY) --strip-debug $$< $$@
endef
$(foreach p,$(USER_PROG_NAMES),$(eval $(call USER_PROG_RULE,$(p))))

# ---- tests --------------------------------------------------------------------------------------------------------
# test-user-host: the shell's parser and line editor compiled for the host against scripted input, plus a check of
# every user ELF (32-bit RISC-V, entry 0x10000, segments in user space, TLS base) with readelf/nm.
USER_HOST_TEST := $(USER_BUILD)/host/sh_tests
TEST_TARGETS  += test-user-host
.PHONY: test-user-host

$(USER_HOST_TEST): user/tests/sh_tests.c $(USER_SH_SRCS) $(wildcard user/sh/*.h) user/user.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -I user/sh -o $@ user/tests/sh_tests.c $(USER_SH_SRCS)

USER_STRING_TEST := $(USER_BUILD)/host/string_tests
$(USER_STRING_TEST): user/tests/string_tests.c user/lib/string.c user/user.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -fno-builtin -fno-tree-loop-distribute-patterns -Dmemcpy=ir_memcpy -Dmemset=ir_memset \
	    -o $@ user/tests/string_tests.c user/lib/string.c

## test-user-host: host tests of the shell's parser and line editor and of memcpy/memset, and a check of the user ELFs
test-user-host: $(USER_HOST_TEST) $(USER_STRING_TEST) $(USER_PROGS)
	$(USER_HOST_TEST)
	$(USER_STRING_TEST)
	CROSS=$(CROSS) user/tests/check-elf.sh $(USER_PROGS)

# test-usertests-iss: boot the OS on the ISS with bootargs "init=/bin/init usertests": init runs the suite and
# powers off with its exit status (the number of failures), which becomes the simulator's exit status.
TEST_TARGETS  += test-usertests-iss
.PHONY: test-usertests-iss

## test-usertests-iss: run usertests (the system test suite) on the OS in the ISS; PASS/FAIL per test
test-usertests-iss: $(BIN)/iss $(BOOTROM_BIN) $(DISK_IMG)
	@mkdir -p $(USER_BUILD)/test
	@timeout 600 tests/os/boot.sh iss "init=/bin/init usertests" --max-cycles 20000000000 < /dev/null \
	    > $(USER_BUILD)/test/usertests-iss.out 2>&1; rc=$$?; \
	grep -E '^(PASS|FAIL) |^usertests: [0-9]+ passed' $(USER_BUILD)/test/usertests-iss.out; \
	if [ $$rc -eq 0 ] && grep -q '^usertests: [0-9]* passed, 0 failed' $(USER_BUILD)/test/usertests-iss.out; then \
	    echo "PASS test-usertests-iss"; \
	else \
	    echo "FAIL test-usertests-iss: exit status $$rc (output in $(USER_BUILD)/test/usertests-iss.out)"; exit 1; \
	fi
