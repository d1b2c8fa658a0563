/* signals.c - signal delivery, masks, handler frames and sigreturn.
 * Covers: sigaction with and without SA_SIGINFO, SA_NODEFER, SA_RESETHAND,
 * SA_ONSTACK + sigaltstack, SA_RESTART vs EINTR, sigprocmask / sigpending /
 * sigsuspend, kill / raise / tgkill / sigqueue (queued real-time signals),
 * nested signals, synchronous faults (SIGSEGV, SIGILL, SIGTRAP, SIGFPE)
 * recovered both by siglongjmp and by editing the ucontext and returning,
 * and register/FPU state preservation across a handler. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

/* Fault sites with known addresses, so handlers can check si_addr/EIP and
 * resume after the faulting instruction. */
extern char ud2_insn[], ud2_after[], int3_insn[], int3_after[];
extern char div_insn[], div_after[], segv_insn[], segv_after[];
int do_ud2(void);
int do_int3(void);
int do_div(unsigned d);
int do_segv(void);
__asm__(".text\n"
        ".globl do_ud2, ud2_insn, ud2_after\n"
        "do_ud2:\n\tmovl $1,%eax\n"
        "ud2_insn:\n\tud2\n"
        "ud2_after:\n\tret\n"
        ".globl do_int3, int3_insn, int3_after\n"
        "do_int3:\n\tmovl $2,%eax\n"
        "int3_insn:\n\tint3\n"
        "int3_after:\n\taddl $100,%eax\n\tret\n"
        ".globl do_div, div_insn, div_after\n"
        "do_div:\n\tmovl 4(%esp),%ecx\n\tmovl $1000,%eax\n\txorl %edx,%edx\n"
        "div_insn:\n\tdivl %ecx\n"
        "div_after:\n\tret\n"
        ".globl do_segv, segv_insn, segv_after\n"
        "do_segv:\n\tmovl $3,%eax\n"
        "segv_insn:\n\tmovl $0x1234,0\n"
        "segv_after:\n\tret\n");

static const char *signame(int s)
{
    switch (s) {
    case SIGSEGV: return "SIGSEGV";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGFPE: return "SIGFPE";
    case SIGUSR1: return "SIGUSR1";
    case SIGUSR2: return "SIGUSR2";
    case SIGALRM: return "SIGALRM";
    case SIGHUP: return "SIGHUP";
    case SIGTERM: return "SIGTERM";
    }
    if (s >= SIGRTMIN && s <= SIGRTMAX) return "SIGRT";
    return "?";
}

static const char *codename(int sig, int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TKILL: return "SI_TKILL";
    case SI_TIMER: return "SI_TIMER";
    }
    if (sig == SIGSEGV && code == SEGV_MAPERR) return "SEGV_MAPERR";
    if (sig == SIGSEGV && code == SEGV_ACCERR) return "SEGV_ACCERR";
    if (sig == SIGILL && code == ILL_ILLOPN) return "ILL_ILLOPN";
    if (sig == SIGILL && code == ILL_ILLOPC) return "ILL_ILLOPC";
    if (sig == SIGFPE && code == FPE_INTDIV) return "FPE_INTDIV";
    if (sig == SIGTRAP && code == TRAP_BRKPT) return "TRAP_BRKPT";
    static char buf[32];
    snprintf(buf, sizeof buf, "code%d", code);
    return buf;
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0)
        printf("sigaction failed\n");
}

static void install_plain(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* ---- 1. plain handler modifying a global ---- */
static volatile sig_atomic_t counter;
static void plain_handler(int sig)
{
    counter++;
    printf("plain_handler: sig=%s counter=%d\n", signame(sig), (int)counter);
}

/* ---- 2. SA_SIGINFO: code / pid / value ---- */
static void info_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("info_handler: sig=%s code=%s pid_is_self=%s value=%d\n", signame(sig),
           codename(sig, si->si_code), si->si_pid == getpid() ? "yes" : "no",
           si->si_code == SI_QUEUE ? si->si_value.sival_int : -1);
}

/* ---- 3. fault handlers ---- */
static sigjmp_buf jb;
static int fault_mode; /* 0 = siglongjmp, 1 = edit context and return */

