/* shift.c - shl shr sar rol ror rcl rcr (by 1, by immediate, by %cl) and
 * shld/shrd, 8/16/32-bit, register and memory operands.
 * Counts 0 1 7 8 15 16 31 32 33 (the CPU masks the count to 5 bits).
 * Only flags the SDM defines for the given count are shown; for count 0
 * (after masking) every flag is preserved, rotates preserve SF ZF AF PF. */
#include "common.h"

static const uint32_t V[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
                             0x7fffffff, 0x80000000, 0xffffffff, 0x12345678, 0x9abcdef1};
static int nvals(int bits) { return bits == 8 ? 5 : bits == 16 ? 8 : 13; }
static const int COUNTS[] = {0, 1, 7, 8, 15, 16, 31, 32, 33};
#define NCOUNTS 9

enum { SHL, SHR, SAR, ROL, ROR, RCL, RCR };
static const char *NAMES[] = {"shl", "shr", "sar", "rol", "ror", "rcl", "rcr"};

static uint32_t defined_flags(int op, int bits, int count)
{
    int mc = count & 31;
    if (mc == 0)
        return F_ARITH; /* nothing changes */
    if (op <= SAR) {
        uint32_t d = F_SF | F_ZF | F_PF | F_CF;
        if (mc == 1)
            d |= F_OF;
        if (op != SAR && mc >= bits)
            d &= ~F_CF;
        return d;
    }
    /* rotates: CF defined, OF only for count 1, the rest preserved */
    return (F_ARITH & ~F_OF) | (mc == 1 ? F_OF : 0);
}

static uint8_t mem8;
static uint16_t mem16;
static uint32_t mem32;

/* shift/rotate by %cl, register operand */
#define GEN_CL(op, sfx, T, bits)                                                          \
    static uint32_t op##bits##_cl(uint32_t a0, int c, uint32_t fin, uint32_t *fo)         \
    {                                                                                     \
        T a = (T)a0;                                                                      \
        uint32_t f;                                                                       \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %%cl,%[a]\n\t"              \
                         "pushf\n\tpop %[f]"                                              \
                         : [a] "+q"(a), [f] "=&r"(f)                                      \
                         : "c"(c), [fin] "r"(fin)                                         \
                         : "cc");                                                         \
        *fo = f;                                                                          \
        return a;                                                                         \
    }                                                                                     \
    static uint32_t op##bits##_mcl(uint32_t a0, int c, uint32_t fin, uint32_t *fo)        \
    {                                                                                     \
        uint32_t f;                                                                       \
        mem##bits = (T)a0;                                                                \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %%cl,(%[p])\n\t"            \
                         "pushf\n\tpop %[f]"                                              \
                         : [f] "=&r"(f)                                                   \
                         : "c"(c), [p] "r"(&mem##bits), [fin] "r"(fin)                    \
                         : "cc", "memory");                                               \
        *fo = f;                                                                          \
        return mem##bits;                                                                 \
    }
#define GEN_CL_ALL(op) GEN_CL(op, b, uint8_t, 8) GEN_CL(op, w, uint16_t, 16) GEN_CL(op, l, uint32_t, 32)
GEN_CL_ALL(shl)
GEN_CL_ALL(shr)
GEN_CL_ALL(sar)
GEN_CL_ALL(rol)
GEN_CL_ALL(ror)
GEN_CL_ALL(rcl)
GEN_CL_ALL(rcr)

typedef uint32_t (*clfn)(uint32_t, int, uint32_t, uint32_t *);
static const clfn CLF[7][3] = {
    {shl8_cl, shl16_cl, shl32_cl}, {shr8_cl, shr16_cl, shr32_cl}, {sar8_cl, sar16_cl, sar32_cl},
    {rol8_cl, rol16_cl, rol32_cl}, {ror8_cl, ror16_cl, ror32_cl}, {rcl8_cl, rcl16_cl, rcl32_cl},
    {rcr8_cl, rcr16_cl, rcr32_cl}};
static const clfn MCLF[7][3] = {
    {shl8_mcl, shl16_mcl, shl32_mcl}, {shr8_mcl, shr16_mcl, shr32_mcl}, {sar8_mcl, sar16_mcl, sar32_mcl},
    {rol8_mcl, rol16_mcl, rol32_mcl}, {ror8_mcl, ror16_mcl, ror32_mcl}, {rcl8_mcl, rcl16_mcl, rcl32_mcl},
    {rcr8_mcl, rcr16_mcl, rcr32_mcl}};

