/* atexit.c - atexit handlers run in reverse registration order on exit(),
 * stdio buffers are flushed after them; expected status 5. */
#include <stdio.h>
#include <stdlib.h>
static void h1(void) { printf("atexit: handler 1 (registered first, runs last)\n"); }
static void h2(void) { printf("atexit: handler 2\n"); }
static void h3(void)
{
    printf("atexit: handler 3 (registered last, runs first)\n");
}
int main(void)
{
    atexit(h1);
    atexit(h2);
    atexit(h3);
    printf("atexit: main calling exit(5)\n");
    exit(5);
}
