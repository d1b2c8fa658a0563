/* bitops.c - bit tests, bit scans, bswap, setcc/cmovcc (all 16 conditions),
 * xchg/xadd/cmpxchg/cmpxchg8b, lahf/sahf, pushf/popf, flag instructions,
 * sign/zero extension, lea addressing forms, enter/leave, BCD adjust,
 * cpuid and rdtsc (sanity only). */
#include "common.h"

static const uint32_t V[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
                             0x7fffffff, 0x80000000, 0xffffffff, 0x12345678};
#define NV (sizeof V / sizeof V[0])

/* ---------------------------------------------------------------- bt*
 * Only CF is compared: Intel leaves ZF unchanged, AMD documents it as
 * undefined. */
static uint32_t bitbuf[8];
#define BT_REG(op, sfx, T, bits)                                                                   \
    for (unsigned i = 0; i < NV; i++)                                                              \
        for (int off = -33; off <= 70; off += 7) {                                                 \
            T a = (T)V[i];                                                                         \
            T o = (T)off;                                                                          \
            uint32_t f;                                                                            \
            __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %[o],%[a]\n\tpushf\n\tpop %[f]"  \
                             : [a] "+r"(a), [f] "=&r"(f) : [o] "r"(o), [fin] "r"(i & 1 ? FIN_ALL : FIN_NONE) : "cc"); \
            printf(#op "%d.rr(%0*x,%d): %0*x %s\n", bits, HEXW(bits), V[i], off, HEXW(bits),      \
                   (uint32_t)a, fstr(f, F_CF));                                             \
        }

#define BT_MEM(op, sfx, T, bits)                                                                   \
    for (int off = -64; off <= 127; off += 9) {                                                    \
        uint32_t f;                                                                                \
        for (int k = 0; k < 8; k++)                                                                \
            bitbuf[k] = 0x9abcdef0u * (k + 1) ^ 0x13579bdfu;                                       \
        T o = (T)off;                                                                              \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " %[o],(%[p])\n\tpushf\n\tpop %[f]"    \
                         : [f] "=&r"(f) : [o] "r"(o), [p] "r"((char *)bitbuf + 12),                \
                           [fin] "r"(off & 1 ? FIN_ALL : FIN_NONE) : "cc", "memory");              \
        printf(#op "%d.mr(off=%d): %08x %08x %08x %08x %08x %08x %08x %08x %s\n", bits, off,       \
               bitbuf[0], bitbuf[1], bitbuf[2], bitbuf[3], bitbuf[4], bitbuf[5], bitbuf[6],        \
               bitbuf[7], fstr(f, F_CF));                                                   \
    }

#define BT_IMM(op, sfx, bits, imm)                                                                  \
    {                                                                                               \
        uint32_t f;                                                                                 \
        for (int k = 0; k < 8; k++)                                                                 \
            bitbuf[k] = 0x9abcdef0u * (k + 1) ^ 0x13579bdfu;                                        \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op #sfx " $" #imm ",(%[p])\n\tpushf\n\tpop %[f]" \
                         : [f] "=&r"(f) : [p] "r"((char *)bitbuf + 12), [fin] "r"(FIN_NONE)         \
                         : "cc", "memory");                                                         \
        printf(#op "%d.mi($" #imm "): %08x %08x %08x %s\n", bits, bitbuf[2], bitbuf[3], bitbuf[4], \
               fstr(f, F_CF));                                                               \
        uint32_t r = 0x5555aaaa;                                                                    \
        __asm__ volatile("push %[fin]\n\tpopf\n\t" #op "l $" #imm ",%[r]\n\tpushf\n\tpop %[f]"      \
                         : [r] "+r"(r), [f] "=&r"(f) : [fin] "r"(FIN_ALL) : "cc");                  \
        printf(#op "32.ri($" #imm "): %08x %s\n", r, fstr(f, F_CF));                         \
    }

