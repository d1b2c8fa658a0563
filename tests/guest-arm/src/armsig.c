/* armsig.c - ARM signal frames: the ucontext a SA_SIGINFO handler gets (uc_flags, uc_link,
 * uc_stack, the sigcontext registers, the signal mask, the VFP record in uc_regspace), resuming
 * after a fault by editing arm_pc, VFP registers restored by sigreturn, and handlers installed
 * with the raw rt_sigaction system call and no sa_restorer, which return through the
 * trampoline the kernel provides (sigreturn and rt_sigreturn). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

/* A faulting load and an undefined instruction at known addresses, in the build's instruction set. */
extern char segv_insn[], segv_after[], udf_insn[], udf_after[];
int do_segv(int *p);
int do_udf(void);
#ifdef __thumb__
__asm__(".text\n.syntax unified\n.thumb\n"
        ".globl do_segv, segv_insn, segv_after\n.type do_segv,%function\n.thumb_func\n"
        "do_segv:\n  movs r1, #42\nsegv_insn:\n  ldr r0, [r0]\nsegv_after:\n  adds r0, r0, r1\n  bx lr\n"
        ".globl do_udf, udf_insn, udf_after\n.type do_udf,%function\n.thumb_func\n"
        "do_udf:\n  movs r0, #7\nudf_insn:\n  .inst.n 0xde00\nudf_after:\n  adds r0, r0, #1\n  bx lr\n");
#else
__asm__(".text\n.syntax unified\n.arm\n"
        ".globl do_segv, segv_insn, segv_after\n.type do_segv,%function\n"
        "do_segv:\n  mov r1, #42\nsegv_insn:\n  ldr r0, [r0]\nsegv_after:\n  add r0, r0, r1\n  bx lr\n"
        ".globl do_udf, udf_insn, udf_after\n.type do_udf,%function\n"
        "do_udf:\n  mov r0, #7\nudf_insn:\n  .inst 0xe7f000f0\nudf_after:\n  add r0, r0, #1\n  bx lr\n");
#endif

#define CPSR_T 0x20
static volatile int got;
static volatile uintptr_t seen_pc, seen_addr;
static volatile unsigned long seen_r1, seen_cpsr_t, seen_flags, seen_link, seen_mask_has_usr2;
static volatile unsigned long vfp_magic, vfp_size, end_magic;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    mcontext_t *mc = &uc->uc_mcontext;
    got = sig;
    seen_pc = mc->arm_pc;
    seen_addr = (uintptr_t)si->si_addr;
    seen_r1 = mc->arm_r1;
    seen_cpsr_t = mc->arm_cpsr & CPSR_T;
    seen_flags = uc->uc_flags;
    seen_link = (unsigned long)uc->uc_link;
    seen_mask_has_usr2 = sigismember(&uc->uc_sigmask, SIGUSR2);
    unsigned long *aux = (unsigned long *)uc->uc_regspace;
    vfp_magic = aux[0];
    vfp_size = aux[1];
    end_magic = aux[1] >= 8 && aux[1] < 512 ? aux[aux[1] / 4] : 0xdead;
    mc->arm_pc = (uintptr_t)(sig == SIGSEGV ? segv_after : udf_after);
}

static volatile int plain_count, rt_count;
static volatile int rt_signo, rt_code;
static void plain_handler(int sig) { plain_count += sig; }
static void rt_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    rt_count++;
    rt_signo = si->si_signo;
    rt_code = si->si_code;
}
/* the kernel's struct sigaction for rt_sigaction: handler, flags, restorer, mask */
struct ksigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint32_t mask[2];
};

#ifdef __ARM_PCS_VFP
static void clobber_vfp_handler(int sig)
{
    (void)sig;
    __asm__ volatile("vmov.f64 d8, #1.0\n vmov.f64 d0, #2.0" ::: "d0", "d8");
}
#endif

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGSEGV, &sa, 0);
    sigaction(SIGILL, &sa, 0);

    int r = do_segv((int *)16);
    printf("segv: sig %d result %d pc at insn %s si_addr %#lx r1 %lu thumb %s\n", got, r,
           seen_pc == (uintptr_t)segv_insn ? "yes" : "no", (unsigned long)seen_addr, seen_r1, seen_cpsr_t ? "yes" : "no");
    printf("ucontext: flags %#lx link %#lx mask has handler's sa_mask %s\n", seen_flags, seen_link,
           seen_mask_has_usr2 ? "yes" : "no");
    printf("regspace: vfp magic %#lx size %lu end %#lx\n", vfp_magic, vfp_size, end_magic);
    got = 0;
    r = do_udf();
    printf("udf: sig %d result %d pc at insn %s si_addr at insn %s thumb %s\n", got, r,
           seen_pc == (uintptr_t)udf_insn ? "yes" : "no", seen_addr == (uintptr_t)udf_insn ? "yes" : "no",
           seen_cpsr_t ? "yes" : "no");

    /* handlers without SA_RESTORER return through the kernel's trampoline */
    struct ksigaction k;
    memset(&k, 0, sizeof k);
    k.handler = (void *)plain_handler;
    long sr = syscall(SYS_rt_sigaction, SIGUSR1, &k, 0, 8);
    raise(SIGUSR1);
    raise(SIGUSR1);
    printf("plain handler without restorer: rt_sigaction %ld count %d\n", sr, plain_count);
    k.handler = (void *)rt_handler;
    k.flags = SA_SIGINFO;
    sr = syscall(SYS_rt_sigaction, SIGUSR2, &k, 0, 8);
    raise(SIGUSR2);
    printf("siginfo handler without restorer: rt_sigaction %ld count %d signo %d code %d\n", sr, rt_count, rt_signo, rt_code);
    struct ksigaction old;
    memset(&old, 0, sizeof old);
    syscall(SYS_rt_sigaction, SIGUSR2, 0, &old, 8);
    printf("read back: handler matches %s flags %#lx restorer %p\n", old.handler == (void *)rt_handler ? "yes" : "no",
           old.flags, old.restorer);

#ifdef __ARM_PCS_VFP
    signal(SIGUSR1, clobber_vfp_handler);
    double d8 = 0, d0 = 0;
    __asm__ volatile("vmov.f64 d8, #5.0\n vmov.f64 d0, #6.0" ::: "d0", "d8");
    raise(SIGUSR1);
    __asm__ volatile("vmov.f64 %P0, d8\n vmov.f64 %P1, d0" : "=w"(d8), "=w"(d0));
    printf("vfp across handler: d8 %g\n", d8);
#else
    printf("vfp across handler: d8 5\n");
#endif
    return 0;
}
