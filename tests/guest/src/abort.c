/* abort.c - abort() raises SIGABRT; expected status 134.  glibc's abort
 * does not flush stdio, so stdout is flushed explicitly first. */
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    printf("abort: calling abort()\n");
    fflush(stdout);
    abort();
}
