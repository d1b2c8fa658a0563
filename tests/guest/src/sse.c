/*
 * SSE/SSE2 through gcc's intrinsics and -mfpmath=sse code: every arithmetic, compare and
 * conversion intrinsic over a table of edge values (zeros, denormals, normals at the limits,
 * infinities, NaNs with payloads, rounding ties) under each MXCSR rounding mode with and without
 * DAZ/FTZ, printed as hashes of the result bits and the MXCSR flags; packed integer ops on
 * pseudo-random data; scalar double/float code and printf/strtod; and unmasked SIMD exceptions,
 * whose SIGFPE handler reports si_code and the saved MXCSR, then masks the exception in the saved
 * state so the instruction completes when the handler returns.
 */
#define _GNU_SOURCE
#include <emmintrin.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

static uint32_t F32[] = {
    0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00400000, 0x00800000, 0x80800001, 0x3f800000,
    0xbf800000, 0x3f800001, 0x3fffffff, 0x40490fdb, 0x7f7fffff, 0xff7ffffe, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc12345, 0x7f800001, 0xff812345, 0x4f000000, 0xcf000000, 0x4effffff, 0x3f000000,
    0x40200000, 0x40600000, 0xbfc00000, 0x00ffffff, 0x33800000, 0x4b800001, 0x5f000000, 0x1f800000,
};
static uint64_t F64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000001ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3ff0000000000001ull, 0x3fffffffffffffffull, 0x400921fb54442d18ull, 0x7fefffffffffffffull,
    0xffeffffffffffffeull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0xfff8000012345678ull, 0x7ff0000000000001ull, 0xfff0000012345678ull, 0x41e0000000000000ull,
    0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0xc1e0000000200000ull, 0x3fe0000000000000ull,
    0x4004000000000000ull, 0x400c000000000000ull, 0x36a0000000000000ull, 0x47efffffe0000000ull,
    0x3810000000000000ull, 0x380fffffffffffffull, 0x1ff0000000000000ull, 0x5ff0000000000000ull,
};
#define N32 (sizeof F32 / sizeof F32[0])
#define N64 (sizeof F64 / sizeof F64[0])

static uint32_t h;
static void mixin(uint32_t v) { h = (h ^ v) * 16777619u; }
static void mix128(__m128i v) {
  uint32_t w[4];
  _mm_storeu_si128((__m128i *)w, v);
  for (int i = 0; i < 4; i++) mixin(w[i]);
}
static __m128 ps(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return _mm_castsi128_ps(_mm_set_epi32(d, c, b, a)); }
static __m128d pd(uint64_t a, uint64_t b) { return _mm_castsi128_pd(_mm_set_epi64x(b, a)); }

typedef __m128 (*op_ps)(__m128, __m128);
typedef __m128d (*op_pd)(__m128d, __m128d);
#define PS(name, expr) static __m128 name(__m128 a, __m128 b) { (void)b; return expr; }
#define PD(name, expr) static __m128d name(__m128d a, __m128d b) { (void)b; return expr; }
PS(addps, _mm_add_ps(a, b)) PS(subps, _mm_sub_ps(a, b)) PS(mulps, _mm_mul_ps(a, b)) PS(divps, _mm_div_ps(a, b))
PS(minps, _mm_min_ps(a, b)) PS(maxps, _mm_max_ps(a, b)) PS(sqrtps, _mm_sqrt_ps(a)) PS(rcpps, _mm_rcp_ps(a))
PS(rsqrtps, _mm_rsqrt_ps(a)) PS(addss, _mm_add_ss(a, b)) PS(divss, _mm_div_ss(a, b)) PS(sqrtss, _mm_sqrt_ss(a))
PS(cmpltps, _mm_cmplt_ps(a, b)) PS(cmpunordps, _mm_cmpunord_ps(a, b)) PS(cmpneqps, _mm_cmpneq_ps(a, b))
PS(cmpnleps, _mm_cmpnle_ps(a, b)) PS(cvtdq2ps, _mm_cvtepi32_ps(_mm_castps_si128(a)))
PS(cvtps2dq, _mm_castsi128_ps(_mm_cvtps_epi32(a))) PS(cvttps2dq, _mm_castsi128_ps(_mm_cvttps_epi32(a)))
PS(cvtps2pd, _mm_castpd_ps(_mm_cvtps_pd(a)))
PD(addpd, _mm_add_pd(a, b)) PD(subpd, _mm_sub_pd(a, b)) PD(mulpd, _mm_mul_pd(a, b)) PD(divpd, _mm_div_pd(a, b))
PD(minpd, _mm_min_pd(a, b)) PD(maxpd, _mm_max_pd(a, b)) PD(sqrtpd, _mm_sqrt_pd(a)) PD(mulsd, _mm_mul_sd(a, b))
PD(cmplepd, _mm_cmple_pd(a, b)) PD(cmpeqpd, _mm_cmpeq_pd(a, b)) PD(cmpordpd, _mm_cmpord_pd(a, b))
PD(cvtpd2ps, _mm_castps_pd(_mm_cvtpd_ps(a))) PD(cvtpd2dq, _mm_castsi128_pd(_mm_cvtpd_epi32(a)))
PD(cvttpd2dq, _mm_castsi128_pd(_mm_cvttpd_epi32(a))) PD(cvtdq2pd, _mm_cvtepi32_pd(_mm_castpd_si128(a)))

