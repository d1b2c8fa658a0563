/* x87.c - x87 floating point: loads/stores of float/double/long double and
 * 16/32/64-bit integers, arithmetic in all operand forms the compiler uses,
 * comparisons (fcomi/fucomi/fcom+fnstsw), fxam/ftst, constants, rounding
 * control (fldcw), frndint, fprem/fprem1, fscale/fxtract, fsqrt/fabs/fchs,
 * printf %f %g %e %a, strtod, and libm functions.  Arithmetic inputs are
 * chosen so results are exact; transcendental results are printed with 10
 * significant digits.  Everything here is reproducible by an implementation
 * that computes in IEEE double precision; behaviour that needs the 80-bit
 * extended format is tested separately in x87ext.c. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double vd[] = {0.0, -0.0, 1.0, -1.5, 2.25, 1e10, -3.0e-5, 0.1, 123456.789, 1e300, 4.9e-324};
#define NVD (sizeof vd / sizeof vd[0])

static uint16_t fstsw_of(const char *what, long double a, long double b);

static void arith(void)
{
    for (unsigned i = 0; i < NVD; i++) {
        double a = vd[i];
        printf("val[%u]: %%f=%f %%g=%g %%e=%e %%.17g=%.17g %%a=%a\n", i, a, a, a, a, a);
    }
    volatile double a = 1.5, b = 2.25, c = -0.75, z = 0.0;
    printf("add: %g sub: %g mul: %g div: %g\n", a + b, a - b, a * b, b / a);
    printf("fma-ish: %g\n", a * b + c);
    printf("div by zero: %g %g nan: %g\n", a / z, -a / z, z / z);
    printf("1/3: %.6f 2/3: %.6f\n", 1.0 / (a * 2), 2.0 / (a * 2));
    volatile float fa = 0.5f, fb = 3.0f;
    printf("float: %f %f %f %f\n", (double)(fa + fb), (double)(fa - fb), (double)(fa * fb), (double)(fb / fa));
    printf("dbl_max: %g dbl_min: %g flt_max: %g\n", DBL_MAX, DBL_MIN, (double)FLT_MAX);
    /* accumulate: exact in binary */
    double s = 0;
    for (int k = 1; k <= 100; k++)
        s += k * 0.25;
    printf("sum k*0.25: %f\n", s);
    /* sqrt, fabs, chs */
    volatile double q = 2.25, two = 2.0;
    printf("sqrt(2.25): %g sqrt(2): %.15f fabs(-1.5): %g neg: %g\n", __builtin_sqrt(q), __builtin_sqrt(two),
           __builtin_fabs(vd[3]), -vd[4]);
    printf("sqrt(-1): %g\n", __builtin_sqrt(-q));
}

static void conversions(void)
{
    static volatile double dv[] = {0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.5, -1.5, -2.5, 2147483647.0, -2147483648.0, 1e12, -7.9};
    for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double d = dv[i];
        long long ll = (long long)d;
        int iv = (d > -2147483649.0 && d < 2147483648.0) ? (int)d : 0;
        short sv = (d > -32769.0 && d < 32768.0) ? (short)d : 0;
        printf("cvt(%g): int=%d short=%d ll=%lld rint=%g floor=%g ceil=%g trunc=%g round=%g lrint=%ld\n", d, iv, sv, ll,
               rint(d), floor(d), ceil(d), trunc(d), round(d), (d > -2e9 && d < 2e9) ? lrint(d) : 0L);
    }
    static volatile int ivs[] = {0, 1, -1, 2147483647, -2147483647 - 1, 16777217};
    for (unsigned i = 0; i < sizeof ivs / sizeof ivs[0]; i++) {
        int v = ivs[i];
        printf("int->double(%d): %.1f float: %.1f\n", v, (double)v, (double)(float)v);
    }
    static volatile long long lls[] = {0, 9007199254740993LL, -9223372036854775807LL - 1, 123456789012345LL};
    for (unsigned i = 0; i < 4; i++)
        printf("ll->double(%lld): %.1f\n", lls[i], (double)lls[i]);
    static volatile unsigned uvs[] = {0, 0x80000000u, 0xffffffffu};
    for (unsigned i = 0; i < 3; i++)
        printf("uint->double(%u): %.1f back: %u\n", uvs[i], (double)uvs[i], (unsigned)(double)uvs[i]);
    volatile double big = 4294967295.0;
    printf("double->uint: %u\n", (unsigned)big);
    volatile float f = 16777216.0f;
    printf("float+1: %.1f\n", (double)(f + 1.0f));
    printf("float from double 0.1: %.10f\n", (double)(float)vd[7]);
}

