/* ret3.c - return 3 from main; expected status 3. */
#include <stdio.h>
int main(void)
{
    printf("ret3: returning 3 from main\n");
    return 3;
}