static const struct { const char *name; op_ps f; } OPS_PS[] = {
    {"addps", addps}, {"subps", subps}, {"mulps", mulps}, {"divps", divps}, {"minps", minps}, {"maxps", maxps},
    {"sqrtps", sqrtps}, {"rcpps", rcpps}, {"rsqrtps", rsqrtps}, {"addss", addss}, {"divss", divss},
    {"sqrtss", sqrtss}, {"cmpltps", cmpltps}, {"cmpunordps", cmpunordps}, {"cmpneqps", cmpneqps},
    {"cmpnleps", cmpnleps}, {"cvtdq2ps", cvtdq2ps}, {"cvtps2dq", cvtps2dq}, {"cvttps2dq", cvttps2dq},
    {"cvtps2pd", cvtps2pd},
};
static const struct { const char *name; op_pd f; } OPS_PD[] = {
    {"addpd", addpd}, {"subpd", subpd}, {"mulpd", mulpd}, {"divpd", divpd}, {"minpd", minpd}, {"maxpd", maxpd},
    {"sqrtpd", sqrtpd}, {"mulsd", mulsd}, {"cmplepd", cmplepd}, {"cmpeqpd", cmpeqpd}, {"cmpordpd", cmpordpd},
    {"cvtpd2ps", cvtpd2ps}, {"cvtpd2dq", cvtpd2dq}, {"cvttpd2dq", cvttpd2dq}, {"cvtdq2pd", cvtdq2pd},
};
static const unsigned MODES[] = {0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x1fc0, 0x9f80, 0xdfc0};

static void float_ops(void) {
  for (unsigned k = 0; k < sizeof OPS_PS / sizeof OPS_PS[0]; k++) {
    printf("%-10s", OPS_PS[k].name);
    for (unsigned m = 0; m < sizeof MODES / sizeof MODES[0]; m++) {
      unsigned fl = 0;
      h = 2166136261u;
      for (unsigned i = 0; i < N32; i++)
        for (unsigned j = 0; j < N32; j += 4) {
          _mm_setcsr(MODES[m]);
          __m128 r = OPS_PS[k].f(ps(F32[i], F32[(i + 7) % N32], F32[i ^ 1], F32[(i * 5) % N32]),
                                 ps(F32[j], F32[j + 1], F32[j + 2], F32[j + 3]));
          fl |= _mm_getcsr() & 0x3f;
          mix128(_mm_castps_si128(r));
        }
      _mm_setcsr(0x1f80);
      printf(" %08x/%02x", h, fl);
    }
    printf("\n");
  }
  for (unsigned k = 0; k < sizeof OPS_PD / sizeof OPS_PD[0]; k++) {
    printf("%-10s", OPS_PD[k].name);
    for (unsigned m = 0; m < sizeof MODES / sizeof MODES[0]; m++) {
      unsigned fl = 0;
      h = 2166136261u;
      for (unsigned i = 0; i < N64; i++)
        for (unsigned j = 0; j < N64; j += 2) {
          _mm_setcsr(MODES[m]);
          __m128d r = OPS_PD[k].f(pd(F64[i], F64[(i * 3 + 1) % N64]), pd(F64[j], F64[j + 1]));
          fl |= _mm_getcsr() & 0x3f;
          mix128(_mm_castpd_si128(r));
        }
      _mm_setcsr(0x1f80);
      printf(" %08x/%02x", h, fl);
    }
    printf("\n");
  }
  /* scalar conversions to integers and comparisons into EFLAGS */
  printf("cvt/comi  ");
  for (unsigned m = 0; m < sizeof MODES / sizeof MODES[0]; m++) {
    unsigned fl = 0;
    h = 2166136261u;
    for (unsigned i = 0; i < N64; i++) {
      _mm_setcsr(MODES[m]);
      __m128d a = pd(F64[i], 0);
      __m128 f = ps(F32[i], 0, 0, 0);
      mixin(_mm_cvtsd_si32(a));
      mixin(_mm_cvttsd_si32(a));
      mixin(_mm_cvtss_si32(f));
      mixin(_mm_cvttss_si32(f));
      for (unsigned j = 0; j < N64; j += 3) {
        __m128d b = pd(F64[j], 0);
        __m128 g = ps(F32[j], 0, 0, 0);
        mixin(_mm_comilt_sd(a, b) | _mm_comieq_sd(a, b) << 1 | _mm_ucomigt_sd(a, b) << 2 | _mm_ucomineq_sd(a, b) << 3);
        mixin(_mm_comile_ss(f, g) | _mm_ucomieq_ss(f, g) << 1 | _mm_comige_ss(f, g) << 2);
      }
      mix128(_mm_castps_si128(_mm_cvtsi32_ss(f, (int)F64[i] ^ (int)(F64[i] >> 32))));
      mix128(_mm_castpd_si128(_mm_cvtsi32_sd(a, (int)F32[i])));
      mix128(_mm_castps_si128(_mm_cvtsd_ss(f, a)));
      mix128(_mm_castpd_si128(_mm_cvtss_sd(a, f)));
      fl |= _mm_getcsr() & 0x3f;
    }
    _mm_setcsr(0x1f80);
    printf(" %08x/%02x", h, fl);
  }
  printf("\n");
}

