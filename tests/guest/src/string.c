/* string.c - string instructions movs/stos/lods/cmps/scas in byte, word and
 * dword sizes, with rep/repe/repne, DF=0 and DF=1, zero counts; segment
 * overrides: %gs-relative TLS (__thread), and %fs loaded with a descriptor
 * obtained from set_thread_area, used by plain moves and by string ops. */
#define _GNU_SOURCE
#include "common.h"
#include <asm/ldt.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

static uint8_t src[64], dst[64];

static void fill(void)
{
    for (int i = 0; i < 64; i++) {
        src[i] = (uint8_t)(0x40 + i);
        dst[i] = 0xee;
    }
}

static void dump(const char *name, int df, int count, long dsi, long ddi, uint32_t ecx)
{
    printf("%s(df=%d,n=%d): dsi=%ld ddi=%ld ecx=%u dst=", name, df, count, dsi, ddi, ecx);
    for (int i = 8; i < 56; i++)
        printf("%02x", dst[i]);
    printf("\n");
}

/* Run "rep <insn>" with esi/edi at the given offsets and DF as requested. */
#define REP_MOVE(insn, sz)                                                                            \
    static void t_##insn(int df, int n, int rep)                                                      \
    {                                                                                                 \
        fill();                                                                                       \
        uint8_t *s = src + 24, *d = dst + 24, *s0 = s, *d0 = d;                                       \
        uint32_t c = n;                                                                               \
        if (df) {                                                                                     \
            if (rep)                                                                                  \
                __asm__ volatile("std\n\trep " #insn "\n\tcld" : "+S"(s), "+D"(d), "+c"(c) :: "memory", "cc"); \
            else                                                                                      \
                __asm__ volatile("std\n\t" #insn "\n\tcld" : "+S"(s), "+D"(d), "+c"(c) :: "memory", "cc"); \
        } else {                                                                                      \
            if (rep)                                                                                  \
                __asm__ volatile("cld\n\trep " #insn : "+S"(s), "+D"(d), "+c"(c) :: "memory", "cc");  \
            else                                                                                      \
                __asm__ volatile("cld\n\t" #insn : "+S"(s), "+D"(d), "+c"(c) :: "memory", "cc");      \
        }                                                                                             \
        dump(rep ? "rep " #insn : #insn, df, n, (long)(s - s0), (long)(d - d0), c);                   \
    }
REP_MOVE(movsb, 1)
REP_MOVE(movsw, 2)
REP_MOVE(movsl, 4)

#define REP_STOS(insn, val)                                                                           \
    static void t_##insn(int df, int n, int rep)                                                      \
    {                                                                                                 \
        fill();                                                                                       \
        uint8_t *d = dst + 24, *d0 = d;                                                               \
        uint32_t c = n, a = val;                                                                      \
        if (df)                                                                                       \
            __asm__ volatile("std\n\ttestl %[r],%[r]\n\tjz 2f\n\trep " #insn "\n\tjmp 1f\n2:\t" #insn "\n1:\tcld" \
                             : "+D"(d), "+c"(c) : "a"(a), [r] "r"(rep) : "memory", "cc");            \
        else                                                                                          \
            __asm__ volatile("cld\n\ttestl %[r],%[r]\n\tjz 2f\n\trep " #insn "\n\tjmp 1f\n2:\t" #insn "\n1:" \
                             : "+D"(d), "+c"(c) : "a"(a), [r] "r"(rep) : "memory", "cc");            \
        dump(rep ? "rep " #insn : #insn, df, n, 0, (long)(d - d0), c);                                \
    }
REP_STOS(stosb, 0x11223344)
REP_STOS(stosw, 0x11223344)
REP_STOS(stosl, 0x11223344)

#define REP_LODS(insn)                                                                                \
    static void t_##insn(int df, int n)                                                               \
    {                                                                                                 \
        fill();                                                                                       \
        uint8_t *s = src + 24, *s0 = s;                                                               \
        uint32_t c = n, a = 0xaaaaaaaa;                                                               \
        if (df)                                                                                       \
            __asm__ volatile("std\n\trep " #insn "\n\tcld" : "+S"(s), "+c"(c), "+a"(a) :: "memory", "cc"); \
        else                                                                                          \
            __asm__ volatile("cld\n\trep " #insn : "+S"(s), "+c"(c), "+a"(a) :: "memory", "cc");      \
        printf("rep " #insn "(df=%d,n=%d): dsi=%ld ecx=%u eax=%08x\n", df, n, (long)(s - s0), c, a);  \
        s = src + 24;                                                                                 \
        a = 0x55555555;                                                                               \
        __asm__ volatile(#insn : "+S"(s), "+a"(a) :: "memory");                                       \
        printf(#insn "(single): dsi=%ld eax=%08x\n", (long)(s - (src + 24)), a);                      \
    }
REP_LODS(lodsb)
REP_LODS(lodsw)
REP_LODS(lodsl)

#define NODIFF 1000
/* cmps: compare src+24 with a copy that differs at byte index diff */
#define REP_CMPS(insn, prefix)                                                                        \
    static void t_##prefix##_##insn(int df, int n, int diff)                                          \
    {                                                                                                 \
        static uint8_t a[64], b[64];                                                                  \
        for (int i = 0; i < 64; i++)                                                                  \
            a[i] = b[i] = (uint8_t)(i * 7);                                                           \
        if (diff != NODIFF)                                                                           \
            b[24 + diff] ^= 0x80;                                                                     \
        uint8_t *s = a + 24, *d = b + 24;                                                             \
        uint32_t c = n, f;                                                                            \
        if (df)                                                                                       \
            __asm__ volatile("std\n\t" #prefix " " #insn "\n\tpushf\n\tpop %[f]\n\tcld"               \
                             : "+S"(s), "+D"(d), "+c"(c), [f] "=r"(f) : "i"(0) : "memory", "cc");      \
        else                                                                                          \
            __asm__ volatile("cld\n\t" #prefix " " #insn "\n\tpushf\n\tpop %[f]"                      \
                             : "+S"(s), "+D"(d), "+c"(c), [f] "=r"(f) : "i"(0) : "memory", "cc");      \
        printf(#prefix " " #insn "(df=%d,n=%d,diff=%d): dsi=%ld ddi=%ld ecx=%u %s\n", df, n, diff,    \
               (long)(s - (a + 24)), (long)(d - (b + 24)), c, n ? fstr(f, F_ARITH) : "-");            \
    }
REP_CMPS(cmpsb, repe)
REP_CMPS(cmpsw, repe)
REP_CMPS(cmpsl, repe)
REP_CMPS(cmpsb, repne)
REP_CMPS(cmpsl, repne)

#define REP_SCAS(insn, prefix, T)                                                                     \
    static void t_##prefix##_##insn(int df, int n, uint32_t val)                                      \
    {                                                                                                 \
        static uint8_t a[64];                                                                         \
        for (int i = 0; i < 64; i++)                                                                  \
            a[i] = (uint8_t)(i < 32 ? 'a' : i < 40 ? 'b' : 0);                                        \
        uint8_t *d = a + 30;                                                                          \
        uint32_t c = n, f;                                                                            \
        if (df)                                                                                       \
            __asm__ volatile("std\n\t" #prefix " " #insn "\n\tpushf\n\tpop %[f]\n\tcld"               \
                             : "+D"(d), "+c"(c), [f] "=r"(f) : "a"(val) : "memory", "cc");             \
        else                                                                                          \
            __asm__ volatile("cld\n\t" #prefix " " #insn "\n\tpushf\n\tpop %[f]"                      \
                             : "+D"(d), "+c"(c), [f] "=r"(f) : "a"(val) : "memory", "cc");             \
        printf(#prefix " " #insn "(df=%d,n=%d,val=%x): ddi=%ld ecx=%u %s\n", df, n, val,              \
               (long)(d - (a + 30)), c, n ? fstr(f, F_ARITH) : "-");                                  \
    }
REP_SCAS(scasb, repne, uint8_t)
REP_SCAS(scasb, repe, uint8_t)
REP_SCAS(scasw, repe, uint16_t)
REP_SCAS(scasl, repne, uint32_t)

static void test_strings(void)
{
    static const int N[] = {0, 1, 2, 5, 8};
    for (int df = 0; df < 2; df++)
        for (unsigned k = 0; k < sizeof N / sizeof N[0]; k++) {
            int n = N[k];
            t_movsb(df, n, 1);
            t_movsw(df, n, 1);
            t_movsl(df, n, 1);
            t_stosb(df, n, 1);
            t_stosw(df, n, 1);
            t_stosl(df, n, 1);
            t_lodsb(df, n);
            t_lodsw(df, n);
            t_lodsl(df, n);
        }
    for (int df = 0; df < 2; df++) {
        t_movsb(df, 3, 0);
        t_movsw(df, 3, 0);
        t_movsl(df, 3, 0);
        t_stosb(df, 3, 0);
        t_stosw(df, 3, 0);
        t_stosl(df, 3, 0);
    }
    static const int D[] = {NODIFF, 0, 3, 9};
    for (int df = 0; df < 2; df++)
        for (unsigned k = 0; k < sizeof N / sizeof N[0]; k++)
            for (unsigned j = 0; j < sizeof D / sizeof D[0]; j++) {
                int dd = (df && D[j] != NODIFF) ? -D[j] : D[j];
                t_repe_cmpsb(df, N[k] * 2, dd);
                t_repe_cmpsw(df, N[k], dd);
                t_repe_cmpsl(df, N[k], dd);
                t_repne_cmpsb(df, N[k], dd);
                t_repne_cmpsl(df, N[k], dd);
            }
    static const uint32_t SV[] = {'a', 'b', 0, 'z', 0x6161, 0x62626262};
    for (int df = 0; df < 2; df++)
        for (unsigned k = 0; k < sizeof SV / sizeof SV[0]; k++) {
            t_repne_scasb(df, 20, SV[k]);
            t_repe_scasb(df, 20, SV[k]);
            t_repe_scasw(df, 6, SV[k]);
            t_repne_scasl(df, 4, SV[k]);
        }
    t_repne_scasb(0, 0, 'a');
    /* strlen idiom */
    const char *str = "hello, string instructions";
    uint32_t c = 0xffffffff;
    const char *p = str;
    __asm__ volatile("cld\n\trepne scasb" : "+D"(p), "+c"(c) : "a"(0) : "memory", "cc");
    printf("repne scasb strlen: %u\n", ~c - 1);
    /* overlapping forward rep movsb (byte-by-byte semantics) */
    fill();
    uint8_t *s = dst + 8, *d = dst + 9;
    dst[8] = 0x5a;
    c = 16;
    __asm__ volatile("cld\n\trep movsb" : "+S"(s), "+D"(d), "+c"(c) :: "memory");
    dump("overlap rep movsb", 0, 16, 0, 0, c);
}

/* ---------------------------------------------------------------- TLS / segments */
static __thread int tls_a = 42;
static __thread char tls_buf[32] = "thread-local data";
static __thread long long tls_ll;

static uint8_t fsarea[64];

static void test_segments(void)
{
    tls_ll = 0x1122334455667788ll;
    tls_a += 1;
    printf("tls_a: %d tls_buf: %s tls_ll: %llx\n", tls_a, tls_buf, (unsigned long long)tls_ll);
    /* %gs:0 holds the thread pointer on i386 glibc */
    uintptr_t self;
    __asm__("movl %%gs:0,%0" : "=r"(self));
    printf("gs:0 == pthread_self: %s\n", self == (uintptr_t)pthread_self() ? "yes" : "no");
    /* read a TLS variable through an explicit %gs-relative address */
    int viags;
    uintptr_t off = (uintptr_t)&tls_a - self;
    __asm__("movl %%gs:(%1),%0" : "=r"(viags) : "r"(off));
    printf("gs:(off) tls_a: %d\n", viags);
    __asm__ volatile("movl $777,%%gs:(%0)" :: "r"(off) : "memory");
    printf("after gs write tls_a: %d\n", tls_a);

    unsigned short ds, es, ss, gs;
    __asm__("movw %%ds,%0\n\tmovw %%es,%1\n\tmovw %%ss,%2\n\tmovw %%gs,%3" : "=r"(ds), "=r"(es), "=r"(ss), "=r"(gs));
    printf("ds==es==ss: %s gs_rpl3: %s gs_ti_gdt: %s\n", ds == es && es == ss ? "yes" : "no",
           (gs & 3) == 3 ? "yes" : "no", (gs & 4) == 0 ? "yes" : "no");

    /* a second TLS descriptor for %fs */
    for (int i = 0; i < 64; i++)
        fsarea[i] = (uint8_t)(i * 3 + 1);
    struct user_desc ud;
    memset(&ud, 0, sizeof ud);
    ud.entry_number = -1;
    ud.base_addr = (unsigned)(uintptr_t)fsarea;
    ud.limit = 0xfffff;
    ud.seg_32bit = 1;
    ud.limit_in_pages = 1;
    ud.useable = 1;
    long r = syscall(SYS_set_thread_area, &ud);
    printf("set_thread_area: %ld entry_assigned: %s\n", r, ud.entry_number != (unsigned)-1 ? "yes" : "no");
    if (r != 0)
        return;
    unsigned short sel = (unsigned short)((ud.entry_number << 3) | 3), oldfs;
    uint32_t v1, v2;
    __asm__ volatile("movw %%fs,%[old]\n\tmovw %[sel],%%fs\n\t"
                     "movl %%fs:4,%[v1]\n\t"
                     "movl $0xdeadbeef,%%fs:8\n\t"
                     "movzbl %%fs:63,%[v2]\n\t"
                     "movw %[old],%%fs"
                     : [old] "=&r"(oldfs), [v1] "=&r"(v1), [v2] "=&r"(v2) : [sel] "r"(sel) : "memory");
    printf("fs:4=%08x fs:63=%02x fsarea[8..11]=%02x%02x%02x%02x\n", v1, v2, fsarea[8], fsarea[9], fsarea[10], fsarea[11]);
    /* string op with a segment-overridden source: movsl %fs:(%esi) -> %es:(%edi) */
    static uint32_t out[4];
    const void *s = (const void *)16; /* offset within the fs segment */
    void *d = out;
    uint32_t c = 4;
    __asm__ volatile("movw %%fs,%%dx\n\tmovw %[sel],%%fs\n\tcld\n\trep movsl %%fs:(%%esi),%%es:(%%edi)\n\tmovw %%dx,%%fs"
                     : "+S"(s), "+D"(d), "+c"(c) : [sel] "r"(sel) : "edx", "memory");
    printf("rep movsl fs:(esi): %08x %08x %08x %08x esi=%lu\n", out[0], out[1], out[2], out[3], (unsigned long)(uintptr_t)s);
    /* lods with fs override */
    uint32_t a;
    s = (const void *)40;
    __asm__ volatile("movw %%fs,%%dx\n\tmovw %[sel],%%fs\n\tlodsl %%fs:(%%esi),%%eax\n\tmovw %%dx,%%fs"
                     : "=a"(a), "+S"(s) : [sel] "r"(sel) : "edx", "memory");
    printf("lodsl fs:(esi): %08x esi=%lu\n", a, (unsigned long)(uintptr_t)s);
    /* get_thread_area reads the descriptor back */
    struct user_desc q;
    memset(&q, 0, sizeof q);
    q.entry_number = ud.entry_number;
    r = syscall(SYS_get_thread_area, &q);
    printf("get_thread_area: %ld base_ok=%s limit=%x seg_32bit=%d\n", r, q.base_addr == ud.base_addr ? "yes" : "no",
           q.limit, q.seg_32bit);
}

int main(void)
{
    test_strings();
    test_segments();
    printf("string: done\n");
    return 0;
}
