/* sigterm.c - raise(SIGTERM) with the default action; expected status 143.
 */
#include <signal.h>
#include <stdio.h>
int main(void)
{
    printf("sigterm: raising SIGTERM\n");
    fflush(stdout);
    raise(SIGTERM);
    printf("sigterm: not reached\n");
    return 0;
}
