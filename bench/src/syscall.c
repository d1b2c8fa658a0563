/* syscall: system-call heavy loop.
 * Many small write() calls to /dev/null, getpid() and clock_gettime()
 * (via libc and via the raw syscall so it cannot be served by the vDSO).
 * Usage: syscall [scale]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

struct ts32 { int32_t sec, nsec; };   /* i386 clock_gettime (nr 265) layout */

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    if (scale < 1) scale = 1;
    int n = 600000 * scale;

    int fd = open("/dev/null", O_WRONLY);
    if (fd < 0) { perror("open /dev/null"); return 1; }

    static const char msg[] = "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    long written = 0, pid_ok = 0, mono_ok = 0, raw_ok = 0;
    pid_t pid0 = getpid();
    struct timespec prev, now;
    struct ts32 rprev, rnow;
    clock_gettime(CLOCK_MONOTONIC, &prev);
    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &rprev);

    for (int i = 0; i < n; i++) {
        ssize_t w = write(fd, msg, 1 + (i % (sizeof msg - 1)));
        if (w > 0) written += w;
        if (getpid() == pid0) pid_ok++;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec >= prev.tv_nsec))
            mono_ok++;
        prev = now;
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &rnow);
        if (rnow.sec > rprev.sec || (rnow.sec == rprev.sec && rnow.nsec >= rprev.nsec))
            raw_ok++;
        rprev = rnow;
    }
    close(fd);
    printf("syscall: n=%d written=%ld pid_ok=%ld mono_ok=%ld raw_ok=%ld\n",
           n, written, pid_ok, mono_ok, raw_ok);
    return 0;
}
