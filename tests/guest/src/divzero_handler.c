/* divzero_handler.c - integer divide by zero and idiv overflow caught by a
 * SIGFPE handler.  The first handler exits directly with _exit(0) from the
 * signal handler, after a siglongjmp-recovered idiv overflow. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int mode;

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("handler: sig=%s code=%s\n", sig == SIGFPE ? "SIGFPE" : "other",
           si->si_code == FPE_INTDIV ? "FPE_INTDIV" : si->si_code == FPE_INTOVF ? "FPE_INTOVF" : "other");
    if (mode == 0)
        siglongjmp(env, 1);
    printf("handler: exiting with status 0\n");
    fflush(stdout);
    _exit(0);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGFPE, &sa, NULL);

    volatile int big = -2147483647 - 1, m1 = -1, zero = 0;
    int q;
    if (sigsetjmp(env, 1) == 0) {
        printf("idiv INT_MIN/-1\n");
        __asm__ volatile("cltd\n\tidivl %[d]" : "=a"(q) : "a"(big), [d] "r"(m1) : "edx", "cc");
        printf("not reached %d\n", q);
    } else {
        printf("recovered from idiv overflow\n");
    }
    /* byte divide: ax=0x1000 / 2 overflows al as well */
    if (sigsetjmp(env, 1) == 0) {
        printf("divb overflow\n");
        __asm__ volatile("movw $0x1000,%%ax\n\tmovb $2,%%cl\n\tdivb %%cl" ::: "eax", "ecx", "cc");
        printf("not reached\n");
    } else {
        printf("recovered from divb overflow\n");
    }
    mode = 1;
    printf("divl by zero\n");
    __asm__ volatile("xorl %%edx,%%edx\n\tdivl %[d]" : "=a"(q) : "a"(7), [d] "r"(zero) : "edx", "cc");
    printf("not reached %d\n", q);
    return 1;
}
