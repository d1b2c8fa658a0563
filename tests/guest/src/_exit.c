/* _exit.c - _exit() skips atexit handlers and does not flush stdio buffers.
 * stdout is not a terminal when tests run, so the printf below stays in the
 * buffer and is lost; only the write(2) output appears.  Expected status 7. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static void never(void) { printf("_exit: atexit handler must not run\n"); }
int main(void)
{
    atexit(never);
    const char *m = "_exit: written with write(2)\n";
    write(1, m, strlen(m));
    printf("_exit: buffered by stdio, lost\n");
    _exit(7);
}
