/* crt.S - entry of the freestanding kernel test programs: main(argc, argv, envp) from the Linux initial stack
 * (sp -> argc, argv[], NULL, envp[], NULL); exit(main's result). */
    .section .text.start, "ax"
    .globl _start
_start:
    lw      a0, 0(sp)
    addi    a1, sp, 4
    slli    t0, a0, 2
    add     a2, a1, t0
    addi    a2, a2, 4
    call    main
    call    t_exit
1:  j       1b
