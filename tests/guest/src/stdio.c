/* stdio.c - command-line arguments and standard input.  Uses stdio.args
 * (one argument per line) and stdio.stdin.  Prints argc/argv (not argv[0],
 * whose path depends on how the program is started), then numbers the
 * input lines, and reports byte/line/word counts and a checksum. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    printf("argc: %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]: [%s] len=%zu\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
    printf("stdin isatty: %d\n", isatty(0));
    char line[4096];
    long bytes = 0, lines = 0, words = 0;
    unsigned sum = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        lines++;
        bytes += n;
        int inword = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = line[i];
            sum = sum * 131 + c;
            if (isspace(c))
                inword = 0;
            else if (!inword) {
                inword = 1;
                words++;
            }
            line[i] = toupper(c);
        }
        printf("%4ld| %s", lines, line);
        if (n && line[n - 1] != '\n')
            printf("\n(no newline at end)\n");
    }
    printf("stdin: lines=%ld words=%ld bytes=%ld sum=%08x eof=%d\n", lines, words, bytes, sum, feof(stdin) != 0);
    return 0;
}
