/* exit0.c - exit(0) after output; expected status 0. */
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    printf("exit0: calling exit(0)\n");
    exit(0);
}