static void compares(void)
{
    static volatile double cv[] = {-1.0, 0.0, -0.0, 1.0, INFINITY, -INFINITY, NAN};
    const char *n[] = {"-1", "0", "-0", "1", "inf", "-inf", "nan"};
    for (unsigned i = 0; i < 7; i++) {
        printf("cmp %s:", n[i]);
        for (unsigned j = 0; j < 7; j++) {
            double a = cv[i], b = cv[j];
            printf(" %d%d%d%d%d%d", a < b, a <= b, a == b, a != b, a >= b, a > b);
        }
        printf(" isnan=%d isinf=%d signbit=%d\n", isnan(cv[i]) != 0, isinf(cv[i]) != 0, signbit(cv[i]) != 0);
    }
    printf("fmin/fmax: %g %g\n", fmin(vd[2], vd[3]), fmax(vd[2], vd[3]));
    /* fcom + fnstsw condition codes C0 C2 C3 */
    fstsw_of("fcom 1,2", 1.0L, 2.0L);
    fstsw_of("fcom 2,1", 2.0L, 1.0L);
    fstsw_of("fcom 2,2", 2.0L, 2.0L);
    fstsw_of("fucom nan", (long double)NAN, 1.0L);
}

static uint16_t fstsw_of(const char *what, long double a, long double b)
{
    uint16_t sw;
    __asm__ volatile("fucompp\n\tfnstsw %%ax" : "=a"(sw) : "t"(a), "u"(b) : "st", "st(1)");
    /* C0 bit 8, C2 bit 10, C3 bit 14 */
    printf("%s: C3=%d C2=%d C0=%d\n", what, (sw >> 14) & 1, (sw >> 10) & 1, (sw >> 8) & 1);
    return sw;
}

static void fxam(const char *what, long double v)
{
    uint16_t sw;
    long double out;
    __asm__ volatile("fxam\n\tfnstsw %%ax" : "=a"(sw), "=t"(out) : "1"(v));
    printf("fxam %s: C3=%d C2=%d C1=%d C0=%d\n", what, (sw >> 14) & 1, (sw >> 10) & 1, (sw >> 9) & 1, (sw >> 8) & 1);
    __asm__ volatile("ftst\n\tfnstsw %%ax" : "=a"(sw), "=t"(out) : "1"(v));
    printf("ftst %s: C3=%d C2=%d C0=%d\n", what, (sw >> 14) & 1, (sw >> 10) & 1, (sw >> 8) & 1);
}

