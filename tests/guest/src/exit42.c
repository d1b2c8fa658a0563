/* exit42.c - exit(42); expected status 42. */
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    printf("exit42: calling exit(42)\n");
    exit(42);
}
