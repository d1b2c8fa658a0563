/* int-mix: integer arithmetic mix.
 * Sieve of Eratosthenes, table-driven CRC32, FNV-1a + xorshift hashing,
 * and shell/insertion sorting of a local int array.
 * Usage: int-mix [scale]   (default scale 1 = runner workload)
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define SIEVE_N 200000
#define BUF_N 16384
#define SORT_N 4000

static unsigned char sieve_buf[SIEVE_N + 1];
static uint32_t crc_table[256];
static unsigned char data[BUF_N];

static uint32_t sieve(void)
{
    uint32_t count = 0, sum = 0;
    memset(sieve_buf, 1, sizeof sieve_buf);
    sieve_buf[0] = sieve_buf[1] = 0;
    for (uint32_t i = 2; i * i <= SIEVE_N; i++)
        if (sieve_buf[i])
            for (uint32_t j = i * i; j <= SIEVE_N; j += i)
                sieve_buf[j] = 0;
    for (uint32_t i = 0; i <= SIEVE_N; i++)
        if (sieve_buf[i]) { count++; sum += i; }
    return count ^ (sum << 3);
}

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32(const unsigned char *p, size_t len, uint32_t crc)
{
    crc = ~crc;
    while (len--)
        crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t xs_state = 2463534242u;
static uint32_t xorshift32(void)
{
    uint32_t x = xs_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return xs_state = x;
}

static uint32_t fnv1a(const unsigned char *p, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

/* some division / modulo / 64-bit multiply to exercise those paths */
static uint32_t arith(uint32_t seed, int n)
{
    uint32_t a = seed | 1, b = 0;
    uint64_t acc = 0;
    for (int i = 1; i <= n; i++) {
        a = a * 1103515245u + 12345u;
        b += (a >> 7) % (uint32_t)(i | 3);
        b ^= (a / (uint32_t)(i + 7));
        acc += (uint64_t)a * (uint64_t)(b | 1);
        int32_t s = (int32_t)a >> 3;
        b += (uint32_t)(s / 5) + (uint32_t)(s % 11);
    }
    return b ^ (uint32_t)acc ^ (uint32_t)(acc >> 32);
}

static void shell_sort(int32_t *a, int n)
{
    static const int gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };
    for (unsigned g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        int gap = gaps[g];
        for (int i = gap; i < n; i++) {
            int32_t t = a[i];
            int j = i;
            while (j >= gap && a[j - gap] > t) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = t;
        }
    }
}

static uint32_t sort_round(void)
{
    int32_t arr[SORT_N];
    for (int i = 0; i < SORT_N; i++)
        arr[i] = (int32_t)xorshift32() >> 4;
    shell_sort(arr, SORT_N);
    uint32_t h = 0;
    for (int i = 0; i < SORT_N; i++) {
        if (i && arr[i - 1] > arr[i]) return 0xdeadbeef; /* not sorted */
        h = h * 31 + (uint32_t)arr[i];
    }
    return h;
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    if (scale < 1) scale = 1;
    int rounds = 360 * scale;
    uint32_t chk = 0;

    crc_init();
    for (int r = 0; r < rounds; r++) {
        chk ^= sieve() + (uint32_t)r;

        for (int i = 0; i < BUF_N; i++)
            data[i] = (unsigned char)xorshift32();
        uint32_t crc = 0;
        for (int k = 0; k < 4; k++)
            crc = crc32(data, BUF_N, crc);
        chk = (chk << 5 | chk >> 27) ^ crc;

        uint32_t h = 0;
        for (int k = 0; k < 4; k++)
            h ^= fnv1a(data + k * 64, BUF_N - k * 64);
        chk += h;

        chk ^= arith(chk, 20000);
        chk += sort_round();
    }
    printf("int-mix: rounds=%d checksum=%08x\n", rounds, chk);
    return 0;
}
