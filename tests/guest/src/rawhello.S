/* rawhello.S - no libc at all: _start reads argc/argv from the initial stack,
 * writes a greeting and each argument (argv[1..]) with int $0x80 write, then
 * exits with status 0 via the exit syscall.  The smallest possible guest. */
	.section .note.GNU-stack,"",@progbits
	.text
	.globl _start
_start:
	movl (%esp),%esi          /* argc */
	leal 4(%esp),%edi         /* argv */
	movl $msg,%ecx
	movl $msglen,%edx
	call write_out
	/* print "argc=N\n" for N < 10 */
	movl %esi,%eax
	addb $'0',%al
	movb %al,argcmsg+5
	movl $argcmsg,%ecx
	movl $argclen,%edx
	call write_out
	movl $1,%ebx              /* i = 1 */
1:	cmpl %esi,%ebx
	jge 3f
	movl (%edi,%ebx,4),%ecx   /* argv[i] */
	xorl %edx,%edx
2:	cmpb $0,(%ecx,%edx)       /* strlen */
	je 4f
	incl %edx
	jmp 2b
4:	pushl %ebx
	call write_out
	movl $nl,%ecx
	movl $1,%edx
	call write_out
	popl %ebx
	incl %ebx
	jmp 1b
3:	cmpl $0,(%edi,%esi,4)     /* argv[argc] == NULL */
	jne 5f
	movl $endmsg,%ecx
	movl $endlen,%edx
	call write_out
5:	movl $1,%eax              /* __NR_exit */
	xorl %ebx,%ebx
	int $0x80
	hlt

/* write(1, %ecx, %edx); clobbers eax, ebx */
write_out:
	movl $4,%eax
	movl $1,%ebx
	int $0x80
	ret

	.data
msg:	.ascii "Hello from a libc-free i386 program!\n"
	msglen = . - msg
argcmsg: .ascii "argc=?\n"
	argclen = . - argcmsg
endmsg:	.ascii "argv[argc] == NULL\n"
	endlen = . - endmsg
nl:	.ascii "\n"
