# sim/models/models.mk - the host-side models shared by vsim and iss: console (UART host side), image loader and
# the SD card (SPI mode, sdcard.c).
#
# Provides for other fragments:
#   MODELS_SRCS  the C sources (vsim.mk may compile them itself)
#   MODELS_OBJS  the same, compiled with HOST_CC into $(BUILD)/host/
#   MODELS_LIB   $(BUILD)/host/libmodels.a holding MODELS_OBJS
# Objects are compiled with -MMD so header changes rebuild them.

MODELS_SRCS := sim/models/console.c sim/models/loader.c sim/models/sdcard.c
MODELS_OBJS := $(MODELS_SRCS:%.c=$(BUILD)/host/%.o)
MODELS_LIB  := $(BUILD)/host/libmodels.a
MODELS_TEST := $(BUILD)/host/sim/models/tests/models_test

$(BUILD)/host/sim/models/%.o: sim/models/%.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(MODELS_LIB): $(MODELS_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(MODELS_TEST): $(BUILD)/host/sim/models/tests/models_test.o $(MODELS_LIB)
	$(HOST_CC) $(HOST_CFLAGS) $^ -o $@

.PHONY: test-models
## test-models: host tests of the image loader and console error paths (sim/models)
test-models: $(MODELS_TEST)
	$(MODELS_TEST)

TEST_TARGETS += test-models

SDCARD_TEST := $(BUILD)/host/sim/models/tests/sdcard_test

$(SDCARD_TEST): $(BUILD)/host/sim/models/tests/sdcard_test.o $(MODELS_LIB)
	$(HOST_CC) $(HOST_CFLAGS) $^ -o $@

.PHONY: test-sdcard
## test-sdcard: host tests of the SD card model (SPI mode: init, reads, writes, CRC, errors, power cut)
test-sdcard: $(SDCARD_TEST)
	@mkdir -p $(BUILD)/host/sim/models/tests/tmp
	$(SDCARD_TEST) $(BUILD)/host/sim/models/tests/tmp

TEST_TARGETS += test-sdcard

# ---- SD end to end: sdtest.elf (bare metal, M-mode) = sim/models/tests/sd/sdtest.c + both SD drivers (os/boot/sd.c,
# os/kernel/sd.c) on the simulators with --disk, --difftest and --power-cut; sdimg makes and checks the image.
SD_TEST_DIR    := $(BUILD)/sd-test
SD_TEST_ELF    := $(SD_TEST_DIR)/sdtest.elf
SD_IMG_TOOL    := $(SD_TEST_DIR)/sdimg
SD_TEST_CFLAGS := $(RV_CFLAGS) -I os -I os/include -I sim/models/tests/sd
SD_TEST_OBJS   := $(addprefix $(SD_TEST_DIR)/,crt0.o sdtest.o boot_sd.o kernel_sd.o)
SD_TEST_HDRS   := sim/models/tests/sd/sdtest.h os/boot/sd.h os/kernel/sd.h hw/include/iridium_soc.h \
                  os/include/iridium/disk.h

$(SD_TEST_DIR)/crt0.o: sim/iss/tests/crt0.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $@
$(SD_TEST_DIR)/sdtest.o: sim/models/tests/sd/sdtest.c $(SD_TEST_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(SD_TEST_CFLAGS) -c $< -o $@
$(SD_TEST_DIR)/boot_sd.o: os/boot/sd.c $(SD_TEST_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(SD_TEST_CFLAGS) -c $< -o $@
$(SD_TEST_DIR)/kernel_sd.o: os/kernel/sd.c $(SD_TEST_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(SD_TEST_CFLAGS) -c $< -o $@
$(SD_TEST_ELF): $(SD_TEST_OBJS) sim/iss/tests/prog/link.ld
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T sim/iss/tests/prog/link.ld $(SD_TEST_OBJS) -lgcc -o $@
$(SD_IMG_TOOL): sim/models/tests/sd/sdimg.c $(SD_TEST_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -I os/include -I sim/models/tests/sd $< -o $@

.PHONY: test-sd-iss test-sd-vsim
## test-sd-iss: SD card end to end on the ISS (--disk): both drivers read/write, image checked, power cuts
test-sd-iss: $(BIN)/iss $(SD_TEST_ELF) $(SD_IMG_TOOL)
	bash sim/models/tests/sd/run-sdtest.sh iss $(BIN)/iss $(SD_TEST_ELF) $(SD_IMG_TOOL) $(SD_TEST_DIR)/iss

## test-sd-vsim: SD card end to end on the RTL (vsim --disk), also under --difftest, and power cuts
test-sd-vsim: $(BIN)/vsim $(SD_TEST_ELF) $(SD_IMG_TOOL)
	bash sim/models/tests/sd/run-sdtest.sh vsim $(BIN)/vsim $(SD_TEST_ELF) $(SD_IMG_TOOL) $(SD_TEST_DIR)/vsim

TEST_TARGETS += test-sd-iss test-sd-vsim

-include $(MODELS_OBJS:.o=.d) $(BUILD)/host/sim/models/tests/models_test.d $(BUILD)/host/sim/models/tests/sdcard_test.d