static void x87_insns(void)
{
    long double r;
    __asm__("fld1" : "=t"(r));
    printf("fld1: %Lg\n", r);
    __asm__("fldz" : "=t"(r));
    printf("fldz: %Lg\n", r);
    __asm__("fldpi" : "=t"(r));
    printf("fldpi: %.15Lg\n", r);
    __asm__("fldl2e" : "=t"(r));
    printf("fldl2e: %.15Lg\n", r);
    __asm__("fldln2" : "=t"(r));
    printf("fldln2: %.15Lg\n", r);

    fxam("+0", 0.0L);
    fxam("-0", -0.0L);
    fxam("1.5", 1.5L);
    fxam("-inf", -(long double)INFINITY);
    fxam("nan", (long double)NAN);

    /* frndint under the four rounding modes */
    static const long double rv[] = {2.5L, -2.5L, 3.5L, -0.4L, 7.75L};
    static const char *mode[] = {"nearest", "down", "up", "zero"};
    for (int m = 0; m < 4; m++) {
        uint16_t cw, ncw;
        __asm__ volatile("fnstcw %0" : "=m"(cw));
        ncw = (cw & ~0x0c00) | (m << 10);
        __asm__ volatile("fldcw %0" ::"m"(ncw));
        printf("round %s:", mode[m]);
        for (int k = 0; k < 5; k++) {
            long double x = rv[k];
            int iv;
            __asm__ volatile("frndint" : "+t"(x));
            __asm__ volatile("fistl %0" : "=m"(iv) : "t"(rv[k]));
            printf(" %Lg/%d", x, iv);
        }
        volatile double third = 1.0, three = 3.0;
        double q = third / three;
        printf(" 1/3=%.17g\n", q);
        __asm__ volatile("fldcw %0" ::"m"(cw));
    }
    /* fistp 16/64, fild 16/64 */
    short s16;
    long long s64;
    long double v = -12345.0L;
    __asm__ volatile("fists %0" : "=m"(s16) : "t"(v));
    __asm__ volatile("fistpll %0" : "=m"(s64) : "t"(v * 1e10L) : "st");
    printf("fist16: %d fistp64: %lld\n", s16, s64);
    __asm__ volatile("fistps %0" : "=m"(s16) : "t"(100000.0L) : "st");
    printf("fistp16 overflow -> %d\n", s16);
    s16 = -300;
    s64 = 1LL << 62;
    long double l1, l2;
    __asm__ volatile("filds %1" : "=t"(l1) : "m"(s16));
    __asm__ volatile("fildll %1" : "=t"(l2) : "m"(s64));
    printf("fild16: %Lg fild64: %.1Lf\n", l1, l2);

    /* fprem / fprem1 */
    long double x = 17.5L, y = 4.0L, rem;
    __asm__ volatile("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400,%%ax\n\tjnz 1b" : "=t"(rem) : "0"(x), "u"(y) : "eax", "cc");
    printf("fprem(17.5,4): %Lg\n", rem);
    __asm__ volatile("1: fprem1\n\tfnstsw %%ax\n\ttestw $0x400,%%ax\n\tjnz 1b" : "=t"(rem) : "0"(x), "u"(y) : "eax", "cc");
    printf("fprem1(17.5,4): %Lg\n", rem);
    x = (long double)-1e30; /* a double constant: exact in 64 and 80 bits */
    y = 7.0L;
    __asm__ volatile("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400,%%ax\n\tjnz 1b" : "=t"(rem) : "0"(x), "u"(y) : "eax", "cc");
    printf("fprem(-1e30,7): %Lg\n", rem);
    printf("fmod(10.5,3): %g remainder(10.5,3): %g\n", fmod(vd[4] * 4 + 1.5, 3.0), remainder(10.5, vd[2] * 3));

    /* fscale / fxtract */
    long double sc;
    __asm__ volatile("fscale" : "=t"(sc) : "0"(1.5L), "u"(10.0L));
    printf("fscale(1.5,10): %Lg\n", sc);
    __asm__ volatile("fscale" : "=t"(sc) : "0"(3.0L), "u"(-2.0L));
    printf("fscale(3,-2): %Lg\n", sc);
    long double sig, ex;
    __asm__ volatile("fxtract" : "=t"(sig), "=u"(ex) : "0"(48.0L));
    printf("fxtract(48): sig=%Lg exp=%Lg\n", sig, ex);
    printf("ldexp(0.75,5): %g frexp(40): ", ldexp(0.75, 5));
    int e;
    double fr = frexp(40.0 + vd[0], &e);
    printf("%g*2^%d\n", fr, e);

    /* fxch, fcmov, fabs/fchs on stack */
    long double p = 1.0L, q = 2.0L;
    __asm__ volatile("fxch %%st(1)" : "+t"(p), "+u"(q));
    printf("fxch: %Lg %Lg\n", p, q);
    long double cm = 5.0L;
    __asm__ volatile("stc\n\tfcmovb %%st(1),%%st" : "+t"(cm) : "u"(9.0L) : "cc");
    printf("fcmovb(CF=1): %Lg\n", cm);
    cm = 5.0L;
    __asm__ volatile("clc\n\tfcmovb %%st(1),%%st" : "+t"(cm) : "u"(9.0L) : "cc");
    printf("fcmovb(CF=0): %Lg\n", cm);
    /* fcomi sets EFLAGS */
    unsigned fl;
    __asm__ volatile("fcomi %%st(1),%%st\n\tpushf\n\tpop %0" : "=r"(fl) : "t"(1.0L), "u"(2.0L) : "cc");
    printf("fcomi 1<2: ZF=%u PF=%u CF=%u\n", (fl >> 6) & 1, (fl >> 2) & 1, fl & 1);
    __asm__ volatile("fucomi %%st(1),%%st\n\tpushf\n\tpop %0" : "=r"(fl) : "t"((long double)NAN), "u"(2.0L) : "cc");
    printf("fucomi nan: ZF=%u PF=%u CF=%u\n", (fl >> 6) & 1, (fl >> 2) & 1, fl & 1);
    /* memory operand forms */
    static float mf = 0.25f;
    static double md = 8.0;
    static int mi = 3;
    static short ms = -2;
    long double acc = 10.0L;
    __asm__ volatile("fadds %1\n\tfmull %2\n\tfisubl %3\n\tfidivrs %4\n\tfsubrs %1\n\tfdivl %2"
                     : "+t"(acc) : "m"(mf), "m"(md), "m"(mi), "m"(ms));
    printf("mem forms: %.10Lg\n", acc);
    /* st(i) forms with pop */
    long double t0 = 6.0L, t1 = 1.5L, res;
    __asm__ volatile("fld %%st(1)\n\tfld %%st(1)\n\tfdivrp\n\tfaddp\n\tfmulp" : "=t"(res) : "0"(t0), "u"(t1) : "st(1)");
    printf("stack forms: %Lg\n", res);
    /* fsave/frstor and fnstenv do not lose the stack */
    unsigned char env[108];
    long double keep = 42.5L, back;
    __asm__ volatile("fnsave %1\n\tfrstor %1" : "+t"(keep), "=m"(env) :: "memory");
    back = keep;
    printf("fnsave/frstor: %Lg\n", back);
    /* control word defaults */
    uint16_t cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    printf("default control word: %04x\n", cw);
}

