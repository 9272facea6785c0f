# echo.S - vsim harness test: copy UART input to UART output, slowly (a delay loop per byte, so that a piped
# stdin fills the receive FIFO), until the byte 0x04; then power off with success.
#include "iridium_soc.h"
    .section .text
    .globl _start
_start:
    li   s0, IR_UART_BASE
loop:
    lw   t0, IR_UART_RXDATA(s0)
    bltz t0, loop                   # bit 31: receive FIFO empty
    li   t1, 4
    beq  t0, t1, done
    li   t2, 300
1:  addi t2, t2, -1
    bnez t2, 1b
    sw   t0, IR_UART_TXDATA(s0)     # waits while the transmit FIFO is full
    j    loop
done:
    li   t0, IR_SYSCTL_BASE + IR_SYSCTL_FINISHER
    li   t1, IR_FINISH_PASS
    sw   t1, 0(t0)
2:  j    2b
