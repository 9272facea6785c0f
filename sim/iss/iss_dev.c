/*
 * iss_dev.c - the Iridium SoC's memories and devices in the ISS: boot ROM, RAM, UART, system controller, CLINT,
 * SPI master (with the SD card model of sim/models/sdcard.h on its pins).
 *
 * Addresses and registers are docs/memory-map.md (constants from hw/include/iridium_soc.h). Device registers are 32
 * bits: reads return the whole word, writes update only the byte lanes in wstrb. Reserved offsets inside a device
 * read as zero and ignore writes; addresses outside every device are access faults (the caller raises them).
 *
 * Simulator specifics: the UART's TX FIFO never fills (bytes go straight to the host), so STATUS.TXREADY is always 1;
 * the RX FIFO (UART_FIFO_DEPTH bytes) is fed by the host callback, polled every POLL_INTERVAL steps by iss_run and
 * when the program reads RXDATA/STATUS with the FIFO empty (at most once every 64 steps, so a polling loop does not
 * become a system-call loop). mtime advances by one per step (iss_core.c). The SPI master moves a whole byte at
 * each DATA write or XFER read (16 SCK edges given to the card model at once), so it is never busy (STATUS 0) and
 * DIV is stored only.
 *
 * In difftest (oracle) mode devices are not touched: reads return the RTL's word, writes are dropped except a
 * finisher reset, which restarts the ISS as the RTL restarts.
 *
 * Invariant: mip's device bits (MEIP, MTIP, MSIP) equal the device state after every device access.
 */
#include "iss_internal.h"
#include "sdcard.h"

#define UART_END   (IR_UART_BASE + 0x1000u)
#define SYSCTL_END (IR_SYSCTL_BASE + 0x1000u)
#define CLINT_END  (IR_CLINT_BASE + 0x10000u)
#define SPI_END    (IR_SPI_BASE + 0x1000u)
#define RX_POLL_MIN_STEPS 64u

uint8_t *phys_host(struct iss *s, uint64_t pa, unsigned len, int writable)
{
    if (pa >= IR_RAM_BASE && pa + len <= (uint64_t)IR_RAM_BASE + s->ram_bytes) return s->ram + (pa - IR_RAM_BASE);
    if (!writable && pa + len <= s->rom_bytes) return s->rom + pa;
    return NULL;
}

int iss_mem_write(void *ctx, uint32_t paddr, const uint8_t *data, size_t len)
{
    struct iss *s = ctx;
    if (len == 0) return 0;
    if (len > 0xFFFFFFFFu) return -1;
    uint8_t *h = phys_host(s, paddr, (unsigned)len, 0);
    if (!h) return -1;
    memcpy(h, data, len);
    return 0;
}

int iss_mem_read(struct iss *s, uint32_t paddr, uint8_t *data, size_t len)
{
    if (len == 0) return 0;
    if (len > 0xFFFFFFFFu) return -1;
    const uint8_t *h = phys_host(s, paddr, (unsigned)len, 0);
    if (!h) return -1;
    memcpy(data, h, len);
    return 0;
}

static uint32_t lane_mask(uint32_t wstrb)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 4; i++)
        if ((wstrb >> i) & 1) m |= 0xffu << (8 * i);
    return m;
}

static uint32_t merge(uint32_t old, uint32_t wdata, uint32_t wstrb)
{
    uint32_t m = lane_mask(wstrb);
    return (old & ~m) | (wdata & m);
}

static uint64_t merge64(uint64_t old, int high, uint32_t wdata, uint32_t wstrb)
{
    uint32_t half = high ? (uint32_t)(old >> 32) : (uint32_t)old;
    half = merge(half, wdata, wstrb);
    return high ? (old & 0xFFFFFFFFull) | ((uint64_t)half << 32) : (old & 0xFFFFFFFF00000000ull) | half;
}

/* ---- UART ---- */

void uart_update_irq(struct iss *s)
{
    int irq = ((s->uart_ie & IR_UART_IE_RX) && s->rx_count > 0) || (s->uart_ie & IR_UART_IE_TX); /* TX always ready */
    s->mip = (s->mip & ~(1u << IRQ_MEI)) | ((uint32_t)irq << IRQ_MEI);
}

enum iss_stop iss_poll_host(struct iss *s)
{
    s->last_poll = s->steps;
    if (!s->host.rx) return ISS_RUNNING;
    while (s->rx_count < UART_FIFO_DEPTH) {
        uint8_t b;
        int c = s->host.rx(s->host.ctx, &b);
        if (c < 0) {
            s->stop = ISS_QUIT;
            break;
        }
        if (c == 0) break;
        s->rx_fifo[(s->rx_head + s->rx_count) % UART_FIFO_DEPTH] = b;
        s->rx_count++;
    }
    uart_update_irq(s);
    return s->stop == ISS_QUIT ? ISS_QUIT : ISS_RUNNING;
}