static void libm(void)
{
    static volatile double a[] = {0.5, 1.0, 2.0, 10.0, 0.125};
    for (int i = 0; i < 5; i++) {
        double x = a[i];
        printf("libm(%g): exp=%.10g log=%.10g log10=%.10g log2=%.10g sin=%.10g cos=%.10g tan=%.10g atan=%.10g\n", x,
               exp(x), log(x), log10(x), log2(x), sin(x), cos(x), tan(x), atan(x));
        printf("libm(%g): pow(x,1.5)=%.10g atan2(x,3)=%.10g sinh=%.10g hypot(x,4)=%.10g cbrt=%.10g expm1=%.10g\n", x,
               pow(x, 1.5), atan2(x, 3.0), sinh(x), hypot(x, 4.0), cbrt(x), expm1(x));
    }
    printf("pow exact: %g %g %g\n", pow(2.0, 10.0), pow(a[4], -2.0), pow(9.0, 0.5));
    printf("strtod: %.17g %.17g %g\n", strtod("3.14159265358979323846", NULL), strtod("1e-310", NULL),
           strtod("0x1.8p3", NULL));
    char buf[64];
    snprintf(buf, sizeof buf, "%.3f|%8.2e|%-10g|%+.0f", 2.0005, 12345.678, 0.0001, 2.5);
    printf("formats: %s\n", buf);
    printf("large: %.0f %f\n", 1e22, 5e-7);
}

int main(void)
{
    arith();
    conversions();
    compares();
    x87_insns();
    libm();
    printf("x87: done\n");
    return 0;
}
