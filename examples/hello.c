/* hello.c - the tsemu demo program.
 * Build: make (in this directory) -> hello.i386, a static i386 Linux ELF.
 * Run:   tsemu-i386 examples/hello.i386 some args
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("Hello from tsemu!\n");
    printf("This is an i386 Linux program running on a dynamic binary translator.\n");
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, argv[i]);
    return 0;
}
