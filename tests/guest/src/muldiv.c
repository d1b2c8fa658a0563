/* muldiv.c - mul/imul (1-, 2- and 3-operand forms) and div/idiv, 8/16/32-bit,
 * register and memory operands.  After mul/imul only CF and OF are defined;
 * after div/idiv no flag is defined, so only quotient/remainder are shown. */
#include "common.h"

static const uint32_t V[] = {0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
                             0x7fffffff, 0x80000000, 0xffffffff, 0x12345678};
#define NV (sizeof V / sizeof V[0])
static const uint32_t MULDEF = F_CF | F_OF;

static uint8_t m8;
static uint16_t m16;
static uint32_t m32;

static void run_mul8(void)
{
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            uint8_t a = V[i], b = V[j];
            if (V[i] > 0xff || V[j] > 0xff)
                continue;
            uint32_t ax = a, f;
            __asm__ volatile("mulb %[b]\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [b] "q"(b) : "cc");
            printf("mul8(%02x,%02x): ax=%04x %s\n", a, b, ax & 0xffff, fstr(f, MULDEF));
            ax = a;
            __asm__ volatile("imulb %[b]\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [b] "q"(b) : "cc");
            printf("imul8(%02x,%02x): ax=%04x %s\n", a, b, ax & 0xffff, fstr(f, MULDEF));
            m8 = b;
            ax = 0xabcd0000 | a;
            __asm__ volatile("imulb (%[p])\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [p] "r"(&m8) : "cc", "memory");
            printf("imul8.m(%02x,%02x): eax=%08x %s\n", a, b, ax, fstr(f, MULDEF));
        }
}

static void run_mul16(void)
{
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            if (V[i] > 0xffff || V[j] > 0xffff)
                continue;
            uint16_t b = V[j];
            uint32_t ax = 0x55550000 | V[i], dx = 0xaaaa0000, f;
            __asm__ volatile("mulw %[b]\n\tpushf\n\tpop %[f]" : "+a"(ax), "+d"(dx), [f] "=r"(f) : [b] "r"(b) : "cc");
            printf("mul16(%04x,%04x): dx:ax=%08x:%08x %s\n", V[i], b, dx, ax, fstr(f, MULDEF));
            ax = V[i];
            dx = 0;
            m16 = b;
            __asm__ volatile("imulw (%[p])\n\tpushf\n\tpop %[f]" : "+a"(ax), "+d"(dx), [f] "=r"(f) : [p] "r"(&m16) : "cc", "memory");
            printf("imul16.m(%04x,%04x): dx:ax=%04x:%04x %s\n", V[i], b, dx, ax, fstr(f, MULDEF));
            uint16_t r = V[i];
            __asm__ volatile("imulw %[b],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(r), [f] "=r"(f) : [b] "r"(b) : "cc");
            printf("imul16.rr(%04x,%04x): %04x %s\n", V[i], b, r, fstr(f, MULDEF));
        }
}

static void run_mul32(void)
{
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            uint32_t a = V[i], b = V[j], lo = a, hi, f;
            __asm__ volatile("mull %[b]\n\tpushf\n\tpop %[f]" : "+a"(lo), "=d"(hi), [f] "=r"(f) : [b] "r"(b) : "cc");
            printf("mul32(%08x,%08x): %08x:%08x %s\n", a, b, hi, lo, fstr(f, MULDEF));
            lo = a;
            __asm__ volatile("imull %[b]\n\tpushf\n\tpop %[f]" : "+a"(lo), "=d"(hi), [f] "=r"(f) : [b] "r"(b) : "cc");
            printf("imul32(%08x,%08x): %08x:%08x %s\n", a, b, hi, lo, fstr(f, MULDEF));
            m32 = b;
            lo = a;
            __asm__ volatile("mull (%[p])\n\tpushf\n\tpop %[f]" : "+a"(lo), "=d"(hi), [f] "=r"(f) : [p] "r"(&m32) : "cc", "memory");
            printf("mul32.m(%08x,%08x): %08x:%08x %s\n", a, b, hi, lo, fstr(f, MULDEF));
            uint32_t r = a;
            __asm__ volatile("imull %[b],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(r), [f] "=r"(f) : [b] "r"(b) : "cc");
            printf("imul32.rr(%08x,%08x): %08x %s\n", a, b, r, fstr(f, MULDEF));
            r = a;
            __asm__ volatile("imull (%[p]),%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(r), [f] "=r"(f) : [p] "r"(&m32) : "cc", "memory");
            printf("imul32.rm(%08x,%08x): %08x %s\n", a, b, r, fstr(f, MULDEF));
        }
}

#define IMUL3(T, sfx, bits, imm)                                                                 \
    for (unsigned i = 0; i < NV; i++) {                                                          \
        T s = (T)V[i], r;                                                                        \
        uint32_t f;                                                                              \
        __asm__ volatile("imul" #sfx " $" #imm ",%[s],%[r]\n\tpushf\n\tpop %[f]"                 \
                         : [r] "=&r"(r), [f] "=r"(f) : [s] "r"(s) : "cc");                       \
        printf("imul%d.3(%0*x,$" #imm "): %0*x %s\n", bits, HEXW(bits), (uint32_t)s, HEXW(bits), \
               (uint32_t)r, fstr(f, MULDEF));                                                    \
        m##bits = s;                                                                             \
        __asm__ volatile("imul" #sfx " $" #imm ",(%[p]),%[r]\n\tpushf\n\tpop %[f]"               \
                         : [r] "=&r"(r), [f] "=r"(f) : [p] "r"(&m##bits) : "cc", "memory");      \
        printf("imul%d.3m(%0*x,$" #imm "): %0*x %s\n", bits, HEXW(bits), (uint32_t)s,            \
               HEXW(bits), (uint32_t)r, fstr(f, MULDEF));                                        \
    }

static void run_imul3(void)
{
    IMUL3(uint16_t, w, 16, 3)
    IMUL3(uint16_t, w, 16, -1)
    IMUL3(uint16_t, w, 16, 0x1234)
    IMUL3(uint16_t, w, 16, -0x8000)
    IMUL3(uint32_t, l, 32, 7)
    IMUL3(uint32_t, l, 32, -128)
    IMUL3(uint32_t, l, 32, 0x10000)
    IMUL3(uint32_t, l, 32, 0x7fffffff)
    IMUL3(uint32_t, l, 32, -1)
}

static const uint32_t D[] = {1, 2, 3, 7, 0x10, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
                             0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff};
#define ND (sizeof D / sizeof D[0])

static void run_div(void)
{
    /* 8-bit: ax / r8 -> al=quot ah=rem; skip quotient overflow (that traps) */
    static const uint16_t AX[] = {0, 1, 0x7f, 0xff, 0x100, 0x1234, 0x7fff, 0x8000, 0xfffe, 0xffff};
    for (unsigned i = 0; i < sizeof AX / sizeof AX[0]; i++)
        for (unsigned j = 0; j < ND; j++) {
            if (D[j] > 0xff)
                continue;
            uint8_t d = D[j];
            if (AX[i] / d <= 0xff) {
                uint32_t ax = AX[i];
                __asm__ volatile("divb %[d]" : "+a"(ax) : [d] "q"(d) : "cc");
                printf("div8(%04x,%02x): al=%02x ah=%02x\n", AX[i], d, ax & 0xff, (ax >> 8) & 0xff);
            }
            int q = (int16_t)AX[i] / (int8_t)d;
            if (q >= -128 && q <= 127) {
                uint32_t ax = AX[i];
                m8 = d;
                __asm__ volatile("idivb (%[p])" : "+a"(ax) : [p] "r"(&m8) : "cc", "memory");
                printf("idiv8(%04x,%02x): al=%02x ah=%02x\n", AX[i], d, ax & 0xff, (ax >> 8) & 0xff);
            }
        }
    /* 16-bit: dx:ax / r16 */
    static const uint32_t DXAX[] = {0, 1, 0x7fff, 0xffff, 0x10000, 0x12345678, 0x7fffffff, 0x80000000,
                                    0xfffffffe, 0xffffffff, 0xffff8000};
    for (unsigned i = 0; i < sizeof DXAX / sizeof DXAX[0]; i++)
        for (unsigned j = 0; j < ND; j++) {
            if (D[j] > 0xffff)
                continue;
            uint16_t d = D[j];
            uint32_t n = DXAX[i];
            if (n / d <= 0xffff) {
                uint32_t ax = 0xcafe0000 | (n & 0xffff), dx = 0xbeef0000 | (n >> 16);
                __asm__ volatile("divw %[d]" : "+a"(ax), "+d"(dx) : [d] "r"(d) : "cc");
                printf("div16(%08x,%04x): ax=%08x dx=%08x\n", n, d, ax, dx);
            }
            int32_t sq = (int32_t)n / (int16_t)d;
            if (!((int32_t)n == INT32_MIN && (int16_t)d == -1) && sq >= -32768 && sq <= 32767) {
                uint32_t ax = n & 0xffff, dx = n >> 16;
                m16 = d;
                __asm__ volatile("idivw (%[p])" : "+a"(ax), "+d"(dx) : [p] "r"(&m16) : "cc", "memory");
                printf("idiv16(%08x,%04x): ax=%04x dx=%04x\n", n, d, ax, dx);
            }
        }
    /* 32-bit: edx:eax / r32 */
    static const uint64_t N64[] = {0, 1, 100, 0xffffffffull, 0x100000000ull, 0x123456789abcdefull,
                                   0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
                                   0xffffffff80000000ull, 0xfffffffffffffff9ull, 0x00000000fffffff9ull};
    for (unsigned i = 0; i < sizeof N64 / sizeof N64[0]; i++)
        for (unsigned j = 0; j < ND; j++) {
            uint32_t d = D[j];
            uint64_t n = N64[i];
            if ((n >> 32) < d) { /* no overflow */
                uint32_t lo = (uint32_t)n, hi = (uint32_t)(n >> 32);
                __asm__ volatile("divl %[d]" : "+a"(lo), "+d"(hi) : [d] "r"(d) : "cc");
                printf("div32(%016llx,%08x): q=%08x r=%08x\n", (unsigned long long)n, d, lo, hi);
            }
            int64_t sn = (int64_t)n;
            int32_t sd = (int32_t)d;
            if (!(sn == INT64_MIN && sd == -1)) {
                int64_t sq = sn / sd;
                if (sq >= INT32_MIN && sq <= INT32_MAX) {
                    uint32_t lo = (uint32_t)n, hi = (uint32_t)(n >> 32);
                    m32 = d;
                    __asm__ volatile("idivl (%[p])" : "+a"(lo), "+d"(hi) : [p] "r"(&m32) : "cc", "memory");
                    printf("idiv32(%016llx,%08x): q=%08x r=%08x\n", (unsigned long long)n, d, lo, hi);
                }
            }
        }
    /* cdq + idiv idiom, as compilers emit for int division */
    static const int32_t SN[] = {7, -7, 100, -100, INT32_MIN, INT32_MAX, 0, -1};
    static const int32_t SD[] = {2, -2, 3, -3, 7, INT32_MAX, INT32_MIN};
    for (unsigned i = 0; i < sizeof SN / sizeof SN[0]; i++)
        for (unsigned j = 0; j < sizeof SD / sizeof SD[0]; j++) {
            int32_t q = SN[i], r;
            __asm__ volatile("cltd\n\tidivl %[d]" : "+a"(q), "=&d"(r) : [d] "r"(SD[j]) : "cc");
            printf("cdq-idiv(%d,%d): q=%d r=%d\n", SN[i], SD[j], q, r);
        }
}

/* 64-bit arithmetic as the compiler emits it (libgcc __divdi3 etc. use div) */
static void run_c64(void)
{
    static volatile uint64_t a[] = {0, 1, 12345678901234567ull, 0xffffffffffffffffull, 0x8000000000000000ull, 1000000007ull};
    static volatile uint64_t b[] = {1, 3, 10, 0xffffffffull, 0x100000001ull, 12345678901ull};
    for (unsigned i = 0; i < 6; i++)
        for (unsigned j = 0; j < 6; j++) {
            uint64_t x = a[i], y = b[j];
            int64_t sx = (int64_t)x, sy = (int64_t)y;
            printf("u64(%llu,%llu): mul=%llu div=%llu mod=%llu\n", (unsigned long long)x,
                   (unsigned long long)y, (unsigned long long)(x * y), (unsigned long long)(x / y),
                   (unsigned long long)(x % y));
            printf("s64(%lld,%lld): div=%lld mod=%lld shl=%llx sar=%llx\n", (long long)sx, (long long)sy,
                   (long long)(sx / sy), (long long)(sx % sy), (unsigned long long)(x << (j * 11 % 64)),
                   (unsigned long long)(sx >> (i * 13 % 64)));
        }
}

int main(void)
{
    run_mul8();
    run_mul16();
    run_mul32();
    run_imul3();
    run_div();
    run_c64();
    printf("muldiv: done\n");
    return 0;
}
