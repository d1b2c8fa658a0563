/* armsys.c - ARM EABI system-call details: the private calls (cacheflush, set_tls/get_tls,
 * an unknown one), 64-bit arguments passed in aligned register pairs (pread64, pwrite64,
 * ftruncate64, truncate64, fadvise64_64, readahead, fallocate), the EABI struct stat64 and
 * struct flock64 (64-bit aligned fields), statfs64, and the uname machine. */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#define ARM_cacheflush 0xf0002
#define ARM_set_tls 0xf0005
#define ARM_get_tls 0xf0006

static char code[64];

int main(void)
{
    long r = syscall(ARM_cacheflush, code, code + sizeof code, 0);
    printf("cacheflush: %ld\n", r);
    /* read through __kuser_get_tls: the compiler may not re-read __builtin_thread_pointer() */
    void *(*get_tls)(void) = (void *(*)(void))0xffff0fe0;
    void *tp = get_tls();
    r = syscall(ARM_set_tls, (unsigned long)tp + 0x1000);
    void *now = get_tls();
    syscall(ARM_set_tls, tp); /* glibc needs its own back before the next printf */
    printf("set_tls: %ld moved by %ld\n", r, (long)((char *)now - (char *)tp));
    r = syscall(ARM_get_tls);
    printf("get_tls matches: %s\n", (void *)r == tp ? "yes" : "no");
    errno = 0;
    r = syscall(0xf07f0);
    printf("unknown private call: %ld errno %d\n", r, errno);
    errno = 0;
    r = syscall(999);
    printf("unknown call 999: %ld errno %d\n", r, errno);

    struct utsname u;
    uname(&u);
    printf("uname machine: %s\n", u.machine);

    char path[] = "/tmp/tsemu-armsys-XXXXXX";
    int fd = mkstemp(path);
    const off_t big = 0x123456789LL;
    r = ftruncate(fd, big);
    struct stat st;
    fstat(fd, &st);
    printf("ftruncate64: %ld size %#llx\n", r, (unsigned long long)st.st_size);
    r = pwrite(fd, "hello", 5, big - 5);
    char buf[8] = {0};
    long r2 = pread(fd, buf, 5, big - 5);
    printf("pwrite64 %ld pread64 %ld '%s'\n", r, r2, buf);
    r = posix_fadvise(fd, 0x100000000LL, 4096, POSIX_FADV_SEQUENTIAL);
    printf("fadvise64_64: %ld\n", r);
    r = readahead(fd, 0x100000000LL, 4096);
    printf("readahead: %ld\n", r);
    r = truncate(path, 0x200000000LL);
    struct stat st2;
    stat(path, &st2);
    printf("truncate64: %ld size %#llx ino matches %s blksize>0 %s mode %o nlink %lu\n", r, (unsigned long long)st2.st_size,
           st2.st_ino == st.st_ino ? "yes" : "no", st2.st_blksize > 0 ? "yes" : "no", st2.st_mode & 07777,
           (unsigned long)st2.st_nlink);
    struct stat64 s64;
    memset(&s64, 0xff, sizeof s64);
    syscall(SYS_fstat64, fd, &s64);
    printf("raw stat64: size %#llx blocks sane %s sizeof %zu\n", (unsigned long long)s64.st_size,
           s64.st_blocks < 0x100000000LL ? "yes" : "no", sizeof s64);

    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x100000000LL, .l_len = 10};
    r = fcntl(fd, F_SETLK, &fl);
    struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    long r3 = fcntl(fd, F_GETLK, &q);
    printf("flock64: setlk %ld getlk %ld type unlocked %s start %#llx len %lld\n", r, r3, q.l_type == F_UNLCK ? "yes" : "no",
           (unsigned long long)q.l_start, (long long)q.l_len);

    struct statfs sf;
    r = fstatfs(fd, &sf);
    printf("fstatfs64: %ld bsize>0 %s\n", r, sf.f_bsize > 0 ? "yes" : "no");
    r = syscall(SYS_fstatfs64, fd, 88, &sf);
    printf("fstatfs64 size 88: %ld\n", r);
    r = syscall(SYS_fstatfs64, fd, 84, &sf);
    printf("fstatfs64 size 84: %ld\n", r);
    r = fallocate(fd, 0, 0x80000000LL, 4096);
    printf("fallocate: %s\n", r == 0 || errno == EOPNOTSUPP ? "ok" : "failed");
    close(fd);
    unlink(path);
    return 0;
}