static void run_cl(void)
{
    for (int op = 0; op < 7; op++)
        for (int s = 0; s < 3; s++) {
            int bits = 8 << s, w = HEXW(bits);
            for (int i = 0; i < nvals(bits); i++)
                for (int c = 0; c < NCOUNTS; c++)
                    for (int k = 0; k < 2; k++) {
                        uint32_t fin = k ? FIN_ALL : FIN_NONE, f;
                        uint32_t d = defined_flags(op, bits, COUNTS[c]);
                        uint32_t r = CLF[op][s](V[i], COUNTS[c], fin, &f);
                        printf("%s%d.cl(%0*x,%d,fin=%s): %0*x %s\n", NAMES[op], bits, w, V[i],
                               COUNTS[c], fstr(fin, F_ARITH), w, r, fstr(f, d));
                        if (i % 3 == 1) {
                            r = MCLF[op][s](V[i], COUNTS[c], fin, &f);
                            printf("%s%d.mcl(%0*x,%d,fin=%s): %0*x %s\n", NAMES[op], bits, w, V[i],
                                   COUNTS[c], fstr(fin, F_ARITH), w, r, fstr(f, d));
                        }
                    }
        }
}

/* by-1 (D0/D1) and by-immediate (C0/C1) encodings */
#define SH_IMM(opi, op, sfx, T, bits, cnt, fin)                                             \
    do {                                                                                    \
        for (int i = 0; i < nvals(bits); i++) {                                             \
            T a = (T)V[i];                                                                  \
            uint32_t f;                                                                     \
            __asm__ volatile("push %[fi]\n\tpopf\n\t" #op #sfx " $" #cnt ",%[a]\n\t"        \
                             "pushf\n\tpop %[f]"                                            \
                             : [a] "+q"(a), [f] "=&r"(f)                                    \
                             : [fi] "r"(fin)                                                \
                             : "cc");                                                       \
            printf(#op "%d.i(%0*x,$" #cnt ",fin=%s): %0*x %s\n", bits, HEXW(bits), V[i],    \
                   fstr(fin, F_ARITH), HEXW(bits), (uint32_t)a,                             \
                   fstr(f, defined_flags(opi, bits, cnt)));                                 \
        }                                                                                   \
    } while (0)
#define SH_ONE(opi, op, sfx, T, bits, fin)                                                  \
    do {                                                                                    \
        for (int i = 0; i < nvals(bits); i++) {                                             \
            T a = (T)V[i];                                                                  \
            uint32_t f;                                                                     \
            __asm__ volatile("push %[fi]\n\tpopf\n\t" #op #sfx " %[a]\n\t"                  \
                             "pushf\n\tpop %[f]"                                            \
                             : [a] "+q"(a), [f] "=&r"(f)                                    \
                             : [fi] "r"(fin)                                                \
                             : "cc");                                                       \
            printf(#op "%d.one(%0*x,fin=%s): %0*x %s\n", bits, HEXW(bits), V[i],            \
                   fstr(fin, F_ARITH), HEXW(bits), (uint32_t)a,                             \
                   fstr(f, defined_flags(opi, bits, 1)));                                   \
        }                                                                                   \
    } while (0)
#define SH_SIZE(opi, op, sfx, T, bits, fin)         \
    SH_ONE(opi, op, sfx, T, bits, fin);             \
    SH_IMM(opi, op, sfx, T, bits, 0, fin);          \
    SH_IMM(opi, op, sfx, T, bits, 3, fin);          \
    SH_IMM(opi, op, sfx, T, bits, 7, fin);          \
    SH_IMM(opi, op, sfx, T, bits, 8, fin);          \
    SH_IMM(opi, op, sfx, T, bits, 15, fin);         \
    SH_IMM(opi, op, sfx, T, bits, 16, fin);         \
    SH_IMM(opi, op, sfx, T, bits, 31, fin);         \
    SH_IMM(opi, op, sfx, T, bits, 32, fin);         \
    SH_IMM(opi, op, sfx, T, bits, 33, fin)
#define SH_OP(opi, op, fin)                         \
    SH_SIZE(opi, op, b, uint8_t, 8, fin);           \
    SH_SIZE(opi, op, w, uint16_t, 16, fin);         \
    SH_SIZE(opi, op, l, uint32_t, 32, fin)

static void run_imm(void)
{
    SH_OP(SHL, shl, FIN_ALL);
    SH_OP(SHR, shr, FIN_NONE);
    SH_OP(SAR, sar, FIN_ALL);
    SH_OP(ROL, rol, FIN_NONE);
    SH_OP(ROR, ror, FIN_ALL);
    SH_OP(RCL, rcl, FIN_NONE | F_CF);
    SH_OP(RCL, rcl, FIN_ALL & ~F_CF);
    SH_OP(RCR, rcr, FIN_NONE | F_CF);
    SH_OP(RCR, rcr, FIN_ALL & ~F_CF);
}

/* shld/shrd: dest, src, count */
static uint32_t dbl_defined(int bits, int count)
{
    int mc = count & 31;
    if (mc == 0)
        return F_ARITH;
    (void)bits;
    return F_CF | F_SF | F_ZF | F_PF | (mc == 1 ? F_OF : 0);
}

