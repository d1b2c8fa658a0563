/* arith.c - integer arithmetic in portable C over a table of edge values: 32- and 64-bit
 * add/sub/mul, signed and unsigned division and remainder (armel has no divide instruction:
 * libgcc's __aeabi_*div*), shifts by variable amounts, rotates, count-leading/trailing zeros,
 * population count, byte swaps, saturating-style clamps and comparisons. One line per value. */
#include <stdint.h>
#include <stdio.h>

static const uint32_t v32[] = {0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
                               0x12345678, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xdeadbeef};
static const uint64_t v64[] = {0, 1, 0xffffffff, 0x100000000ULL, 0x123456789abcdefULL, 0x7fffffffffffffffULL,
                               0x8000000000000000ULL, 0xffffffffffffffffULL, 0xfedcba9876543210ULL, 1000000007ULL};
#define N32 (sizeof v32 / sizeof v32[0])
#define N64 (sizeof v64 / sizeof v64[0])

/* keep the compiler from folding the operations */
static volatile uint32_t sink32;
static uint32_t opaque32(uint32_t v) { sink32 = v; return sink32; }
static volatile uint64_t sink64;
static uint64_t opaque64(uint64_t v) { sink64 = v; return sink64; }

int main(void)
{
    uint32_t h = 0;
    for (unsigned i = 0; i < N32; i++) {
        for (unsigned j = 0; j < N32; j++) {
            uint32_t a = opaque32(v32[i]), b = opaque32(v32[j]);
            int32_t sa = (int32_t)a, sb = (int32_t)b;
            uint32_t q = b ? a / b : 0, r = b ? a % b : 0;
            int32_t sq = (b && !(sa == INT32_MIN && sb == -1)) ? sa / sb : 0;
            int32_t sr = (b && !(sa == INT32_MIN && sb == -1)) ? sa % sb : 0;
            uint64_t m = (uint64_t)a * b;
            int64_t sm = (int64_t)sa * sb;
            printf("%08x %08x: add %08x sub %08x mul %08x umull %016llx smull %016llx udiv %08x urem %08x sdiv %d srem %d "
                   "shl %08x lsr %08x asr %08x ror %08x lt %d%d\n",
                   a, b, a + b, a - b, a * b, (unsigned long long)m, (unsigned long long)sm, q, r, sq, sr,
                   a << (b & 31), a >> (b & 31), (uint32_t)(sa >> (b & 31)), (a >> (b & 31)) | (a << ((32 - (b & 31)) & 31)),
                   a < b, sa < sb);
            h = h * 31 + a * b + q;
        }
        uint32_t a = opaque32(v32[i]);
        printf("%08x: clz %d ctz %d popcount %d bswap %08x bswap16 %04x sxtb %d sxth %d uxtb %u uxth %u rev-bits %08x\n", a,
               a ? __builtin_clz(a) : 32, a ? __builtin_ctz(a) : 32, __builtin_popcount(a), __builtin_bswap32(a),
               __builtin_bswap16((uint16_t)a), (int8_t)a, (int16_t)a, (uint8_t)a, (uint16_t)a,
               ({ uint32_t x = a, y = 0; for (int k = 0; k < 32; k++) { y = (y << 1) | (x & 1); x >>= 1; } y; }));
    }
    for (unsigned i = 0; i < N64; i++) {
        for (unsigned j = 0; j < N64; j++) {
            uint64_t a = opaque64(v64[i]), b = opaque64(v64[j]);
            int64_t sa = (int64_t)a, sb = (int64_t)b;
            uint64_t q = b ? a / b : 0, r = b ? a % b : 0;
            int64_t sq = (b && !(sa == INT64_MIN && sb == -1)) ? sa / sb : 0;
            int64_t sr = (b && !(sa == INT64_MIN && sb == -1)) ? sa % sb : 0;
            printf("%016llx %016llx: add %016llx mul %016llx udiv %016llx urem %016llx sdiv %lld srem %lld shl %016llx asr %016llx\n",
                   (unsigned long long)a, (unsigned long long)b, (unsigned long long)(a + b), (unsigned long long)(a * b),
                   (unsigned long long)q, (unsigned long long)r, (long long)sq, (long long)sr,
                   (unsigned long long)(a << (b & 63)), (unsigned long long)(sa >> (b & 63)));
        }
    }
    printf("hash %08x\n", h);
    return 0;
}
