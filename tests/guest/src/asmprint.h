/* asmprint.h - gas macros for the assembly test programs (linked with libc).
 * SHOW name, reg           prints "name: %08x"
 * SHOWF name, reg, mask    prints "name: %08x flags=%03x" (EFLAGS & mask,
 *                          captured before the macro runs anything)
 * SHOWM name, mem          prints a 32-bit memory operand (not %esp-based)
 * All registers and EFLAGS are preserved; the stack is 16-byte aligned for
 * the printf call; DF must be clear. */
#define ARITH 0x8d5
#define LOGIC 0x8c5

.macro SHOWF name, reg, mask
	pushf
	pushal
	movl \reg,%ecx
	movl 32(%esp),%eax
	andl $\mask,%eax
	movl %esp,%ebp
	andl $-16,%esp
	subl $4,%esp
	pushl %eax
	pushl %ecx
	pushl $.Lfmtf\@
	call printf
	movl %ebp,%esp
	popal
	popf
	.section .rodata
.Lfmtf\@: .asciz "\name: %08x flags=%03x\n"
	.text
.endm

.macro SHOW name, reg
	pushf
	pushal
	movl \reg,%ecx
	movl %esp,%ebp
	andl $-16,%esp
	subl $8,%esp
	pushl %ecx
	pushl $.Lfmt\@
	call printf
	movl %ebp,%esp
	popal
	popf
	.section .rodata
.Lfmt\@: .asciz "\name: %08x\n"
	.text
.endm

.macro SHOWM name, mem
	pushl %eax
	movl \mem,%eax
	SHOW \name, %eax
	popl %eax
.endm

	.section .note.GNU-stack,"",@progbits
	.text
