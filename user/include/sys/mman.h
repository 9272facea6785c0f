/*
 * sys/mman.h - the POSIX spelling for Iridium programs (picolibc has none): mmap, munmap, mprotect, shm_open,
 * shm_unlink and the PROT_ / MAP_ constants, all declared by ir_ipc.h.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include "ir_ipc.h"

#endif
