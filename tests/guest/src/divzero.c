/* divzero.c - integer divide by zero with no handler installed.
 * Expected: the process is killed by SIGFPE (shell status 136).
 * The line before the division is flushed so it must appear. */
#include <stdio.h>

int main(void)
{
    volatile unsigned n = 10, d = 0;
    unsigned q;
    printf("divzero: before\n");
    fflush(stdout);
    __asm__ volatile("xorl %%edx,%%edx\n\tdivl %[d]" : "=a"(q) : "a"(n), [d] "r"(d) : "edx", "cc");
    printf("divzero: not reached %u\n", q);
    return 0;
}
