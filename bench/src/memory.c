/* memory: libc string/memory routines and qsort.
 * memcpy/memmove/memset/strlen/strcmp/memcmp over buffers of many sizes,
 * plus qsort of an array of structs with a comparison callback.
 * Usage: memory [scale]
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define BUF 65536
#define NREC 20000

static char src[BUF + 64], dst[BUF + 64];

struct rec {
    uint32_t key;
    int16_t  group;
    char     name[10];
};

static struct rec recs[NREC];
static uint32_t rng = 88172645u;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static int cmp_rec(const void *pa, const void *pb)
{
    const struct rec *a = pa, *b = pb;
    if (a->group != b->group) return a->group - b->group;
    int c = strcmp(a->name, b->name);
    if (c) return c;
    return (a->key > b->key) - (a->key < b->key);
}

/* small buffers are forced through out-of-line calls via volatile pointers */
static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static size_t (*volatile p_strlen)(const char *) = strlen;
static int (*volatile p_strcmp)(const char *, const char *) = strcmp;

static uint32_t string_round(int r)
{
    static const unsigned sizes[] = { 1, 3, 8, 15, 16, 31, 64, 100, 255, 1024, 4000, 16384, BUF };
    uint32_t h = 0;
    for (unsigned si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        unsigned n = sizes[si];
        unsigned reps = (BUF * 2) / n;
        if (reps > 4000) reps = 4000;
        for (unsigned k = 0; k < reps; k++) {
            unsigned off = (k + r) & 7;
            p_memset(dst + off, 'a' + (k % 26), n);
            dst[off + n] = 0;
            p_memcpy(src + ((k * 3) & 15), dst + off, n + 1);
            h += (uint32_t)p_strlen(src + ((k * 3) & 15));
            h ^= (uint32_t)(p_strcmp(src + ((k * 3) & 15), dst + off) + 1) << (k & 7);
        }
    }
    /* strings differing near the end */
    memset(src, 'x', BUF); src[BUF] = 0;
    memcpy(dst, src, BUF + 1);
    dst[BUF - 1 - (r & 15)] = 'y';
    for (int k = 0; k < 8; k++)
        h += (uint32_t)(p_strcmp(src, dst) < 0) + (uint32_t)(memcmp(src, dst, BUF) < 0) * 2;
    memmove(src + 1, src, BUF - 1);
    h += (uint32_t)strlen(src);
    return h;
}

static uint32_t sort_round(void)
{
    for (int i = 0; i < NREC; i++) {
        uint32_t x = next();
        recs[i].key = x;
        recs[i].group = (int16_t)(x % 17);
        for (int j = 0; j < 9; j++)
            recs[i].name[j] = 'a' + (char)((x >> (j * 3)) % 4);
        recs[i].name[9] = 0;
    }
    qsort(recs, NREC, sizeof recs[0], cmp_rec);
    uint32_t h = 0;
    for (int i = 0; i < NREC; i++) {
        if (i && cmp_rec(&recs[i - 1], &recs[i]) > 0) return 0xdeadbeef;
        h = h * 33 + recs[i].key;
    }
    return h;
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    if (scale < 1) scale = 1;
    int rounds = 60 * scale;
    uint32_t chk = 0;
    for (int r = 0; r < rounds; r++) {
        chk = (chk << 7 | chk >> 25) ^ string_round(r);
        chk += sort_round();
    }
    printf("memory: rounds=%d checksum=%08x\n", rounds, chk);
    return 0;
}