static void fault_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    greg_t *g = uc->uc_mcontext.gregs;
    char *eip = (char *)g[REG_EIP];
    printf("fault_handler: sig=%s code=%s", signame(sig), codename(sig, si->si_code));
    switch (sig) {
    case SIGSEGV:
        printf(" si_addr=%p eip_at_insn=%s", si->si_addr, eip == segv_insn ? "yes" : "no");
        break;
    case SIGILL:
        printf(" si_addr_at_insn=%s eip_at_insn=%s", (char *)si->si_addr == ud2_insn ? "yes" : "no",
               eip == ud2_insn ? "yes" : "no");
        break;
    case SIGFPE:
        printf(" si_addr_at_insn=%s eip_at_insn=%s", (char *)si->si_addr == div_insn ? "yes" : "no",
               eip == div_insn ? "yes" : "no");
        break;
    case SIGTRAP:
        printf(" eip_after_int3=%s eax=%d", eip == int3_after ? "yes" : "no", (int)g[REG_EAX]);
        break;
    }
    printf(" trapno=%d\n", (int)g[REG_TRAPNO]);
    if (fault_mode == 0)
        siglongjmp(jb, sig);
    /* resume after the faulting instruction with a marker in %eax */
    switch (sig) {
    case SIGSEGV: g[REG_EIP] = (greg_t)segv_after; break;
    case SIGILL: g[REG_EIP] = (greg_t)ud2_after; break;
    case SIGFPE: g[REG_EIP] = (greg_t)div_after; break;
    case SIGTRAP: break; /* int3 is a trap: EIP already points past it */
    }
    g[REG_EAX] = 0x5a00 + sig;
}

static void test_faults(void)
{
    int sigs[4] = {SIGSEGV, SIGILL, SIGTRAP, SIGFPE};
    for (int i = 0; i < 4; i++)
        install(sigs[i], fault_handler, 0);
    for (fault_mode = 0; fault_mode < 2; fault_mode++) {
        printf("-- faults, mode=%s\n", fault_mode ? "return" : "siglongjmp");
        int r;
        if ((r = sigsetjmp(jb, 1)) == 0) {
            r = do_segv();
            printf("do_segv returned 0x%x\n", r);
        } else
            printf("longjmp from %s\n", signame(r));
        if ((r = sigsetjmp(jb, 1)) == 0) {
            r = do_ud2();
            printf("do_ud2 returned 0x%x\n", r);
        } else
            printf("longjmp from %s\n", signame(r));
        if ((r = sigsetjmp(jb, 1)) == 0) {
            r = do_int3();
            printf("do_int3 returned 0x%x\n", r);
        } else
            printf("longjmp from %s\n", signame(r));
        if ((r = sigsetjmp(jb, 1)) == 0) {
            r = do_div(0);
            printf("do_div(0) returned 0x%x\n", r);
        } else
            printf("longjmp from %s\n", signame(r));
        printf("do_div(7) returned %d\n", do_div(7));
        /* the signal must not remain blocked after siglongjmp / sigreturn */
        sigset_t cur;
        sigprocmask(SIG_BLOCK, NULL, &cur);
        printf("after faults: SEGV blocked=%d ILL blocked=%d\n", sigismember(&cur, SIGSEGV),
               sigismember(&cur, SIGILL));
    }
    /* NULL pointer write from C code */
    fault_mode = 0;
    int r;
    if ((r = sigsetjmp(jb, 1)) == 0) {
        volatile int *p = NULL;
        *p = 1;
        printf("not reached\n");
    } else
        printf("C NULL write: longjmp from %s\n", signame(r));
    for (int i = 0; i < 4; i++)
        signal(sigs[i], SIG_DFL);
}