#define GEN_DBL(op, sfx, T, bits)                                                          \
    static uint32_t op##bits(uint32_t a0, uint32_t b0, int c, uint32_t fin, uint32_t *fo)  \
    {                                                                                      \
        T a = (T)a0, b = (T)b0;                                                            \
        uint32_t f;                                                                        \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %%cl,%[b],%[a]\n\t"          \
                         "pushf\n\tpop %[f]"                                               \
                         : [a] "+r"(a), [f] "=&r"(f)                                       \
                         : [b] "r"(b), "c"(c), [fin] "r"(fin)                              \
                         : "cc");                                                          \
        *fo = f;                                                                           \
        return a;                                                                          \
    }                                                                                      \
    static uint32_t op##bits##_m(uint32_t a0, uint32_t b0, int c, uint32_t fin, uint32_t *fo) \
    {                                                                                      \
        T b = (T)b0;                                                                       \
        uint32_t f;                                                                        \
        mem##bits = (T)a0;                                                                 \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %%cl,%[b],(%[p])\n\t"        \
                         "pushf\n\tpop %[f]"                                               \
                         : [f] "=&r"(f)                                                    \
                         : [b] "r"(b), "c"(c), [p] "r"(&mem##bits), [fin] "r"(fin)         \
                         : "cc", "memory");                                                \
        *fo = f;                                                                           \
        return mem##bits;                                                                  \
    }
GEN_DBL(shld, w, uint16_t, 16)
GEN_DBL(shld, l, uint32_t, 32)
GEN_DBL(shrd, w, uint16_t, 16)
GEN_DBL(shrd, l, uint32_t, 32)

#define DBL_IMM(op, sfx, T, bits, cnt)                                                    \
    do {                                                                                  \
        for (int i = 0; i < nvals(bits); i += 2) {                                        \
            T a = (T)V[i], b = (T)V[nvals(bits) - 1 - i];                                 \
            uint32_t f;                                                                   \
            __asm__ volatile("push %[fi]\n\tpopf\n\t" #op #sfx " $" #cnt ",%[b],%[a]\n\t" \
                             "pushf\n\tpop %[f]"                                          \
                             : [a] "+r"(a), [f] "=&r"(f)                                  \
                             : [b] "r"(b), [fi] "r"(FIN_ALL)                              \
                             : "cc");                                                     \
            printf(#op "%d.i(%0*x,%0*x,$" #cnt "): %0*x %s\n", bits, HEXW(bits), V[i],    \
                   HEXW(bits), V[nvals(bits) - 1 - i], HEXW(bits), (uint32_t)a,           \
                   fstr(f, dbl_defined(bits, cnt)));                                      \
        }                                                                                 \
    } while (0)

static void run_dbl(void)
{
    typedef uint32_t (*dfn)(uint32_t, uint32_t, int, uint32_t, uint32_t *);
    static const struct { const char *n; int bits; dfn r, m; } T[] = {
        {"shld", 16, shld16, shld16_m}, {"shld", 32, shld32, shld32_m},
        {"shrd", 16, shrd16, shrd16_m}, {"shrd", 32, shrd32, shrd32_m}};
    for (int t = 0; t < 4; t++) {
        int bits = T[t].bits, w = HEXW(bits), n = nvals(bits);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j += 3)
                for (int c = 0; c < NCOUNTS; c++) {
                    int mc = COUNTS[c] & 31;
                    uint32_t f, r;
                    if (mc > bits) /* result undefined by the SDM */
                        continue;
                    uint32_t fin = (i + c) & 1 ? FIN_ALL : FIN_NONE;
                    r = T[t].r(V[i], V[j], COUNTS[c], fin, &f);
                    printf("%s%d(%0*x,%0*x,%d,fin=%s): %0*x %s\n", T[t].n, bits, w, V[i], w, V[j],
                           COUNTS[c], fstr(fin, F_ARITH), w, r, fstr(f, dbl_defined(bits, COUNTS[c])));
                    if (j == 3) {
                        r = T[t].m(V[i], V[j], COUNTS[c], fin, &f);
                        printf("%s%d.m(%0*x,%0*x,%d,fin=%s): %0*x %s\n", T[t].n, bits, w, V[i], w, V[j],
                               COUNTS[c], fstr(fin, F_ARITH), w, r, fstr(f, dbl_defined(bits, COUNTS[c])));
                    }
                }
    }
    DBL_IMM(shld, w, uint16_t, 16, 0);
    DBL_IMM(shld, w, uint16_t, 16, 1);
    DBL_IMM(shld, w, uint16_t, 16, 9);
    DBL_IMM(shld, l, uint32_t, 32, 1);
    DBL_IMM(shld, l, uint32_t, 32, 4);
    DBL_IMM(shld, l, uint32_t, 32, 31);
    DBL_IMM(shrd, w, uint16_t, 16, 1);
    DBL_IMM(shrd, w, uint16_t, 16, 12);
    DBL_IMM(shrd, l, uint32_t, 32, 0);
    DBL_IMM(shrd, l, uint32_t, 32, 1);
    DBL_IMM(shrd, l, uint32_t, 32, 20);
    DBL_IMM(shrd, l, uint32_t, 32, 33);
}

int main(void)
{
    run_cl();
    run_imm();
    run_dbl();
    printf("shift: done\n");
    return 0;
}
