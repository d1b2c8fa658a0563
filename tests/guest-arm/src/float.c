/* float.c - floating point: on armel soft-float library code (libgcc's __aeabi_d*), on armhf
 * VFPv3 instructions. Arithmetic, conversions, comparisons, NaN and infinity handling, libm
 * functions, printf/strtod round trips; every value printed exactly (%a) and in decimal. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const double vd[] = {0.0, -0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1e300, -1e-300, 4.9e-324, 2.5, 1e16, 123456.789};
#define ND (sizeof vd / sizeof vd[0])
static volatile double sinkd;
static double opaque(double v) { sinkd = v; return sinkd; }

int main(void)
{
    for (unsigned i = 0; i < ND; i++) {
        for (unsigned j = 0; j < ND; j++) {
            double a = opaque(vd[i]), b = opaque(vd[j]);
            printf("%a %a: + %a - %a * %a / %a  lt %d eq %d\n", a, b, a + b, a - b, a * b, a / b, a < b, a == b);
        }
        double a = opaque(vd[i]);
        float f = (float)a;
        printf("%a: float %a (%.9g) int %d uint %u ll %lld sqrt %a floor %a ceil %a round %a\n", a, (double)f, (double)f,
               fabs(a) < 2e9 ? (int)a : -1, (a >= 0 && a < 4e9) ? (unsigned)a : 0u,
               fabs(a) < 9e18 ? (long long)a : -1LL, sqrt(fabs(a)), floor(a), ceil(a), round(a));
        printf("  sin %.17g exp %.17g log %.17g pow %.17g atan2 %.17g\n", sin(a), exp(a > 700 ? 700 : a),
               log(fabs(a) + 1), pow(fabs(a) + 0.5, 1.25), atan2(a, 2.0));
    }
    double inf = opaque(INFINITY), nan = opaque(NAN);
    printf("inf-inf is nan: %d, nan==nan %d, nan<1 %d, isinf %d, 1/-0 %a\n", isnan(inf - inf), nan == nan, nan < 1.0,
           isinf(inf), 1.0 / opaque(-0.0));
    for (int i = -5; i <= 5; i++) {
        float x = (float)opaque(i * 0.3);
        printf("float %d: %a %a %a %.9g\n", i, (double)(x * 3.0f), (double)(x / 7.0f), (double)sqrtf(fabsf(x)), (double)(x + 1e-7f));
    }
    const char *strs[] = {"0.1", "1e-310", "3.14159265358979323846", "-2.5e+10", "0x1.8p3"};
    for (int i = 0; i < 5; i++) printf("strtod %s: %a %.17g\n", strs[i], strtod(strs[i], 0), strtod(strs[i], 0));
    double acc = 0;
    for (int i = 1; i <= 100000; i++) acc += 1.0 / ((double)i * i);
    printf("sum 1/n^2: %.17g\n", acc);
    return 0;
}
