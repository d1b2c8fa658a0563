/* ill.S - no libc: writes a line, then executes ud2 with no handler.
 * Expected: killed by SIGILL, status 132. */
	.section .note.GNU-stack,"",@progbits
	.text
	.globl _start
_start:
	movl $4,%eax
	movl $1,%ebx
	movl $msg,%ecx
	movl $len,%edx
	int $0x80
	ud2
	movl $1,%eax
	movl $0,%ebx
	int $0x80
	.data
msg:	.ascii "ill: executing ud2\n"
	len = . - msg