static uint32_t rs = 12345;
static uint32_t rnd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 17;
  rs ^= rs << 5;
  return rs;
}
static __m128i rv(void) {
  uint32_t k = rnd() % 4;
  if (k == 0) return _mm_set_epi32(rnd(), rnd(), rnd(), rnd());
  if (k == 1) return _mm_set_epi16(0x7fff, 0x8000, rnd(), 0xffff, 0, 1, rnd(), 0x7ffe);
  if (k == 2) return _mm_set_epi8(0x7f, 0x80, 0xff, 0, 1, rnd(), rnd(), 0xfe, 0x81, rnd(), 3, 4, rnd(), 0x40, 0xc0, rnd());
  return _mm_set_epi32(0x80000000, 0x7fffffff, -1, rnd());
}

static void int_ops(void) {
  h = 2166136261u;
  for (int i = 0; i < 2000; i++) {
    __m128i a = rv(), b = rv();
    int c = rnd() % 70;
    mix128(_mm_add_epi8(a, b)); mix128(_mm_add_epi16(a, b)); mix128(_mm_add_epi32(a, b)); mix128(_mm_add_epi64(a, b));
    mix128(_mm_sub_epi8(a, b)); mix128(_mm_sub_epi16(a, b)); mix128(_mm_sub_epi32(a, b)); mix128(_mm_sub_epi64(a, b));
    mix128(_mm_adds_epi8(a, b)); mix128(_mm_adds_epi16(a, b)); mix128(_mm_adds_epu8(a, b)); mix128(_mm_adds_epu16(a, b));
    mix128(_mm_subs_epi8(a, b)); mix128(_mm_subs_epi16(a, b)); mix128(_mm_subs_epu8(a, b)); mix128(_mm_subs_epu16(a, b));
    mix128(_mm_mullo_epi16(a, b)); mix128(_mm_mulhi_epi16(a, b)); mix128(_mm_mulhi_epu16(a, b)); mix128(_mm_mul_epu32(a, b));
    mix128(_mm_madd_epi16(a, b)); mix128(_mm_sad_epu8(a, b)); mix128(_mm_avg_epu8(a, b)); mix128(_mm_avg_epu16(a, b));
    mix128(_mm_min_epu8(a, b)); mix128(_mm_max_epu8(a, b)); mix128(_mm_min_epi16(a, b)); mix128(_mm_max_epi16(a, b));
    mix128(_mm_cmpeq_epi8(a, b)); mix128(_mm_cmpeq_epi16(a, a)); mix128(_mm_cmpeq_epi32(a, b)); mix128(_mm_cmpgt_epi8(a, b));
    mix128(_mm_cmpgt_epi16(a, b)); mix128(_mm_cmpgt_epi32(a, b)); mix128(_mm_packs_epi16(a, b)); mix128(_mm_packs_epi32(a, b));
    mix128(_mm_packus_epi16(a, b)); mix128(_mm_unpacklo_epi8(a, b)); mix128(_mm_unpackhi_epi16(a, b));
    mix128(_mm_unpacklo_epi32(a, b)); mix128(_mm_unpackhi_epi64(a, b)); mix128(_mm_andnot_si128(a, b));
    mix128(_mm_sll_epi16(a, _mm_cvtsi32_si128(c))); mix128(_mm_srl_epi32(a, _mm_cvtsi32_si128(c)));
    mix128(_mm_sra_epi16(a, _mm_cvtsi32_si128(c))); mix128(_mm_sll_epi64(a, _mm_cvtsi32_si128(c)));
    mix128(_mm_srli_epi64(a, 13)); mix128(_mm_srai_epi32(a, 31)); mix128(_mm_slli_si128(a, 5)); mix128(_mm_srli_si128(b, 11));
    mix128(_mm_shuffle_epi32(a, 0x1b)); mix128(_mm_shufflehi_epi16(a, 0x72)); mix128(_mm_shufflelo_epi16(b, 0xd8));
    mix128(_mm_castps_si128(_mm_shuffle_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b), 0x4e)));
    mix128(_mm_castpd_si128(_mm_shuffle_pd(_mm_castsi128_pd(a), _mm_castsi128_pd(b), 1)));
    mixin(_mm_movemask_epi8(a)); mixin(_mm_movemask_ps(_mm_castsi128_ps(b))); mixin(_mm_movemask_pd(_mm_castsi128_pd(a)));
    mixin(_mm_extract_epi16(a, 3)); mix128(_mm_insert_epi16(a, c * 999, 6));
    mixin(_mm_cvtsi128_si32(b)); mix128(_mm_move_epi64(a));
  }
  printf("int ops   %08x\n", h);
}

