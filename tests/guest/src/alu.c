/* alu.c - integer ALU instructions and the arithmetic flags.
 * add adc sub sbb and or xor cmp test inc dec neg not, 8/16/32-bit,
 * register/register, register/memory, memory/register and immediate
 * forms (short %al/%eax forms, imm8 sign-extended, full immediates).
 * Flags are shown as "oszapc" (upper = set, '.' = undefined by the SDM). */
#include "common.h"

static const uint32_t V[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
                             0x7fffffff, 0x80000000, 0xffffffff};
static int nvals(int bits) { return bits == 8 ? 5 : bits == 16 ? 8 : 11; }

static uint8_t mem8;
static uint16_t mem16;
static uint32_t mem32;

#define FLOGIC (F_ARITH & ~F_AF) /* AF undefined after and/or/xor/test */

/* ---- two-operand forms ------------------------------------------------ */
#define GEN_BIN(op, sfx, T, bits)                                                       \
    static T op##bits##_rr(T a, T b, uint32_t fin, uint32_t *fo)                        \
    {                                                                                   \
        uint32_t f;                                                                     \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %[b],%[a]\n\t"            \
                         "pushf\n\tpop %[f]"                                            \
                         : [a] "+q"(a), [f] "=&r"(f)                                    \
                         : [b] "q"(b), [fin] "r"(fin)                                   \
                         : "cc");                                                       \
        *fo = f;                                                                        \
        return a;                                                                       \
    }                                                                                   \
    static T op##bits##_rm(T a, T b, uint32_t fin, uint32_t *fo)                        \
    {                                                                                   \
        uint32_t f;                                                                     \
        mem##bits = b;                                                                  \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " (%[p]),%[a]\n\t"          \
                         "pushf\n\tpop %[f]"                                            \
                         : [a] "+q"(a), [f] "=&r"(f)                                    \
                         : [p] "r"(&mem##bits), [fin] "r"(fin)                          \
                         : "cc", "memory");                                             \
        *fo = f;                                                                        \
        return a;                                                                       \
    }                                                                                   \
    static T op##bits##_mr(T a, T b, uint32_t fin, uint32_t *fo)                        \
    {                                                                                   \
        uint32_t f;                                                                     \
        mem##bits = a;                                                                  \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %[b],(%[p])\n\t"          \
                         "pushf\n\tpop %[f]"                                            \
                         : [f] "=&r"(f)                                                 \
                         : [b] "q"(b), [p] "r"(&mem##bits), [fin] "r"(fin)              \
                         : "cc", "memory");                                             \
        *fo = f;                                                                        \
        return mem##bits;                                                               \
    }

#define GEN_BIN_ALL(op)    \
    GEN_BIN(op, b, uint8_t, 8)   \
    GEN_BIN(op, w, uint16_t, 16) \
    GEN_BIN(op, l, uint32_t, 32)

GEN_BIN_ALL(add)
GEN_BIN_ALL(adc)
GEN_BIN_ALL(sub)
GEN_BIN_ALL(sbb)
GEN_BIN_ALL(and)
GEN_BIN_ALL(or)
GEN_BIN_ALL(xor)
GEN_BIN_ALL(cmp)
GEN_BIN_ALL(test)

typedef uint32_t (*binfn)(uint32_t, uint32_t, uint32_t, uint32_t *);

/* size-generic trampolines so the driver can loop over sizes */
#define TRAMP(op, form)                                                                              \
    static uint32_t op##8_##form##_t(uint32_t a, uint32_t b, uint32_t fi, uint32_t *fo) { return op##8_##form((uint8_t)a, (uint8_t)b, fi, fo); } \
    static uint32_t op##16_##form##_t(uint32_t a, uint32_t b, uint32_t fi, uint32_t *fo) { return op##16_##form((uint16_t)a, (uint16_t)b, fi, fo); } \
    static uint32_t op##32_##form##_t(uint32_t a, uint32_t b, uint32_t fi, uint32_t *fo) { return op##32_##form(a, b, fi, fo); }
#define TRAMP3(op) TRAMP(op, rr) TRAMP(op, rm) TRAMP(op, mr)
TRAMP3(add) TRAMP3(adc) TRAMP3(sub) TRAMP3(sbb) TRAMP3(and) TRAMP3(or) TRAMP3(xor) TRAMP3(cmp) TRAMP3(test)

