/* pie: a static-pie executable (ET_DYN without an interpreter): the loader must relocate it. */
#include <stdio.h>
#include <string.h>

static const char *names[] = {"alpha", "beta", "gamma"};
static int counter = 40;

int main(int argc, char **argv) {
    counter += argc + 1;
    for (int i = 0; i < 3; i++) printf("%d %s %zu\n", i, names[i], strlen(names[i]));
    printf("counter %d, argv[0] ends with pie: %d\n", counter, strstr(argv[0], "pie") != NULL);
    return 0;
}