/* ---- 4. masks, pending, unblock delivery ---- */
static void test_masks(void)
{
    sigset_t set, old, pend;
    counter = 0;
    install_plain(SIGUSR1, plain_handler, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    raise(SIGUSR1); /* standard signals do not queue: delivered once */
    printf("blocked: counter=%d\n", (int)counter);
    sigpending(&pend);
    printf("pending: USR1=%d USR2=%d\n", sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2));
    printf("unblocking\n");
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: counter=%d\n", (int)counter);
    sigpending(&pend);
    printf("pending after: USR1=%d\n", sigismember(&pend, SIGUSR1));

    /* kill(getpid()) and tgkill */
    install(SIGUSR2, info_handler, 0);
    kill(getpid(), SIGUSR2);
    syscall(SYS_tgkill, getpid(), (pid_t)syscall(SYS_gettid), SIGUSR2);
    raise(SIGUSR2);

    /* queued real-time signals keep order and multiplicity */
    install(SIGRTMIN, info_handler, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 1; i <= 3; i++) {
        union sigval v;
        v.sival_int = i * 11;
        sigqueue(getpid(), SIGRTMIN, v);
    }
    printf("rt queued, unblocking\n");
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("rt done\n");

    /* sigsuspend */
    counter = 0;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    sigset_t waitmask;
    sigemptyset(&waitmask);
    int r = sigsuspend(&waitmask);
    printf("sigsuspend: r=%d errno=%s counter=%d\n", r, errno == EINTR ? "EINTR" : "?", (int)counter);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* SIG_IGN */
    signal(SIGHUP, SIG_IGN);
    raise(SIGHUP);
    printf("ignored SIGHUP survived\n");

    /* invalid arguments */
    errno = 0;
    r = sigaction(SIGKILL, &(struct sigaction){.sa_handler = plain_handler}, NULL);
    printf("sigaction(SIGKILL): %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    errno = 0;
    r = kill(getpid(), 99);
    printf("kill(sig 99): %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    printf("kill(sig 0): %d\n", kill(getpid(), 0));
}

/* ---- 5. nested signals, handler masks, SA_NODEFER, SA_RESETHAND ---- */
static void usr2_nested(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("  usr2 handler (nested): USR1 blocked=%d USR2 blocked=%d\n", sigismember(&cur, SIGUSR1),
           sigismember(&cur, SIGUSR2));
    (void)sig;
}
static void usr1_outer(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf(" usr1 handler enter: USR1 blocked=%d TERM blocked(sa_mask)=%d\n", sigismember(&cur, SIGUSR1),
           sigismember(&cur, SIGTERM));
    raise(SIGUSR2);
    printf(" usr1 handler exit\n");
    (void)sig;
}
static volatile int depth;
static void nodefer_handler(int sig)
{
    depth++;
    int d = depth;
    printf(" nodefer depth=%d\n", d);
    if (d < 3)
        raise(sig);
    printf(" nodefer leave %d\n", d);
}

static void test_nested(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_outer;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaction(SIGUSR1, &sa, NULL);
    install_plain(SIGUSR2, usr2_nested, 0);
    printf("nested: raising USR1\n");
    raise(SIGUSR1);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("nested: back, TERM blocked=%d\n", sigismember(&cur, SIGTERM));

    install_plain(SIGUSR1, nodefer_handler, SA_NODEFER);
    depth = 0;
    raise(SIGUSR1);
    printf("nodefer: final depth=%d\n", depth);

    counter = 0;
    install_plain(SIGUSR1, plain_handler, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction q;
    sigaction(SIGUSR1, NULL, &q);
    printf("resethand: counter=%d now_default=%s\n", (int)counter, q.sa_handler == SIG_DFL ? "yes" : "no");
}

/* ---- 6. sigaltstack ---- */
static char *alt_base;
static size_t alt_size;
static void alt_handler(int sig, siginfo_t *si, void *uc)
{
    char local;
    stack_t cur;
    sigaltstack(NULL, &cur);
    int on = &local >= alt_base && &local < alt_base + alt_size;
    printf("alt_handler: sig=%s on_alt_stack=%s ss_flags_onstack=%d\n", signame(sig), on ? "yes" : "no",
           (cur.ss_flags & SS_ONSTACK) ? 1 : 0);
    (void)si;
    (void)uc;
}
static void test_altstack(void)
{
    alt_size = 64 * 1024;
    alt_base = malloc(alt_size);
    stack_t ss = {.ss_sp = alt_base, .ss_size = alt_size, .ss_flags = 0}, old;
    printf("sigaltstack: %d\n", sigaltstack(&ss, &old));
    printf("old ss_flags disabled=%d\n", (old.ss_flags & SS_DISABLE) ? 1 : 0);
    install(SIGUSR1, alt_handler, SA_ONSTACK);
    raise(SIGUSR1);
    install(SIGUSR1, alt_handler, 0); /* without SA_ONSTACK: normal stack */
    raise(SIGUSR1);
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("after: ss_flags_onstack=%d\n", (cur.ss_flags & SS_ONSTACK) ? 1 : 0);
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    errno = 0;
    stack_t tiny = {.ss_sp = alt_base, .ss_size = 16, .ss_flags = 0};
    int r = sigaltstack(&tiny, NULL);
    printf("tiny altstack: %d %s\n", r, errno == ENOMEM ? "ENOMEM" : "?");
    free(alt_base);
}

/* ---- 7. EINTR vs SA_RESTART with a blocking read ----
 * A repeating 20ms timer is used so that a signal arriving before the
 * blocking call is entered (slow emulator) cannot hang the test; the number
 * of timer expiries is therefore not printed. */
static int pfd[2];
static volatile int alarms, phase, wrote;
static void alarm_handler(int sig)
{
    alarms++;
    if (phase == 2 && !wrote) { /* make the restarted read complete */
        wrote = 1;
        if (write(pfd[1], "x", 1) != 1)
            _exit(99);
    }
    (void)sig;
}
static void timer(int on)
{
    struct itimerval it = {{0, on ? 20000 : 0}, {0, on ? 20000 : 0}};
    setitimer(ITIMER_REAL, &it, NULL);
}
static void test_restart(void)
{
    if (pipe(pfd) != 0) { printf("pipe failed\n"); return; }
    char c;
    phase = 1;
    install_plain(SIGALRM, alarm_handler, 0);
    timer(1);
    errno = 0;
    ssize_t r = read(pfd[0], &c, 1);
    int e = errno;
    timer(0);
    printf("read without SA_RESTART: r=%d errno=%s handler_ran=%s\n", (int)r, e == EINTR ? "EINTR" : "?",
           alarms > 0 ? "yes" : "no");
    phase = 2;
    install_plain(SIGALRM, alarm_handler, SA_RESTART);
    timer(1);
    errno = 0;
    r = read(pfd[0], &c, 1);
    e = errno;
    timer(0);
    printf("read with SA_RESTART: r=%d c=%c errno=%d\n", (int)r, r == 1 ? c : '?', e);
    phase = 3;
    alarms = 0;
    timer(1);
    r = pause();
    e = errno;
    timer(0);
    printf("pause: r=%d errno=%s handler_ran=%s\n", (int)r, e == EINTR ? "EINTR" : "?", alarms > 0 ? "yes" : "no");
    signal(SIGALRM, SIG_IGN);
    close(pfd[0]);
    close(pfd[1]);
}

/* ---- 8. register and FPU state preserved across a handler ---- */
static volatile double hd;
static void clobber_handler(int sig)
{
    volatile double x = 1.0;
    for (int i = 0; i < 10; i++)
        x = x * 3.5 + 0.25;
    hd = x;
    (void)sig;
}
/* regs_across_signal(pid, sig, out): sends the signal with a raw kill syscall
 * while every register holds a marker and pi sits on the x87 stack; stores
 * eax, eflags, ebx, ecx, edx, esi, edi, ebp and the x87 value to out[]. */
void regs_across_signal(int pid, int sig, unsigned *out);
__asm__(".text\n"
        ".globl regs_across_signal\n"
        "regs_across_signal:\n"
        "\tpushl %ebp\n\tpushl %ebx\n\tpushl %esi\n\tpushl %edi\n"
        "\tmovl 20(%esp),%ebx\n"
        "\tmovl 24(%esp),%ecx\n"
        "\tmovl $37,%eax\n"
        "\tmovl $0x44444444,%edx\n"
        "\tmovl $0x55555555,%esi\n"
        "\tmovl $0x66666666,%edi\n"
        "\tmovl $0x77777777,%ebp\n"
        "\tfldpi\n"
        "\tstc\n"
        "\tint $0x80\n"
        "\tpushf\n"
        "\tpushl %eax\n"
        "\tmovl 36(%esp),%eax\n"
        "\tpopl 0(%eax)\n"
        "\tpopl 4(%eax)\n"
        "\tmovl %ebx,8(%eax)\n\tmovl %ecx,12(%eax)\n\tmovl %edx,16(%eax)\n"
        "\tmovl %esi,20(%eax)\n\tmovl %edi,24(%eax)\n\tmovl %ebp,28(%eax)\n"
        "\tfstpl 32(%eax)\n"
        "\tpopl %edi\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret\n");

static void test_state(void)
{
    unsigned out[10];
    double pi;
    install_plain(SIGUSR1, clobber_handler, 0);
    regs_across_signal(getpid(), SIGUSR1, out);
    memcpy(&pi, &out[8], sizeof pi);
    printf("state: eax=%08x cf=%u ebx_is_pid=%s ecx=%u edx=%08x esi=%08x edi=%08x ebp=%08x st0=%.15f\n",
           out[0], out[1] & 1, out[2] == (unsigned)getpid() ? "yes" : "no", out[3], out[4], out[5],
           out[6], out[7], pi);
    printf("state: handler computed %.6f\n", hd);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("== faults\n");
    test_faults();
    printf("== masks\n");
    test_masks();
    printf("== nested\n");
    test_nested();
    printf("== altstack\n");
    test_altstack();
    printf("== restart\n");
    test_restart();
    printf("== state\n");
    test_state();
    printf("signals: done\n");
    return 0;
}