/* -mfpmath=sse scalar code (the whole file is built with -msse2 -mfpmath=sse) */
static void scalar_code(void) {
  volatile double acc = 0, p = 1;
  volatile float facc = 0;
  for (int i = 1; i <= 2000; i++) {
    acc += 1.0 / i;
    p *= 1.0 + 1.0 / (i * 7.0);
    facc += (float)i / 3.0f;
  }
  printf("series %.17g %.17g %.9g\n", acc, p, facc);
  volatile double x = 2.0;
  for (int i = 0; i < 6; i++) x = (x + 2.0 / x) / 2;
  printf("newton %.17g %a\n", x, x);
  const char *in[] = {"0.1", "1e-310", "2.2250738585072011e-308", "1.7976931348623157e308", "-0", "3.14159265358979323846", "1e23"};
  for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
    double d = strtod(in[i], 0);
    float f = strtof(in[i], 0);
    printf("strtod %s -> %.17g %a / %.9g %a -> %d %lld\n", in[i], d, d, f, f, (int)d, (long long)(d * 1e-300));
  }
  volatile double big = 3e9, neg = -2.5, half = 0.5;
  printf("casts %d %d %u %d %lld\n", (int)neg, (int)half, (unsigned)big, (int)(float)big, (long long)(big * 4));
}

/* ---- unmasked exceptions ----------------------------------------------------------------------------------------- */
static volatile int got;
static void on_fpe(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  unsigned char *fp = (unsigned char *)uc->uc_mcontext.fpregs;
  uint32_t *mx = (uint32_t *)(fp + 136); /* struct _fpstate_32: mxcsr in the fxsave part */
  printf("  SIGFPE %d code %d saved mxcsr %04x\n", sig, si->si_code, *mx);
  *mx |= 0x1f80; /* mask everything: the instruction completes when we return */
  got++;
}
static void unmasked(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fpe;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGFPE, &sa, 0);
  static const struct { const char *what; unsigned csr; uint32_t a, b; int op; } T[] = {
      {"IE 0/0", 0x1f00, 0, 0, 0}, {"ZE 1/0", 0x1d80, 0x3f800000, 0, 0}, {"OE max*2", 0x1b80, 0x7f7fffff, 0x40000000, 1},
      {"UE min/3", 0x1780, 0x00800000, 0x40400000, 0}, {"PE 1/3", 0x0f80, 0x3f800000, 0x40400000, 0},
      {"DE den*1", 0x1e80, 0x00000010, 0x3f800000, 1}, {"UE exact tiny", 0x1780, 0x00800000, 0x3f000000, 1},
      {"masked PE", 0x1f80, 0x3f800000, 0x40400000, 0}, {"IE snan+1", 0x1f00, 0x7f800001, 0x3f800000, 2},
      {"PE only", 0x0f80, 0x3f800000, 0x40400000, 2},
  };
  for (unsigned i = 0; i < sizeof T / sizeof T[0]; i++) {
    got = 0;
    __m128 a = _mm_castsi128_ps(_mm_cvtsi32_si128(T[i].a)), b = _mm_castsi128_ps(_mm_cvtsi32_si128(T[i].b)), r;
    _mm_setcsr(T[i].csr);
    if (T[i].op == 0) r = _mm_div_ss(a, b);
    else if (T[i].op == 1) r = _mm_mul_ss(a, b);
    else r = _mm_add_ss(a, b);
    unsigned after = _mm_getcsr();
    _mm_setcsr(0x1f80);
    printf("%-14s signals %d result %08x mxcsr after %04x\n", T[i].what, got, _mm_cvtsi128_si32(_mm_castps_si128(r)), after);
  }
}

int main(void) {
  setvbuf(stdout, 0, _IOLBF, 0);
  float_ops();
  int_ops();
  scalar_code();
  unmasked();
  return 0;
}