static void uart_maybe_poll(struct iss *s)
{
    if (s->rx_count == 0 && s->steps - s->last_poll >= RX_POLL_MIN_STEPS) iss_poll_host(s);
}

static uint32_t uart_read(struct iss *s, uint32_t off)
{
    switch (off) {
    case IR_UART_RXDATA: {
        uart_maybe_poll(s);
        if (s->rx_count == 0) return IR_UART_RX_EMPTY;
        uint32_t b = s->rx_fifo[s->rx_head];
        s->rx_head = (s->rx_head + 1) % UART_FIFO_DEPTH;
        s->rx_count--;
        uart_update_irq(s);
        return b;
    }
    case IR_UART_STATUS:
        uart_maybe_poll(s);
        return (s->rx_count ? IR_UART_ST_RXVALID : 0) | IR_UART_ST_TXREADY;
    case IR_UART_IE: return s->uart_ie;
    case IR_UART_BAUDDIV: return s->uart_bauddiv;
    default: return 0;
    }
}

static void uart_write(struct iss *s, uint32_t off, uint32_t wdata, uint32_t wstrb)
{
    switch (off) {
    case IR_UART_TXDATA:
        if ((wstrb & 1) && s->host.tx) s->host.tx(s->host.ctx, (uint8_t)wdata);
        break;
    case IR_UART_IE:
        s->uart_ie = merge(s->uart_ie, wdata, wstrb) & (IR_UART_IE_RX | IR_UART_IE_TX);
        uart_update_irq(s);
        break;
    case IR_UART_BAUDDIV: s->uart_bauddiv = merge(s->uart_bauddiv, wdata, wstrb); break;
    default: break;
    }
}

/* ---- system controller ---- */

static uint32_t sysctl_read(struct iss *s, uint32_t off)
{
    switch (off) {
    case IR_SYSCTL_CLOCK_HZ: return IR_SIM_CLOCK_HZ;
    case IR_SYSCTL_RAM_BYTES: return s->ram_bytes;
    case IR_SYSCTL_BOARD_ID: return IR_BOARD_ISS;
    case IR_SYSCTL_VERSION: return IR_SOC_VERSION;
    default: return 0;
    }
}

static void finisher(struct iss *s, uint32_t v)
{
    if (v == IR_FINISH_PASS) {
        s->stop = ISS_PASS;
    } else if ((v & 0xffff) == IR_FINISH_FAIL) {
        s->stop = ISS_FAIL_CODE;
        s->stop_code = v >> 16;
    } else if (v == IR_FINISH_RESET) {
        s->reset_request = 1;
    }
}

/* ---- CLINT ---- */

void clint_update_mtip(struct iss *s)
{
    int on = s->mtime >= s->mtimecmp;
    s->mip = (s->mip & ~(1u << IRQ_MTI)) | ((uint32_t)on << IRQ_MTI);
}

static uint32_t clint_read(struct iss *s, uint32_t off)
{
    switch (off) {
    case IR_CLINT_MSIP: return s->msip;
    case IR_CLINT_MTIMECMP: return (uint32_t)s->mtimecmp;
    case IR_CLINT_MTIMECMP + 4: return (uint32_t)(s->mtimecmp >> 32);
    case IR_CLINT_MTIME: return (uint32_t)s->mtime;
    case IR_CLINT_MTIME + 4: return (uint32_t)(s->mtime >> 32);
    default: return 0;
    }
}

static void clint_write(struct iss *s, uint32_t off, uint32_t wdata, uint32_t wstrb)
{
    switch (off) {
    case IR_CLINT_MSIP:
        s->msip = merge(s->msip, wdata, wstrb) & 1;
        s->mip = (s->mip & ~(1u << IRQ_MSI)) | (s->msip << IRQ_MSI);
        break;
    case IR_CLINT_MTIMECMP:
    case IR_CLINT_MTIMECMP + 4:
        s->mtimecmp = merge64(s->mtimecmp, off != IR_CLINT_MTIMECMP, wdata, wstrb);
        clint_update_mtip(s);
        break;
    case IR_CLINT_MTIME:
    case IR_CLINT_MTIME + 4:
        s->mtime = merge64(s->mtime, off != IR_CLINT_MTIME, wdata, wstrb);
        s->skip_inc |= SKIP_MTIME;   /* the write takes effect instead of this step's increment */
        clint_update_mtip(s);
        break;
    default: break;
    }
}

/* ---- SPI master ---- */

void iss_set_sdcard(struct iss *s, struct sdcard *card)
{
    s->sdcard = card;
    if (card) sdcard_pins(card, !(s->spi_control & IR_SPI_CTRL_CS), 0, 1);
}