#define BT_ALL(op)                                 \
    BT_REG(op, w, uint16_t, 16)                    \
    BT_REG(op, l, uint32_t, 32)                    \
    BT_MEM(op, w, int16_t, 16)                     \
    BT_MEM(op, l, int32_t, 32)                     \
    BT_IMM(op, w, 16, 3) BT_IMM(op, w, 16, 21)     \
    BT_IMM(op, l, 32, 0) BT_IMM(op, l, 32, 31) BT_IMM(op, l, 32, 45)

static void test_bt(void)
{
    BT_ALL(bt)
    BT_ALL(bts)
    BT_ALL(btr)
    BT_ALL(btc)
}

/* ---------------------------------------------------------------- bsf/bsr/bswap */
static void test_scan(void)
{
    for (unsigned i = 0; i < NV; i++) {
        uint32_t a = V[i], r = 0xdeadbeef, f;
        __asm__ volatile("bsfl %[a],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(r), [f] "=r"(f) : [a] "rm"(a) : "cc");
        printf("bsf32(%08x): %s\n", a, fstr(f, F_ZF));
        if (a)
            printf("bsf32(%08x) = %u\n", a, r);
        __asm__ volatile("bsrl %[a],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(r), [f] "=r"(f) : [a] "rm"(a) : "cc");
        printf("bsr32(%08x): %s\n", a, fstr(f, F_ZF));
        if (a)
            printf("bsr32(%08x) = %u\n", a, r);
        uint16_t w = (uint16_t)(a >> 4), rw = 0x1111;
        __asm__ volatile("bsfw %[a],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(rw), [f] "=r"(f) : [a] "r"(w) : "cc");
        printf("bsf16(%04x): %s", w, fstr(f, F_ZF));
        if (w)
            printf(" = %u", rw);
        __asm__ volatile("bsrw %[a],%[r]\n\tpushf\n\tpop %[f]" : [r] "+r"(rw), [f] "=r"(f) : [a] "r"(w) : "cc");
        printf("; bsr16: %s", fstr(f, F_ZF));
        if (w)
            printf(" = %u", rw);
        printf("\n");
        uint32_t b = a;
        __asm__ volatile("bswap %0" : "+r"(b));
        printf("bswap(%08x): %08x\n", a, b);
    }
    uint32_t b = 0x11223344;
    __asm__ volatile("bswap %%esi" : "+S"(b));
    printf("bswap(esi): %08x\n", b);
}

/* ---------------------------------------------------------------- setcc / jcc / cmovcc */
#define SETCC(cc, bit)                                                                          \
    __asm__ volatile("cmpl %[b],%[a]\n\tset" #cc " %[r]" : [r] "=q"(r8) : [a] "r"(a), [b] "r"(b) : "cc"); \
    set |= (uint32_t)r8 << bit;                                                                 \
    __asm__ volatile("cmpl %[b],%[a]\n\tmovl $0,%[r]\n\tj" #cc " 1f\n\tjmp 2f\n1:\tmovl $1,%[r]\n2:" \
                     : [r] "=&r"(r32) : [a] "r"(a), [b] "r"(b) : "cc");                            \
    jcc |= r32 << bit;                                                                          \
    __asm__ volatile("movl $0,%[r]\n\tcmpl %[b],%[a]\n\tcmov" #cc "l %[one],%[r]"                \
                     : [r] "=&r"(r32) : [a] "r"(a), [b] "r"(b), [one] "rm"(one) : "cc");          \
    cmov |= r32 << bit;                                                                         \
    r16 = 0x1111;                                                                               \
    __asm__ volatile("cmpl %[b],%[a]\n\tcmov" #cc "w (%[p]),%[r]"                                \
                     : [r] "+r"(r16) : [a] "r"(a), [b] "r"(b), [p] "r"(&m16) : "cc", "memory");   \
    cmov16 |= (uint32_t)(r16 == 0x2222) << bit;

static void test_cc(void)
{
    static const char *names = "o no b ae e ne be a s ns p np l ge le g";
    printf("cc order: %s\n", names);
    static uint16_t m16 = 0x2222;
    uint32_t one = 1;
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            uint32_t a = V[i], b = V[j], set = 0, jcc = 0, cmov = 0, cmov16 = 0, r32;
            uint8_t r8;
            uint16_t r16;
            SETCC(o, 0) SETCC(no, 1) SETCC(b, 2) SETCC(ae, 3) SETCC(e, 4) SETCC(ne, 5)
            SETCC(be, 6) SETCC(a, 7) SETCC(s, 8) SETCC(ns, 9) SETCC(p, 10) SETCC(np, 11)
            SETCC(l, 12) SETCC(ge, 13) SETCC(le, 14) SETCC(g, 15)
            printf("cc(cmp %08x,%08x): set=%04x jcc=%04x cmov=%04x cmov16=%04x\n", a, b, set, jcc, cmov, cmov16);
        }
    /* jcc with rel32 displacement (0f 8x) over a large block */
    uint32_t taken = 0;
    for (int k = 0; k < 4; k++) {
        uint32_t t;
        __asm__ volatile("cmpl $2,%[k]\n\tmovl $0,%[t]\n\tjl 1f\n\t.fill 300,1,0x90\n\tmovl $1,%[t]\n1:"
                         : [t] "=&r"(t) : [k] "r"(k) : "cc");
        taken |= t << k;
    }
    printf("jl rel32 fallthrough mask: %x\n", taken);
}

/* ---------------------------------------------------------------- xchg/xadd/cmpxchg */
static void test_xchg(void)
{
    static uint32_t m = 0x11111111;
    static uint64_t m64 = 0x1111111122222222ull;
    uint32_t a = 0xaaaaaaaa, b = 0xbbbbbbbb, f;
    __asm__ volatile("xchgl %0,%1" : "+r"(a), "+r"(b));
    printf("xchg rr: %08x %08x\n", a, b);
    __asm__ volatile("xchgl %0,(%1)" : "+r"(a) : "r"(&m) : "memory");
    printf("xchg rm: %08x %08x\n", a, m);
    uint32_t ax = 0x1234, dx = 0x5678;
    __asm__ volatile("xchgw %%ax,%%dx" : "+a"(ax), "+d"(dx));
    printf("xchgw ax,dx: %08x %08x\n", ax, dx);
    uint8_t c1 = 0x12, c2 = 0x34;
    __asm__ volatile("xchgb %0,%1" : "+q"(c1), "+q"(c2));
    printf("xchgb: %02x %02x\n", c1, c2);
    __asm__ volatile("xchgl %%eax,%%eax" ::: "memory"); /* nop */

    for (unsigned i = 0; i < NV; i += 2) {
        uint32_t x = V[i], y = V[NV - 1 - i];
        __asm__ volatile("xaddl %[y],%[x]\n\tpushf\n\tpop %[f]" : [x] "+r"(x), [y] "+r"(y), [f] "=r"(f) :: "cc");
        printf("xadd32(%08x,%08x): dst=%08x src=%08x %s\n", V[i], V[NV - 1 - i], x, y, fstr(f, F_ARITH));
        m = V[i];
        y = V[NV - 1 - i];
        __asm__ volatile("lock xaddl %[y],(%[p])\n\tpushf\n\tpop %[f]" : [y] "+r"(y), [f] "=r"(f) : [p] "r"(&m) : "cc", "memory");
        printf("lock xadd32.m: dst=%08x src=%08x %s\n", m, y, fstr(f, F_ARITH));
        uint8_t bx = V[i], by = V[NV - 1 - i];
        __asm__ volatile("xaddb %[y],%[x]\n\tpushf\n\tpop %[f]" : [x] "+q"(bx), [y] "+q"(by), [f] "=r"(f) :: "cc");
        printf("xadd8: dst=%02x src=%02x %s\n", bx, by, fstr(f, F_ARITH));
    }
    /* cmpxchg: equal and not equal cases */
    for (int k = 0; k < 2; k++) {
        m = 0x12345678;
        uint32_t eax = k ? 0x12345678 : 0x87654321, nv = 0xcafebabe;
        __asm__ volatile("lock cmpxchgl %[n],(%[p])\n\tpushf\n\tpop %[f]" : "+a"(eax), [f] "=r"(f) : [n] "r"(nv), [p] "r"(&m) : "cc", "memory");
        printf("cmpxchg32.m(eq=%d): mem=%08x eax=%08x %s\n", k, m, eax, fstr(f, F_ARITH));
        uint32_t r = 0x55;
        eax = k ? 0x55 : 0x56;
        __asm__ volatile("cmpxchgb %b[n],%b[r]\n\tpushf\n\tpop %[f]" : "+a"(eax), [r] "+q"(r), [f] "=r"(f) : [n] "q"(0xaa) : "cc");
        printf("cmpxchg8.r(eq=%d): r=%02x eax=%08x %s\n", k, r, eax, fstr(f, F_ARITH));
        uint16_t r16 = 0x8000;
        eax = k ? 0xffff8000 : 0x7fff;
        __asm__ volatile("cmpxchgw %[n],%[r]\n\tpushf\n\tpop %[f]" : "+a"(eax), [r] "+r"(r16), [f] "=r"(f) : [n] "r"((uint16_t)0x4321) : "cc");
        printf("cmpxchg16.r(eq=%d): r=%04x eax=%08x %s\n", k, r16, eax, fstr(f, F_ARITH));
        /* cmpxchg8b: edx:eax vs m64; on success m64 = ecx:ebx */
        uint32_t lo = k ? 0x22222222 : 0, hi = k ? 0x11111111 : 0;
        m64 = 0x1111111122222222ull;
        static uint32_t f8b;
        __asm__ volatile("pushl %[fin]\n\tpopf\n\t"
                         "lock cmpxchg8b (%[p])\n\tpushf\n\tpopl %[f]"
                         : "+a"(lo), "+d"(hi), [f] "=m"(f8b)
                         : "c"(0x33333333), "b"(0x44444444), [p] "D"(&m64), [fin] "i"(FIN_ALL & ~F_ZF)
                         : "cc", "memory");
        f = f8b;
        printf("cmpxchg8b(eq=%d): mem=%016llx edx:eax=%08x:%08x %s\n", k, (unsigned long long)m64, hi, lo,
               fstr(f, F_ARITH));
    }
}

/* ---------------------------------------------------------------- flags instructions */
static void test_flags(void)
{
    for (int ah = 0; ah < 256; ah += 5) {
        uint32_t f, ax = (uint32_t)ah << 8, ax2;
        __asm__ volatile("sahf\n\tpushf\n\tpop %[f]\n\tmovl $0,%%eax\n\tlahf\n\tmovl %%eax,%[r]"
                         : [f] "=&r"(f), [r] "=&r"(ax2), "+a"(ax) :: "cc");
        printf("sahf(%02x): %s lahf=%02x\n", ah, fstr(f, F_ARITH & ~F_OF), (ax2 >> 8) & 0xff);
    }
    static const uint32_t P[] = {0x002, 0x0cd7, 0x0ed7, 0x0402, 0x0028, 0x8002, 0x0001};
    for (unsigned i = 0; i < sizeof P / sizeof P[0]; i++) {
        uint32_t f;
        __asm__ volatile("push %[p]\n\tpopf\n\tpushf\n\tpop %[f]\n\tcld" : [f] "=r"(f) : [p] "r"(P[i]) : "cc");
        printf("popf(%04x): pushf=%04x\n", P[i], f & 0xfff);
    }
    uint32_t f1, f2, f3, f4, f5, f6;
    __asm__ volatile("stc\n\tpushf\n\tpop %0\n\tclc\n\tpushf\n\tpop %1\n\tcmc\n\tpushf\n\tpop %2\n\t"
                     "cmc\n\tpushf\n\tpop %3\n\tstd\n\tpushf\n\tpop %4\n\tcld\n\tpushf\n\tpop %5"
                     : "=r"(f1), "=r"(f2), "=r"(f3), "=r"(f4), "=r"(f5), "=r"(f6) :: "cc");
    printf("stc: cf=%u clc: cf=%u cmc: cf=%u cmc: cf=%u std: df=%u cld: df=%u\n", f1 & 1, f2 & 1, f3 & 1,
           f4 & 1, (f5 >> 10) & 1, (f6 >> 10) & 1);
    /* pushf/popf 16-bit forms */
    uint32_t w;
    __asm__ volatile("pushl $0x2\n\tpopf\n\tstc\n\tpushfw\n\tpopw %w0\n\tandl $0xffff,%0\n\tpushw $0x0ac2\n\tpopfw\n\tpushf\n\tpopl %1\n\tcld"
                     : "=r"(w), "=r"(f1) :: "cc");
    printf("pushfw: %04x popfw(0ac2): %04x\n", w & 0x8d5, f1 & 0xfff);
}

/* ---------------------------------------------------------------- extension / moves */
static void test_ext(void)
{
    static const uint32_t X[] = {0, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x12348765, 0xffffff80};
    for (unsigned i = 0; i < sizeof X / sizeof X[0]; i++) {
        uint32_t a = X[i], d = 0x5555;
        uint32_t r1 = a, r2 = a, r3 = a, r4;
        __asm__ volatile("cbtw" : "+a"(r1));
        __asm__ volatile("cwtl" : "+a"(r2));
        __asm__ volatile("cwtd" : "+a"(r3), "+d"(d));
        uint32_t r5 = a, d2;
        __asm__ volatile("cltd" : "+a"(r5), "=d"(d2));
        printf("cbw/cwde/cwd/cdq(%08x): %08x %08x dx=%08x edx=%08x\n", a, r1, r2, d, d2);
        uint32_t zb, sb, zw, sw;
        uint16_t zbw, sbw;
        __asm__("movzbl %b1,%0" : "=r"(zb) : "q"(a));
        __asm__("movsbl %b1,%0" : "=r"(sb) : "q"(a));
        __asm__("movzwl %w1,%0" : "=r"(zw) : "r"(a));
        __asm__("movswl %w1,%0" : "=r"(sw) : "r"(a));
        __asm__("movzbw %b1,%0" : "=r"(zbw) : "q"(a));
        __asm__("movsbw %b1,%0" : "=r"(sbw) : "q"(a));
        printf("movzx/movsx(%08x): zb=%08x sb=%08x zw=%08x sw=%08x zbw=%04x sbw=%04x\n", a, zb, sb, zw, sw, zbw, sbw);
        static uint32_t m;
        m = a;
        __asm__("movzbl 1(%1),%0" : "=r"(r4) : "r"(&m), "m"(m));
        __asm__("movswl 2(%1),%0" : "=r"(r1) : "r"(&m), "m"(m));
        printf("movzx/movsx mem(%08x): zb1=%08x sw2=%08x\n", a, r4, r1);
    }
}

/* ---------------------------------------------------------------- lea */
static void test_lea(void)
{
    uint32_t b = 0x10000, i = 0x30, r;
    __asm__("leal 0x12345678,%0" : "=r"(r));
    printf("lea disp32: %08x\n", r);
    __asm__("leal (%1),%0" : "=r"(r) : "r"(b));
    printf("lea (b): %08x\n", r);
    __asm__("leal 0x7f(%1),%0" : "=r"(r) : "r"(b));
    printf("lea d8(b): %08x\n", r);
    __asm__("leal -0x80(%1),%0" : "=r"(r) : "r"(b));
    printf("lea -d8(b): %08x\n", r);
    __asm__("leal 0x12345(%1),%0" : "=r"(r) : "r"(b));
    printf("lea d32(b): %08x\n", r);
    __asm__("leal (%1,%2),%0" : "=r"(r) : "r"(b), "r"(i));
    printf("lea (b,i): %08x\n", r);
    __asm__("leal (%1,%2,2),%0" : "=r"(r) : "r"(b), "r"(i));
    printf("lea (b,i,2): %08x\n", r);
    __asm__("leal 5(%1,%2,4),%0" : "=r"(r) : "r"(b), "r"(i));
    printf("lea 5(b,i,4): %08x\n", r);
    __asm__("leal -0x1000(%1,%2,8),%0" : "=r"(r) : "r"(b), "r"(i));
    printf("lea -0x1000(b,i,8): %08x\n", r);
    __asm__("leal 0x100(,%1,8),%0" : "=r"(r) : "r"(i));
    printf("lea 0x100(,i,8): %08x\n", r);
    __asm__("leal (,%1,1),%0" : "=r"(r) : "r"(i));
    printf("lea (,i,1): %08x\n", r);
    __asm__("leal -1(%1,%1,2),%0" : "=r"(r) : "r"(i));
    printf("lea -1(i,i,2): %08x\n", r);
    __asm__("movl %%esp,%%edx\n\tleal 8(%%esp),%0\n\tsubl %%edx,%0" : "=r"(r) :: "edx");
    printf("lea 8(esp)-esp: %d\n", r);
    __asm__("movl %%esp,%%edx\n\tleal 4(%%esp,%1,4),%0\n\tsubl %%edx,%0" : "=r"(r) : "r"(3) : "edx");
    printf("lea 4(esp,3,4)-esp: %d\n", r);
    __asm__("push %%ebp\n\tmovl %1,%%ebp\n\tleal (%%ebp),%0\n\tpop %%ebp" : "=r"(r) : "r"(b));
    printf("lea (ebp): %08x\n", r);
    __asm__("push %%ebp\n\tmovl %1,%%ebp\n\tleal 0x40(%%ebp,%2,2),%0\n\tpop %%ebp" : "=r"(r) : "r"(b), "r"(i));
    printf("lea 0x40(ebp,i,2): %08x\n", r);
    __asm__("leal 0xfffffff0(%1),%0" : "=r"(r) : "r"(8));
    printf("lea wraparound: %08x\n", r);
    uint16_t r16;
    __asm__("leaw 0x10(%1,%2,4),%0" : "=r"(r16) : "r"(0xfff0), "r"(0x8000));
    printf("leaw 0x10(b,i,4): %04x\n", r16);
}

/* ---------------------------------------------------------------- enter/leave */
/* enter_L_S(out): runs "enter $S,$L" on a fake frame F whose words at
 * F-4/F-8 hold markers, then leave.  out[]: 0 esp_before-ebp, 1 ebp-esp,
 * 2 saved_ebp-F, 3..5 words at ebp-4/-8/-12, 6 ebp after leave - F,
 * 7 esp after leave - esp before, 8 new ebp (to relativize link words). */
#define ENTER_FN(name, size, level)                                              \
    void name(uint32_t *out);                                                    \
    __asm__(".text\n.globl " #name "\n" #name ":\n"                              \
            "\tpushl %ebp\n\tmovl %esp,%ebp\n\tpushl %ebx\n\tpushl %esi\n\tpushl %edi\n" \
            "\tmovl 8(%ebp),%esi\n\tmovl %ebp,%edi\n"                            \
            "\tsubl $0x40,%esp\n\tleal 0x20(%esp),%ebx\n"                        \
            "\tmovl $0x11110000,-4(%ebx)\n\tmovl $0x22220000,-8(%ebx)\n"          \
            "\tmovl %ebx,%ebp\n\tmovl %esp,%ecx\n"                               \
            "\tenter $" #size ",$" #level "\n"                                   \
            "\tmovl %ecx,%eax\n\tsubl %ebp,%eax\n\tmovl %eax,0(%esi)\n"          \
            "\tmovl %ebp,%eax\n\tsubl %esp,%eax\n\tmovl %eax,4(%esi)\n"          \
            "\tmovl 0(%ebp),%eax\n\tsubl %ebx,%eax\n\tmovl %eax,8(%esi)\n"       \
            "\tmovl -4(%ebp),%eax\n\tmovl %eax,12(%esi)\n"                        \
            "\tmovl -8(%ebp),%eax\n\tmovl %eax,16(%esi)\n"                        \
            "\tmovl -12(%ebp),%eax\n\tmovl %eax,20(%esi)\n"                       \
            "\tmovl %ebp,32(%esi)\n"                                               \
            "\tleave\n"                                                          \
            "\tmovl %ebp,%eax\n\tsubl %ebx,%eax\n\tmovl %eax,24(%esi)\n"         \
            "\tmovl %esp,%eax\n\tsubl %ecx,%eax\n\tmovl %eax,28(%esi)\n"         \
            "\tmovl %edi,%ebp\n\tleal -12(%ebp),%esp\n"                          \
            "\tpopl %edi\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret\n");
ENTER_FN(enter_0_0, 0, 0)
ENTER_FN(enter_16_0, 16, 0)
ENTER_FN(enter_8_1, 8, 1)
ENTER_FN(enter_4_2, 4, 2)
ENTER_FN(enter_12_3, 12, 3)

static void test_enter(void)
{
    static struct { const char *n; void (*fn)(uint32_t *); int level; } E[] = {
        {"enter 0,0", enter_0_0, 0}, {"enter 16,0", enter_16_0, 0}, {"enter 8,1", enter_8_1, 1},
        {"enter 4,2", enter_4_2, 2}, {"enter 12,3", enter_12_3, 3}};
    for (unsigned k = 0; k < 5; k++) {
        uint32_t o[9];
        E[k].fn(o);
        printf("%s: esp_minus_ebp=%d frame=%d saved_ok=%s", E[k].n, (int)o[0], (int)o[1], o[2] == 0 ? "yes" : "no");
        for (int w = 0; w < E[k].level; w++) {
            uint32_t v = o[3 + w];
            if ((v & 0xffff) == 0 && (v >> 16 == 0x1111 || v >> 16 == 0x2222))
                printf(" w%d=%08x", w + 1, v);
            else
                printf(" w%d=ebp%+d", w + 1, (int)(v - o[8]));
        }
        printf(" leave_ebp_ok=%s leave_esp_ok=%s\n", o[6] == 0 ? "yes" : "no", o[7] == 0 ? "yes" : "no");
    }
}

/* ---------------------------------------------------------------- BCD */
static void test_bcd(void)
{
    for (int al = 0; al < 256; al++) {
        printf("daa/das(%02x):", al);
        for (int k = 0; k < 4; k++) {
            uint32_t fin = FIN_NONE | (k & 1 ? F_AF : 0) | (k & 2 ? F_CF : 0), f, ax = 0x1200 | al;
            __asm__ volatile("push %[fin]\n\tpopf\n\tdaa\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [fin] "r"(fin) : "cc");
            printf(" %02x/%s", ax & 0xffff, fstr(f, F_ARITH & ~F_OF));
            ax = 0x1200 | al;
            __asm__ volatile("push %[fin]\n\tpopf\n\tdas\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [fin] "r"(fin) : "cc");
            printf(" %02x/%s", ax & 0xffff, fstr(f, F_ARITH & ~F_OF));
        }
        printf("\n");
    }
    for (int al = 0; al < 256; al++) {
        /* Intel and AMD differ on the AH carry when AL+6 wraps (aaa) or
         * AL-6 borrows (aas): those inputs are skipped. */
        printf("aaa/aas(%02x):", al);
        for (int af = 0; af < 2; af++) {
            uint32_t fin = FIN_ALL & ~F_AF & ~F_CF, f, ax;
            fin |= af ? F_AF : 0;
            int adj = (al & 15) > 9 || af;
            if (!(adj && al >= 0xfa)) {
                ax = 0x1200 | al;
                __asm__ volatile("push %[fin]\n\tpopf\n\taaa\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [fin] "r"(fin) : "cc");
                printf(" aaa=%04x/%s", ax & 0xffff, fstr(f, F_AF | F_CF));
            }
            if (!(adj && al < 6)) {
                ax = 0x1200 | al;
                __asm__ volatile("push %[fin]\n\tpopf\n\taas\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) : [fin] "r"(fin) : "cc");
                printf(" aas=%04x/%s", ax & 0xffff, fstr(f, F_AF | F_CF));
            }
        }
        printf("\n");
    }
    for (int al = 0; al < 256; al += 3) {
        uint32_t f, ax = 0x5500 | al, ax2 = 0x5500 | al;
        __asm__ volatile("aam\n\tpushf\n\tpop %[f]" : "+a"(ax), [f] "=r"(f) :: "cc");
        printf("aam(%02x): %04x %s", al, ax & 0xffff, fstr(f, F_SF | F_ZF | F_PF));
        __asm__ volatile("aam $16\n\tpushf\n\tpop %[f]" : "+a"(ax2), [f] "=r"(f) :: "cc");
        printf(" aam16: %04x %s", ax2 & 0xffff, fstr(f, F_SF | F_ZF | F_PF));
        ax = ((al % 13) << 8) | (al & 0x0f);
        ax2 = ((uint32_t)al << 8) | (0xff - al);
        uint32_t r1 = ax, r2 = ax2;
        __asm__ volatile("aad\n\tpushf\n\tpop %[f]" : "+a"(r1), [f] "=r"(f) :: "cc");
        printf(" aad(%04x): %04x %s", ax, r1 & 0xffff, fstr(f, F_SF | F_ZF | F_PF));
        __asm__ volatile("aad $7\n\tpushf\n\tpop %[f]" : "+a"(r2), [f] "=r"(f) :: "cc");
        printf(" aad7(%04x): %04x %s\n", ax2, r2 & 0xffff, fstr(f, F_SF | F_ZF | F_PF));
    }
}

/* ---------------------------------------------------------------- cpuid / rdtsc */
static void test_misc(void)
{
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    printf("cpuid ok\n");
    uint32_t lo1, hi1, lo2, hi2;
    __asm__ volatile("rdtsc" : "=a"(lo1), "=d"(hi1));
    for (volatile int k = 0; k < 1000; k++)
        ;
    __asm__ volatile("rdtsc" : "=a"(lo2), "=d"(hi2));
    uint64_t t1 = ((uint64_t)hi1 << 32) | lo1, t2 = ((uint64_t)hi2 << 32) | lo2;
    printf("rdtsc nonzero: %s\n", t1 != 0 ? "yes" : "no");
    printf("rdtsc nondecreasing: %s\n", t2 >= t1 ? "yes" : "no");
    /* nop forms */
    __asm__ volatile("nop\n\t.byte 0x66,0x90\n\t.byte 0x0f,0x1f,0x00\n\t.byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
                     ".byte 0x66,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00\n\tpause");
    printf("nops ok\n");
}

int main(void)
{
    test_bt();
    test_scan();
    test_cc();
    test_xchg();
    test_flags();
    test_ext();
    test_lea();
    test_enter();
    test_bcd();
    test_misc();
    printf("bitops: done\n");
    return 0;
}
