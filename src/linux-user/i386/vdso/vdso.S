/* vdso.S - the i386 vDSO tsemu maps into every guest, in place of the kernel's linux-gate.so.1.
 * Its presence (AT_SYSINFO_EHDR) is what makes glibc behave as on Linux: it leaves sa_restorer
 * unset so that signal handlers return through __kernel_(rt_)sigreturn here, makes system calls
 * through __kernel_vsyscall (AT_SYSINFO) and looks up the __vdso_* time functions. The kernel's
 * time functions read shared clock pages; these simply make the system call, which returns the
 * same results. The sigreturn trampolines keep the kernel's exact bytes, which unwinders (libgcc,
 * gdb) recognise to step through signal frames.
 * Rebuild with ./build.sh (needs i686-linux-gnu-gcc); it regenerates ../vdso-image.ts. */

/* cdecl arguments into registers, int $0x80, the raw result (or -errno) back, as the kernel's
   fallbacks return it */
#define WRAP(name, nr, load) \
	.globl name; .type name,@function; .balign 16; \
name: push %ebx; load; mov $nr,%eax; int $0x80; pop %ebx; ret; .size name,.-name
#define ARG1 mov 8(%esp),%ebx
#define ARG2 ARG1; mov 12(%esp),%ecx
#define ARG3 ARG2; mov 16(%esp),%edx

	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall,@function
	.balign 16
__kernel_vsyscall:
	int $0x80
	ret
	.size __kernel_vsyscall,.-__kernel_vsyscall

	.globl __kernel_sigreturn
	.type __kernel_sigreturn,@function
	.balign 32
__kernel_sigreturn:
	popl %eax
	movl $119,%eax		/* sigreturn */
	int $0x80
	.size __kernel_sigreturn,.-__kernel_sigreturn

	.globl __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn,@function
	.balign 32
__kernel_rt_sigreturn:
	movl $173,%eax		/* rt_sigreturn */
	int $0x80
	.size __kernel_rt_sigreturn,.-__kernel_rt_sigreturn

WRAP(__vdso_clock_gettime, 265, ARG2)
WRAP(__vdso_gettimeofday, 78, ARG2)
WRAP(__vdso_time, 13, ARG1)
WRAP(__vdso_clock_getres, 266, ARG2)
WRAP(__vdso_clock_gettime64, 403, ARG2)
WRAP(__vdso_clock_getres_time64, 406, ARG2)
WRAP(__vdso_getcpu, 318, ARG3)
