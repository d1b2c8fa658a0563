/* mem.c - memory management system calls and faults: brk/sbrk, malloc on
 * the brk and mmap paths, mmap (anonymous private/shared, file-backed,
 * MAP_FIXED), munmap (whole and partial), mprotect, mremap, madvise
 * (MADV_DONTNEED), msync, and the faults they imply: SIGSEGV on writing a
 * read-only page, reading a PROT_NONE page, touching an unmapped hole, and
 * executing a non-executable page; SIGBUS past the end of a mapped file.
 * Faults are caught with a handler that siglongjmps back.  Addresses are
 * never printed, only relations between them. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile void *expect_addr;
static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    const char *code = "other";
    if (sig == SIGSEGV)
        code = si->si_code == SEGV_MAPERR ? "SEGV_MAPERR" : si->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other";
    else if (sig == SIGBUS)
        code = si->si_code == BUS_ADRERR ? "BUS_ADRERR" : "other";
    printf("  caught %s %s si_addr_matches=%s\n", sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : "?", code,
           si->si_addr == expect_addr ? "yes" : "no");
    siglongjmp(jb, 1);
}

#define TRY(label, addr, stmt)                  \
    do {                                        \
        expect_addr = (addr);                   \
        printf("%s:\n", label);                 \
        if (sigsetjmp(jb, 1) == 0) {            \
            stmt;                               \
            printf("  no fault\n");             \
        }                                       \
    } while (0)

static unsigned sum_bytes(const uint8_t *p, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s = s * 31 + p[i];
    return s;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    long pg = sysconf(_SC_PAGESIZE);
    printf("page size: %ld\n", pg);

    /* ---- brk ---- */
    uintptr_t b0 = (uintptr_t)syscall(SYS_brk, 0);
    uintptr_t b1 = (uintptr_t)syscall(SYS_brk, b0 + 100000);
    printf("brk grow: delta=%ld\n", (long)(b1 - b0));
    memset((void *)b0, 0xab, 100000);
    printf("brk memory writable: %s\n", ((uint8_t *)b0)[99999] == 0xab ? "yes" : "no");
    uintptr_t b2 = (uintptr_t)syscall(SYS_brk, b0 + 50000);
    printf("brk shrink: delta=%ld\n", (long)(b2 - b0));
    uintptr_t b3 = (uintptr_t)syscall(SYS_brk, b0);
    printf("brk restore: %s\n", b3 == b0 ? "yes" : "no");
    void *s0 = sbrk(0);
    void *s1 = sbrk(8192);
    void *s2 = sbrk(0);
    printf("sbrk: returns old break=%s grew=%ld\n", s1 == s0 ? "yes" : "no", (long)((char *)s2 - (char *)s0));
    memset(s1, 1, 8192);
    sbrk(-8192);
    printf("sbrk shrink: %s\n", sbrk(0) == s0 ? "yes" : "no");

    /* ---- malloc ---- */
    size_t big = 16u << 20;
    uint8_t *m = malloc(big);
    for (size_t i = 0; i < big; i += 4096)
        m[i] = (uint8_t)(i >> 12);
    unsigned long acc = 0;
    for (size_t i = 0; i < big; i += 4096)
        acc += m[i];
    printf("malloc 16MiB: touched sum=%lu\n", acc);
    m = realloc(m, big * 2);
    acc = 0;
    for (size_t i = 0; i < big; i += 4096)
        acc += m[i];
    printf("realloc 32MiB: preserved sum=%lu\n", acc);
    free(m);
    void *ptrs[1000];
    for (int i = 0; i < 1000; i++) {
        ptrs[i] = malloc(16 + (i * 37) % 2000);
        memset(ptrs[i], i & 0xff, 16);
    }
    int okp = 1;
    for (int i = 0; i < 1000; i++)
        okp &= ((uint8_t *)ptrs[i])[15] == (i & 0xff);
    for (int i = 0; i < 1000; i += 2)
        free(ptrs[i]);
    for (int i = 1; i < 1000; i += 2)
        free(ptrs[i]);
    printf("1000 small mallocs ok: %d\n", okp);
    uint8_t *cz = calloc(1000, 1000);
    printf("calloc zeroed: %s\n", sum_bytes(cz, 1000000) == 0 ? "yes" : "no");
    free(cz);

    /* ---- anonymous mmap, mprotect, faults ---- */
    uint8_t *a = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap anon: ok=%s aligned=%s zero=%s\n", a != MAP_FAILED ? "yes" : "no", ((uintptr_t)a % pg) == 0 ? "yes" : "no",
           sum_bytes(a, 4 * pg) == 0 ? "yes" : "no");
    for (int i = 0; i < 4 * pg; i++)
        a[i] = (uint8_t)(i * 7);
    printf("mmap anon written: %08x\n", sum_bytes(a, 4 * pg));
    printf("mprotect read-only: %d\n", mprotect(a + pg, pg, PROT_READ));
    printf("read-only still readable: %d\n", a[pg + 1]);
    TRY("write to PROT_READ page", a + pg + 5, a[pg + 5] = 1);
    printf("mprotect none: %d\n", mprotect(a + 2 * pg, pg, PROT_NONE));
    TRY("read PROT_NONE page", a + 2 * pg + 9, (void)*(volatile uint8_t *)(a + 2 * pg + 9));
    printf("mprotect rw again: %d\n", mprotect(a + pg, 2 * pg, PROT_READ | PROT_WRITE));
    printf("contents kept: %08x\n", sum_bytes(a, 4 * pg));
    /* execute from a non-executable page: c3 = ret */
    a[0] = 0xc3;
    TRY("execute PROT_READ|PROT_WRITE page", a, ((void (*)(void))a)());
    mprotect(a, pg, PROT_READ | PROT_EXEC);
    TRY("execute after mprotect PROT_EXEC", a, ((void (*)(void))a)());
    mprotect(a, pg, PROT_READ | PROT_WRITE);
    /* partial munmap: punch a hole */
    printf("munmap middle page: %d\n", munmap(a + pg, pg));
    TRY("touch unmapped hole", a + pg + 100, (void)*(volatile uint8_t *)(a + pg + 100));
    printf("neighbours intact: %d %d\n", a[3], a[2 * pg + 3]);
    errno = 0;
    int rc = mprotect(a + pg, pg, PROT_READ);
    printf("mprotect on hole: %d %s\n", rc, errno == ENOMEM ? "ENOMEM" : "?");
    errno = 0;
    rc = munmap(a + 1, pg);
    printf("munmap unaligned: %d %s\n", rc, errno == EINVAL ? "EINVAL" : "?");
    /* MAP_FIXED into the hole */
    uint8_t *fx = mmap(a + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED into hole: %s zero=%s\n", fx == a + pg ? "yes" : "no", sum_bytes(fx, pg) == 0 ? "yes" : "no");
    /* madvise DONTNEED on private anonymous memory zero-fills */
    memset(a, 0x5a, pg);
    rc = madvise(a, pg, MADV_DONTNEED);
    printf("madvise DONTNEED: %d now zero: %s\n", rc, sum_bytes(a, pg) == 0 ? "yes" : "no");
    munmap(a, 4 * pg);

    /* ---- mremap ---- */
    uint8_t *r = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < 2 * pg; i++)
        r[i] = (uint8_t)(i ^ (i >> 8));
    unsigned before = sum_bytes(r, 2 * pg);
    uint8_t *r2 = mremap(r, 2 * pg, 64 * pg, MREMAP_MAYMOVE);
    printf("mremap grow: ok=%s preserved=%s new tail zero=%s\n", r2 != MAP_FAILED ? "yes" : "no",
           sum_bytes(r2, 2 * pg) == before ? "yes" : "no", sum_bytes(r2 + 2 * pg, 62 * pg) == 0 ? "yes" : "no");
    r2[64 * pg - 1] = 1;
    uint8_t *r3 = mremap(r2, 64 * pg, pg, 0);
    printf("mremap shrink in place: %s\n", r3 == r2 ? "yes" : "no");
    TRY("touch beyond shrunk mapping", r3 + 2 * pg, (void)*(volatile uint8_t *)(r3 + 2 * pg));
    /* block the address space two pages above, then grow without MAYMOVE */
    void *blk = mmap(r3 + 2 * pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("blocker mapped: %s\n", blk == r3 + 2 * pg ? "yes" : "no");
    errno = 0;
    void *r4 = mremap(r3, pg, 4 * pg, 0);
    printf("mremap grow into blocker without MAYMOVE: %s\n", r4 != MAP_FAILED ? "ok" : errno == ENOMEM ? "ENOMEM" : "?");
    r4 = mremap(r3, pg, 2 * pg, 0);
    printf("mremap grow in place up to blocker: %s\n", r4 == r3 ? "yes" : "no");
    r3[2 * pg - 1] = 9;
    munmap(r3, 3 * pg);

    /* ---- shared anonymous and file mappings ---- */
    char tmpl[] = "/tmp/tsemu-mem-XXXXXX";
    int fd = mkstemp(tmpl);
    unlink(tmpl);
    char text[] = "file contents for mapping.\n";
    write(fd, text, sizeof text - 1);
    ftruncate(fd, pg + 100); /* the second page is partially backed */
    uint8_t *fm = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("file mmap: %.26s\n", fm);
    memcpy(fm + 5, "CONTENTS", 8);
    printf("msync: %d\n", msync(fm, pg, MS_SYNC));
    char rb[32] = {0};
    pread(fd, rb, 26, 0);
    printf("shared write visible via read: %s\n", rb);
    pwrite(fd, "FILE", 4, 0);
    printf("pwrite visible via mapping: %.10s\n", fm);
    printf("bytes past EOF in last page: %d\n", fm[pg + 200]);
    TRY("access page wholly past EOF", fm + 2 * pg + 1, (void)*(volatile uint8_t *)(fm + 2 * pg + 1));
    munmap(fm, 3 * pg);
    uint8_t *pm = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    pm[0] = 'p';
    pread(fd, rb, 4, 0);
    printf("private mapping write not in file: %.4s mapping: %.4s\n", rb, pm);
    munmap(pm, pg);
    /* offset mapping */
    pwrite(fd, "second page", 11, pg);
    uint8_t *om = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, pg);
    printf("mmap at file offset: %.11s\n", om);
    munmap(om, pg);
    errno = 0;
    void *bad = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 1);
    printf("mmap unaligned offset: %s %s\n", bad == MAP_FAILED ? "failed" : "ok", errno == EINVAL ? "EINVAL" : "?");
    close(fd);
    int *sh = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sh[0] = 12345;
    printf("shared anon: %d\n", sh[0]);
    munmap(sh, pg);
    errno = 0;
    bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap length 0: %s %s\n", bad == MAP_FAILED ? "failed" : "ok", errno == EINVAL ? "EINVAL" : "?");
    /* many mappings */
    void *maps[64];
    int okm = 1;
    for (int i = 0; i < 64; i++) {
        maps[i] = mmap(NULL, (i % 5 + 1) * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        okm &= maps[i] != MAP_FAILED;
        ((int *)maps[i])[0] = i;
    }
    for (int i = 0; i < 64; i++) {
        okm &= ((int *)maps[i])[0] == i;
        munmap(maps[i], (i % 5 + 1) * pg);
    }
    printf("64 mappings ok: %d\n", okm);
    printf("mem: done\n");
    return 0;
}