/* One byte in SPI mode 0, MSB first: MOSI set while SCK is low, MISO sampled while SCK is high. */
static uint8_t spi_xfer(struct iss *s, uint8_t out)
{
    int cs_n = !(s->spi_control & IR_SPI_CTRL_CS);
    uint8_t in = 0;
    for (int b = 7; b >= 0; b--) {
        int mosi = (out >> b) & 1, miso = 1;
        if (s->sdcard) {
            sdcard_pins(s->sdcard, cs_n, 0, mosi);
            miso = sdcard_pins(s->sdcard, cs_n, 1, mosi);
            sdcard_pins(s->sdcard, cs_n, 0, mosi);
        }
        in = (uint8_t)((in << 1) | miso);
    }
    s->spi_rx = in;
    return in;
}

static void spi_set_control(struct iss *s, uint32_t v)
{
    s->spi_control = v & (0xFFFF0000u | IR_SPI_CTRL_CS);
    if (s->sdcard) sdcard_pins(s->sdcard, !(s->spi_control & IR_SPI_CTRL_CS), 0, 1);
}

static uint32_t spi_read(struct iss *s, uint32_t off)
{
    switch (off) {
    case IR_SPI_DATA: return s->spi_rx;
    case IR_SPI_XFER: return spi_xfer(s, 0xFF);
    case IR_SPI_CONTROL: return s->spi_control;
    default: return 0;   /* STATUS: never busy */
    }
}

static void spi_write(struct iss *s, uint32_t off, uint32_t wdata, uint32_t wstrb)
{
    if (off == IR_SPI_DATA && (wstrb & 1)) spi_xfer(s, (uint8_t)wdata);
    else if (off == IR_SPI_CONTROL) spi_set_control(s, merge(s->spi_control, wdata, wstrb & 0xDu));
}

/* ---- dispatch ---- */

static int is_device(uint32_t pa)
{
    return (pa >= IR_UART_BASE && pa < UART_END) || (pa >= IR_SYSCTL_BASE && pa < SYSCTL_END) ||
           (pa >= IR_CLINT_BASE && pa < CLINT_END) || (pa >= IR_SPI_BASE && pa < SPI_END);
}

int mmio_read(struct iss *s, uint32_t pa, uint32_t *word)
{
    if (!is_device(pa)) return -1;
    uint32_t a = pa & ~3u;
    if (s->oracle) {
        *word = (s->oracle->mem_valid && !s->oracle->mem_we) ? s->oracle->mem_rdata : 0;
        return 0;
    }
    if (a < UART_END) *word = uart_read(s, a - IR_UART_BASE);
    else if (a < SYSCTL_END) *word = sysctl_read(s, a - IR_SYSCTL_BASE);
    else if (a < CLINT_END) *word = clint_read(s, a - IR_CLINT_BASE);
    else *word = spi_read(s, a - IR_SPI_BASE);
    return 0;
}

int mmio_write(struct iss *s, uint32_t pa, uint32_t wdata, uint32_t wstrb)
{
    if (!is_device(pa)) return -1;
    uint32_t a = pa & ~3u;
    if (s->oracle) {
        if (a == IR_SYSCTL_BASE + IR_SYSCTL_FINISHER && merge(0, wdata, wstrb) == IR_FINISH_RESET)
            s->reset_request = 1;
        return 0;
    }
    if (a < UART_END) uart_write(s, a - IR_UART_BASE, wdata, wstrb);
    else if (a < SYSCTL_END) {
        if (a - IR_SYSCTL_BASE == IR_SYSCTL_FINISHER) finisher(s, merge(0, wdata, wstrb));
    } else if (a < CLINT_END) clint_write(s, a - IR_CLINT_BASE, wdata, wstrb);
    else spi_write(s, a - IR_SPI_BASE, wdata, wstrb);
    return 0;
}

void tohost_check(struct iss *s, uint32_t pa)
{
    uint32_t v;
    (void)pa;
    memcpy(&v, s->ram + (s->tohost - IR_RAM_BASE), 4);
    if (!(v & 1)) return;
    if (v == 1) {
        s->stop = ISS_PASS;
    } else {
        s->stop = ISS_FAIL_TOHOST;
        s->stop_code = v >> 1;
    }
}

void dev_reset(struct iss *s)
{
    s->rx_head = s->rx_count = 0;
    s->uart_ie = 0;
    s->uart_bauddiv = 434;   /* IR_UART_BAUDDIV in hw/include/iridium_config.vh */
    s->msip = 0;
    s->mtime = 0;
    s->mtimecmp = ~0ull;
    s->last_poll = 0;
    s->spi_rx = 0;
    spi_set_control(s, IR_SPI_DIV_RESET << IR_SPI_CTRL_DIV_SHIFT);
    s->mip &= ~MIP_DEV_MASK;
    uart_update_irq(s);
    clint_update_mtip(s);
}
