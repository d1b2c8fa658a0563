/* kuser.S - the page Linux maps at 0xffff0000 on ARM, as far as user code sees it: the kernel
 * user helpers at fixed addresses near its end (Documentation/arm/kernel_user_helpers.rst),
 * which armel code (libgcc's __sync_* on ARMv5, glibc's __aeabi_read_tp) calls directly.
 * Each helper has a 32-byte slot; the version word at 0xffff0ffc counts the slots.
 * Assembled by build.sh into ../kuser-image.ts. Our own code, written for tsemu: ARMv7
 * exclusives so that it stays atomic when guest threads run in parallel. */
	.syntax unified
	.arm
	.text

	.org	0xf60
/* int __kuser_cmpxchg64(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr):
 * 0 and C set if *ptr was oldval and is now newval, else nonzero and C clear. */
kuser_cmpxchg64:
	push	{r4, r5, r6, r7}
	ldrd	r4, r5, [r0]
	ldrd	r6, r7, [r1]
1:	ldrexd	r0, r1, [r2]
	eors	r3, r0, r4
	eorseq	r3, r1, r5
	bne	2f
	strexd	r3, r6, r7, [r2]
	cmp	r3, #0
	bne	1b
2:	rsbs	r0, r3, #0
	pop	{r4, r5, r6, r7}
	bx	lr

	.org	0xfa0
/* void __kuser_memory_barrier(void): guest memory is one SharedArrayBuffer whose accesses the
 * host orders; a return is all a barrier needs here (as on a uniprocessor kernel). */
kuser_memory_barrier:
	bx	lr

	.org	0xfc0
/* int __kuser_cmpxchg(int oldval, int newval, volatile int *ptr): 0 and C set if stored. */
kuser_cmpxchg:
1:	ldrex	r3, [r2]
	subs	r3, r3, r0
	bne	2f
	strex	r3, r1, [r2]
	cmp	r3, #0
	bne	1b
2:	rsbs	r0, r3, #0
	bx	lr

	.org	0xfe0
/* void *__kuser_get_tls(void): the TLS register the set_tls system call sets */
kuser_get_tls:
	mrc	p15, 0, r0, c13, c0, 3
	bx	lr

	.org	0xffc
/* __kuser_helper_version: the number of 32-byte helper slots below this word */
	.word	(0x1000 - 0xf60) >> 5