struct binop {
    const char *name;
    binfn fn[3][3]; /* [size 8/16/32][form rr/rm/mr] */
    uint32_t defined;
    int uses_cf;
};

#define ENTRY(op, def, cf)                                                                      \
    {#op,                                                                                       \
     {{op##8_rr_t, op##8_rm_t, op##8_mr_t},                                                     \
      {op##16_rr_t, op##16_rm_t, op##16_mr_t},                                                  \
      {op##32_rr_t, op##32_rm_t, op##32_mr_t}},                                                 \
     def, cf}

static const struct binop BINOPS[] = {
    ENTRY(add, F_ARITH, 0), ENTRY(adc, F_ARITH, 1), ENTRY(sub, F_ARITH, 0),
    ENTRY(sbb, F_ARITH, 1), ENTRY(and, FLOGIC, 0),  ENTRY(or, FLOGIC, 0),
    ENTRY(xor, FLOGIC, 0),  ENTRY(cmp, F_ARITH, 0), ENTRY(test, FLOGIC, 0),
};

static void run_binops(void)
{
    static const char *forms[3] = {"rr", "rm", "mr"};
    for (unsigned o = 0; o < sizeof BINOPS / sizeof BINOPS[0]; o++) {
        const struct binop *op = &BINOPS[o];
        for (int s = 0; s < 3; s++) {
            int bits = 8 << s, n = nvals(bits), w = HEXW(bits);
            for (int form = 0; form < 3; form++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        /* memory forms: a smaller cross product is enough */
                        if (form != 0 && j % 2 == 1 && j != n - 1)
                            continue;
                        for (int cin = 0; cin <= op->uses_cf; cin++) {
                            uint32_t f, r;
                            /* carry-in via CF; other flags preset to the opposite
                             * state to catch stale flag leakage */
                            uint32_t fin = op->uses_cf ? (cin ? FIN_NONE | F_CF : FIN_ALL & ~F_CF)
                                                       : (form == 1 ? FIN_NONE : FIN_ALL);
                            r = op->fn[s][form](V[i], V[j], fin, &f);
                            if (op->uses_cf)
                                printf("%s%d.%s(%0*x,%0*x,c%d): %0*x %s\n", op->name, bits, forms[form],
                                       w, V[i], w, V[j], cin, w, r, fstr(f, op->defined));
                            else
                                printf("%s%d.%s(%0*x,%0*x): %0*x %s\n", op->name, bits, forms[form],
                                       w, V[i], w, V[j], w, r, fstr(f, op->defined));
                        }
                    }
                }
            }
        }
    }
}

/* ---- immediate forms -------------------------------------------------- */
/* cons "a": the short accumulator encodings (04/05, 2c/2d, ...);
 * cons "b": the group-1 encodings 80/81/83 on a register;
 * mem: group-1 on memory. */
#define IMM_REG(op, sfx, T, bits, cons, imm, fin)                                                 \
    do {                                                                                          \
        for (int i = 0; i < nvals(bits); i++) {                                                   \
            T a = (T)V[i];                                                                        \
            uint32_t f;                                                                           \
            __asm__ volatile("push %[fi]\n\tpopf\n\t" #op #sfx " $" #imm ",%[a]\n\t"              \
                             "pushf\n\tpop %[f]"                                                  \
                             : [a] "+" cons(a), [f] "=&r"(f)                                      \
                             : [fi] "r"(fin)                                                      \
                             : "cc");                                                             \
            printf(#op "%d.i(%s,%0*x,$" #imm "): %0*x %s\n", bits, cons, HEXW(bits), V[i],         \
                   HEXW(bits), (uint32_t)a, fstr(f, def));                                        \
        }                                                                                         \
    } while (0)

#define IMM_MEM(op, sfx, T, bits, imm, fin)                                                       \
    do {                                                                                          \
        for (int i = 0; i < nvals(bits); i++) {                                                   \
            uint32_t f;                                                                           \
            mem##bits = (T)V[i];                                                                  \
            __asm__ volatile("push %[fi]\n\tpopf\n\t" #op #sfx " $" #imm ",(%[p])\n\t"            \
                             "pushf\n\tpop %[f]"                                                  \
                             : [f] "=&r"(f)                                                       \
                             : [p] "r"(&mem##bits), [fi] "r"(fin)                                 \
                             : "cc", "memory");                                                   \
            printf(#op "%d.i(mem,%0*x,$" #imm "): %0*x %s\n", bits, HEXW(bits), V[i],              \
                   HEXW(bits), (uint32_t)mem##bits, fstr(f, def));                                \
        }                                                                                         \
    } while (0)

#define IMM_OP(op, fin)                                 \
    do {                                                \
        IMM_REG(op, b, uint8_t, 8, "a", 0x7f, fin);     \
        IMM_REG(op, b, uint8_t, 8, "b", 0x80, fin);     \
        IMM_REG(op, b, uint8_t, 8, "c", 1, fin);        \
        IMM_MEM(op, b, uint8_t, 8, 0xff, fin);          \
        IMM_REG(op, w, uint16_t, 16, "a", 0x8000, fin); \
        IMM_REG(op, w, uint16_t, 16, "b", -1, fin);     \
        IMM_REG(op, w, uint16_t, 16, "d", 0x1234, fin); \
        IMM_MEM(op, w, uint16_t, 16, 0x7f, fin);        \
        IMM_MEM(op, w, uint16_t, 16, 0x7fff, fin);      \
        IMM_REG(op, l, uint32_t, 32, "a", 0x80000000, fin); \
        IMM_REG(op, l, uint32_t, 32, "a", 1, fin);      \
        IMM_REG(op, l, uint32_t, 32, "b", -1, fin);     \
        IMM_REG(op, l, uint32_t, 32, "S", -128, fin);   \
        IMM_REG(op, l, uint32_t, 32, "D", 0x12345678, fin); \
        IMM_MEM(op, l, uint32_t, 32, 0x7fffffff, fin);  \
        IMM_MEM(op, l, uint32_t, 32, -2, fin);          \
        IMM_MEM(op, l, uint32_t, 32, 0x7f, fin);        \
    } while (0)

static void run_imm(void)
{
    uint32_t def = F_ARITH;
    IMM_OP(add, FIN_ALL);
    IMM_OP(adc, FIN_NONE | F_CF);
    IMM_OP(adc, FIN_ALL & ~F_CF);
    IMM_OP(sub, FIN_NONE);
    IMM_OP(sbb, FIN_NONE | F_CF);
    IMM_OP(sbb, FIN_ALL & ~F_CF);
    IMM_OP(cmp, FIN_ALL);
    def = FLOGIC;
    IMM_OP(and, FIN_ALL);
    IMM_OP(or, FIN_NONE);
    IMM_OP(xor, FIN_ALL);
    IMM_OP(test, FIN_NONE);
}

/* ---- unary: inc dec neg not ------------------------------------------- */
#define GEN_UN(op, sfx, T, bits)                                                          \
    static uint32_t op##bits##_r(uint32_t a0, uint32_t fin, uint32_t *fo)                 \
    {                                                                                     \
        T a = (T)a0;                                                                      \
        uint32_t f;                                                                       \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %[a]\n\tpushf\n\tpop %[f]"  \
                         : [a] "+q"(a), [f] "=&r"(f)                                      \
                         : [fin] "r"(fin)                                                 \
                         : "cc");                                                         \
        *fo = f;                                                                          \
        return a;                                                                         \
    }                                                                                     \
    static uint32_t op##bits##_m(uint32_t a0, uint32_t fin, uint32_t *fo)                 \
    {                                                                                     \
        uint32_t f;                                                                       \
        mem##bits = (T)a0;                                                                \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " (%[p])\n\tpushf\n\tpop %[f]" \
                         : [f] "=&r"(f)                                                   \
                         : [p] "r"(&mem##bits), [fin] "r"(fin)                            \
                         : "cc", "memory");                                               \
        *fo = f;                                                                          \
        return mem##bits;                                                                 \
    }
#define GEN_UN_ALL(op) GEN_UN(op, b, uint8_t, 8) GEN_UN(op, w, uint16_t, 16) GEN_UN(op, l, uint32_t, 32)
GEN_UN_ALL(inc)
GEN_UN_ALL(dec)
GEN_UN_ALL(neg)
GEN_UN_ALL(not)

typedef uint32_t (*unfn)(uint32_t, uint32_t, uint32_t *);
struct unop {
    const char *name;
    unfn fn[3][2];
    uint32_t defined;
};
#define UENTRY(op, def) {#op, {{op##8_r, op##8_m}, {op##16_r, op##16_m}, {op##32_r, op##32_m}}, def}
static const struct unop UNOPS[] = {
    /* inc/dec leave CF alone, not leaves every flag alone: all of them are
     * therefore "defined" (preserved from the popf image). */
    UENTRY(inc, F_ARITH), UENTRY(dec, F_ARITH), UENTRY(neg, F_ARITH), UENTRY(not, F_ARITH),
};

static void run_unops(void)
{
    static const char *forms[2] = {"r", "m"};
    for (unsigned o = 0; o < sizeof UNOPS / sizeof UNOPS[0]; o++)
        for (int s = 0; s < 3; s++) {
            int bits = 8 << s, w = HEXW(bits);
            for (int form = 0; form < 2; form++)
                for (int i = 0; i < nvals(bits); i++)
                    for (int k = 0; k < 2; k++) {
                        uint32_t fin = k ? FIN_ALL : FIN_NONE, f;
                        uint32_t r = UNOPS[o].fn[s][form](V[i], fin, &f);
                        printf("%s%d.%s(%0*x,fin=%s): %0*x %s\n", UNOPS[o].name, bits, forms[form], w,
                               V[i], fstr(fin, F_ARITH), w, r, fstr(f, UNOPS[o].defined));
                    }
        }
}

/* ---- common idioms ---------------------------------------------------- */
static void run_idioms(void)
{
    uint32_t a, b, f;
    __asm__ volatile("stc\n\tmovl $0x1234,%0\n\tsbbl %0,%0\n\tpushf\n\tpop %1" : "=r"(a), "=r"(f) :: "cc");
    printf("sbb-self(c1): %08x %s\n", a, fstr(f, F_ARITH));
    __asm__ volatile("clc\n\tmovl $0x1234,%0\n\tsbbl %0,%0\n\tpushf\n\tpop %1" : "=r"(a), "=r"(f) :: "cc");
    printf("sbb-self(c0): %08x %s\n", a, fstr(f, F_ARITH));
    __asm__ volatile("movl $0x1234,%0\n\txorl %0,%0\n\tpushf\n\tpop %1" : "=r"(a), "=r"(f) :: "cc");
    printf("xor-self: %08x %s\n", a, fstr(f, FLOGIC));
    __asm__ volatile("movl $0x1234,%0\n\tsubl %0,%0\n\tpushf\n\tpop %1" : "=r"(a), "=r"(f) :: "cc");
    printf("sub-self: %08x %s\n", a, fstr(f, F_ARITH));
    /* 64-bit add/sub chains via adc/sbb */
    uint32_t lo = 0xffffffff, hi = 0x7fffffff;
    __asm__ volatile("addl $1,%0\n\tadcl $0,%1\n\tpushf\n\tpop %2" : "+r"(lo), "+r"(hi), "=r"(f) :: "cc");
    printf("add64(7fffffffffffffff,1): %08x%08x %s\n", hi, lo, fstr(f, F_ARITH));
    lo = 0; hi = 0;
    __asm__ volatile("subl $1,%0\n\tsbbl $0,%1\n\tpushf\n\tpop %2" : "+r"(lo), "+r"(hi), "=r"(f) :: "cc");
    printf("sub64(0,1): %08x%08x %s\n", hi, lo, fstr(f, F_ARITH));
    /* negative 64-bit: neg lo; adc 0,hi; neg hi */
    lo = 5; hi = 0;
    __asm__ volatile("negl %0\n\tadcl $0,%1\n\tnegl %1" : "+r"(lo), "+r"(hi) :: "cc");
    printf("neg64(5): %08x%08x\n", hi, lo);
    /* partial-register arithmetic: ah/bh etc. */
    a = 0x12345678; b = 0x000000ff;
    __asm__ volatile("addb %%bl,%%ah\n\tsubb %%ah,%%bh\n\tpushf\n\tpop %2" : "+a"(a), "+b"(b), "=r"(f) :: "cc");
    printf("partial(ah,bh): %08x %08x %s\n", a, b, fstr(f, F_ARITH));
    a = 0x80ff7f01;
    __asm__ volatile("incb %%ah\n\tdecb %%al\n\tnegw %%ax\n\tpushf\n\tpop %1" : "+a"(a), "=r"(f) :: "cc");
    printf("partial(inc ah,dec al,neg ax): %08x %s\n", a, fstr(f, F_ARITH));
}

int main(void)
{
    run_binops();
    run_imm();
    run_unops();
    run_idioms();
    printf("alu: done\n");
    return 0;
}
