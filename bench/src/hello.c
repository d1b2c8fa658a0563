/* hello: plain hello world, measures end-to-end startup + exit time. */
#include <stdio.h>

int main(void)
{
    printf("Hello, world!\n");
    return 0;
}
