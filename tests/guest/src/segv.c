/* segv.c - uncaught NULL pointer write; expected status 139 (SIGSEGV). */
#include <stdio.h>
int main(void)
{
    printf("segv: writing through NULL\n");
    fflush(stdout);
    *(volatile int *)0 = 1;
    printf("segv: not reached\n");
    return 0;
}
