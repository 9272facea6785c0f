// iridium_defs.vh - encodings shared by the core's modules (ALU operations, memory sizes, CSR operations,
// exception causes). Not configuration: see hw/include/iridium_config.vh for parameters.
`ifndef IRIDIUM_DEFS_VH
`define IRIDIUM_DEFS_VH

// ALU operations
`define ALU_ADD   4'd0
`define ALU_SUB   4'd1
`define ALU_SLL   4'd2
`define ALU_SLT   4'd3
`define ALU_SLTU  4'd4
`define ALU_XOR   4'd5
`define ALU_SRL   4'd6
`define ALU_SRA   4'd7
`define ALU_OR    4'd8
`define ALU_AND   4'd9
`define ALU_PASSB 4'd10

// CSR operations (funct3[1:0])
`define CSR_NONE  2'd0
`define CSR_RW    2'd1
`define CSR_RS    2'd2
`define CSR_RC    2'd3

// Privilege levels
`define PRV_U     2'd0
`define PRV_S     2'd1
`define PRV_M     2'd3

// Exception causes
`define EXC_IADDR_MISALIGNED  5'd0
`define EXC_IACCESS           5'd1
`define EXC_ILLEGAL           5'd2
`define EXC_BREAKPOINT        5'd3
`define EXC_LADDR_MISALIGNED  5'd4
`define EXC_LACCESS           5'd5
`define EXC_SADDR_MISALIGNED  5'd6
`define EXC_SACCESS           5'd7
`define EXC_ECALL_U           5'd8
`define EXC_ECALL_S           5'd9
`define EXC_ECALL_M           5'd11
`define EXC_IPAGE             5'd12
`define EXC_LPAGE             5'd13
`define EXC_SPAGE             5'd15

// Retirement event kinds
`define RET_OK    2'd0
`define RET_EXC   2'd1
`define RET_INTR  2'd2

`endif
