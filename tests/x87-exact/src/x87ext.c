/* x87ext.c - behaviour specific to the x87 80-bit extended format:
 * long double precision and range, the 64-bit significand, 80-bit memory
 * images, extended constants, precision control (PC field of the control
 * word), denormals of the extended format, and 64-bit integers that are
 * exact in long double but not in double. */
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void bytes(const char *name, long double v)
{
    unsigned char b[10];
    memcpy(b, &v, 10);
    printf("%s:", name);
    for (int k = 9; k >= 0; k--)
        printf(" %02x", b[k]);
    printf("\n");
}

static void set_pc(int pc)
{
    uint16_t cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    cw = (cw & ~0x0300) | (pc << 8);
    __asm__ volatile("fldcw %0" ::"m"(cw));
}

int main(void)
{
    volatile long double one = 1.0L, three = 3.0L, tiny = 0x1p-60L;
    printf("1/3: %.21Lf\n", one / three);
    printf("(1+2^-60)-1: %Lg\n", (one + tiny) - one);
    printf("eps: %Lg max: %Lg min: %Lg\n", (long double)LDBL_EPSILON, (long double)LDBL_MAX, (long double)LDBL_MIN);
    printf("mant_dig: %d\n", LDBL_MANT_DIG);
    bytes("1+eps", 1.0L + LDBL_EPSILON);
    bytes("-2.5", -2.5L);
    bytes("max", LDBL_MAX);
    bytes("denorm_min", 0x1p-16445L);
    volatile long double d = 0x1p-16445L;
    printf("denorm_min*2^16445: %Lg\n", d * 0x1p16000L * 0x1p445L);

    long double r;
    __asm__("fldpi" : "=t"(r));
    printf("fldpi: %.20Lg\n", r);
    bytes("fldpi", r);
    __asm__("fldl2e" : "=t"(r));
    printf("fldl2e: %.20Lg\n", r);
    __asm__("fldl2t" : "=t"(r));
    printf("fldl2t: %.20Lg\n", r);
    __asm__("fldlg2" : "=t"(r));
    printf("fldlg2: %.20Lg\n", r);
    __asm__("fldln2" : "=t"(r));
    printf("fldln2: %.20Lg\n", r);

    volatile long long ll = 9007199254740993LL, ll2 = 0x7fffffffffffffffLL;
    long double l = ll, l2 = ll2;
    printf("fild64 2^53+1: %.1Lf fild64 max: %.1Lf\n", l, l2);
    long long back;
    __asm__ volatile("fistpll %0" : "=m"(back) : "t"(l2) : "st");
    printf("fistp64 max round trip: %lld\n", back);

    /* precision control: 0 = single, 2 = double, 3 = extended */
    static const char *pcn[] = {"single", "reserved", "double", "extended"};
    for (int pc = 0; pc < 4; pc += (pc == 0 ? 2 : 1)) {
        set_pc(pc);
        volatile long double q = one / three;
        long double s = one + tiny;
        printf("pc=%s: 1/3=%.21Lf 1+2^-60 > 1: %d\n", pcn[pc], q, s > one);
    }
    set_pc(3);

    /* extended range: 1e4000 */
    volatile long double big = 1e4000L;
    printf("1e4000: %Lg sqrt: %Lg\n", big, __builtin_sqrtl(big));
    printf("long double sum: %.25Lg\n", (long double)0.1L + 0.2L);
    printf("x87ext: done\n");
    return 0;
}
