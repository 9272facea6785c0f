/*
 * iridium_soc.h - the Iridium SoC memory map and device registers, for C code.
 *
 * One source of truth for software (firmware, kernel, tests written in C) and for the simulators (vsim harness,
 * iss). It must agree with docs/memory-map.md and with the RTL (hw/soc). Register offsets are in bytes.
 */
#ifndef IRIDIUM_SOC_H
#define IRIDIUM_SOC_H

#define IR_BOOTROM_BASE     0x00000000u
#define IR_BOOTROM_MAX      0x00010000u   /* at most 64 KiB */
#define IR_RAM_BASE         0x40000000u
#define IR_UART_BASE        0x80000000u
#define IR_SYSCTL_BASE      0x80001000u
#define IR_CLINT_BASE       0x80010000u
#define IR_SPI_BASE         0x80020000u

/* UART */
#define IR_UART_RXDATA      0x00u         /* bit 31: empty; bits 7:0 data (read pops) */
#define IR_UART_TXDATA      0x04u
#define IR_UART_STATUS      0x08u
#define IR_UART_IE          0x0Cu
#define IR_UART_BAUDDIV     0x10u
#define IR_UART_RX_EMPTY    0x80000000u
#define IR_UART_ST_RXVALID  0x1u
#define IR_UART_ST_TXREADY  0x2u
#define IR_UART_IE_RX       0x1u
#define IR_UART_IE_TX       0x2u

/* System controller */
#define IR_SYSCTL_FINISHER  0x00u
#define IR_SYSCTL_CLOCK_HZ  0x04u
#define IR_SYSCTL_RAM_BYTES 0x08u
#define IR_SYSCTL_BOARD_ID  0x0Cu
#define IR_SYSCTL_VERSION   0x10u
#define IR_FINISH_PASS      0x5555u
#define IR_FINISH_FAIL      0x3333u       /* (code << 16) | 0x3333 */
#define IR_FINISH_RESET     0x7777u
#define IR_BOARD_VSIM       0u
#define IR_BOARD_ISS        1u
#define IR_SOC_VERSION      0x00010000u

/* CLINT (SiFive offsets) */
#define IR_CLINT_MSIP       0x0000u
#define IR_CLINT_MTIMECMP   0x4000u
#define IR_CLINT_MTIME      0xBFF8u

/* SPI master (SD card; SPI mode 0). A DATA write, a DATA/XFER read and a CONTROL write wait (bus wait states)
 * while a transfer runs, so software needs no polling: write DATA then read DATA, or read XFER per byte. */
#define IR_SPI_DATA         0x00u         /* W: bits 7:0 start a transfer; R: the last byte received */
#define IR_SPI_XFER         0x04u         /* R: transfer 0xFF, return the byte received */
#define IR_SPI_STATUS       0x08u
#define IR_SPI_CONTROL      0x0Cu
#define IR_SPI_ST_BUSY      0x1u
#define IR_SPI_CTRL_CS      0x1u          /* 1 = chip select asserted (spi_cs_n low) */
#define IR_SPI_CTRL_DIV_SHIFT 16          /* bits 31:16: SCK = clock / (2 * (DIV + 1)) */
#define IR_SPI_DIV_RESET    63u           /* IR_SPI_DIV_RESET in hw/include/iridium_config.vh */

/* Defaults of the simulated SoC (the RTL takes them from hw/include/iridium_config.vh) */
#define IR_SIM_RAM_BYTES    (64u << 20)
#define IR_SIM_CLOCK_HZ     50000000u
#define IR_SIM_BOOTROM_BYTES 0x4000u

#endif
