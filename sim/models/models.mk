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

-include $(MODELS_OBJS:.o=.d) $(BUILD)/host/sim/models/tests/models_test.d $(BUILD)/host/sim/models/tests/sdcard_test.d
