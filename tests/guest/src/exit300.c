/* exit300.c - exit status is truncated to 8 bits: exit(300) -> 44. */
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    printf("exit300: calling exit(300)\n");
    exit(300);
}
