/* control.c - control flow: direct/indirect jumps and calls (register and
 * memory operands), ret and ret $imm16, loop/loope/loopne/jecxz, switch jump
 * tables, computed goto, function pointers, recursion (including a deep one
 * that grows the stack by megabytes), setjmp/longjmp, and tight loops. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* stdcall-style callee popping its arguments with ret $8 */
__attribute__((stdcall)) int retn_add(int a, int b);
__asm__(".text\n.globl retn_add\nretn_add:\n\tmovl 4(%esp),%eax\n\taddl 8(%esp),%eax\n\tret $8\n");

static int loop_asm(uint32_t n, uint32_t *ecx_out)
{
    uint32_t a = 0, c = n;
    __asm__ volatile("jecxz 2f\n1:\tincl %0\n\tloop 1b\n2:" : "+r"(a), "+c"(c) :: "cc");
    *ecx_out = c;
    return a;
}

static void test_loops(void)
{
    uint32_t c;
    for (uint32_t n = 0; n < 4; n++) {
        int a = loop_asm(n, &c);
        printf("loop(%u): iterations=%d ecx=%u\n", n, a, c);
    }
    /* loope: stop when an element differs from 5 */
    static const uint8_t arr[] = {5, 5, 5, 7, 5, 5};
    uint32_t idx = 0, cnt = 6;
    __asm__ volatile("xorl %0,%0\n1:\tcmpb $5,(%2,%0)\n\tleal 1(%0),%0\n\tloope 1b"
                     : "=&r"(idx), "+c"(cnt) : "r"(arr) : "cc");
    printf("loope: idx=%u ecx=%u\n", idx, cnt);
    static const uint8_t arr2[] = {1, 2, 3, 0, 4};
    cnt = 5;
    __asm__ volatile("xorl %0,%0\n1:\tcmpb $0,(%2,%0)\n\tleal 1(%0),%0\n\tloopne 1b"
                     : "=&r"(idx), "+c"(cnt) : "r"(arr2) : "cc");
    printf("loopne: idx=%u ecx=%u\n", idx, cnt);
}

static int sq(int x) { return x * x; }
static int neg(int x) { return -x; }
static int twice(int x) { return 2 * x; }
static int (*const fns[])(int) = {sq, neg, twice};

static void test_indirect(void)
{
    for (int i = 0; i < 3; i++) {
        int r;
        int (*fp)(int) = fns[i];
        /* call through a register */
        __asm__ volatile("pushl $7\n\tcall *%1\n\taddl $4,%%esp" : "=a"(r) : "r"(fp) : "ecx", "edx", "memory", "cc");
        printf("call *reg fns[%d](7): %d\n", i, r);
        /* call through memory */
        __asm__ volatile("pushl $9\n\tcall *(%1)\n\taddl $4,%%esp" : "=a"(r) : "r"(&fns[i]) : "ecx", "edx", "memory", "cc");
        printf("call *mem fns[%d](9): %d\n", i, r);
    }
    /* indirect jump through a table in memory */
    static void *const tbl[] = {&&l0, &&l1, &&l2};
    for (int i = 0; i < 3; i++) {
        int v = -1;
        goto *tbl[i];
    l0: v = 100; goto done;
    l1: v = 200; goto done;
    l2: v = 300;
    done:
        printf("computed goto %d: %d\n", i, v);
    }
    int r;
    __asm__ volatile("movl $1f,%%edx\n\tjmp *%%edx\n\tmovl $0,%0\n\tjmp 2f\n1:\tmovl $42,%0\n2:" : "=r"(r) :: "edx");
    printf("jmp *reg: %d\n", r);
    printf("ret $8: %d\n", retn_add(30, 12));
    int a = 0;
    for (int i = 0; i < 10; i++)
        a += retn_add(i, i);
    printf("ret $8 loop: %d\n", a);
}

static const char *classify(int x)
{
    switch (x) {
    case 0: return "zero";
    case 1: return "one";
    case 2: return "two";
    case 3: return "three";
    case 4: return "four";
    case 5: return "five";
    case 6: return "six";
    case 7: return "seven";
    case 10: return "ten";
    case 100: return "hundred";
    case -1: return "minus one";
    default: return "other";
    }
}

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static unsigned ack(unsigned m, unsigned n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

__attribute__((noinline)) static unsigned deep(unsigned n, volatile char *prev)
{
    volatile char pad[24];
    pad[0] = (char)n;
    pad[23] = prev ? prev[0] : 0;
    if (n == 0)
        return 0;
    return deep(n - 1, pad) + (unsigned char)pad[0];
}

static jmp_buf jb;
static int depth_reached;
static void dive(int d)
{
    depth_reached = d;
    if (d == 50)
        longjmp(jb, d);
    if (d < 1000)
        dive(d + 1);
}

int main(void)
{
    test_loops();
    test_indirect();
    for (int x = -2; x <= 12; x++)
        printf("switch(%d): %s\n", x, classify(x));
    printf("switch(100): %s\n", classify(100));
    printf("fib(24): %d\n", fib(24));
    printf("ack(2,3): %u ack(3,4): %u\n", ack(2, 3), ack(3, 4));
    printf("deep recursion (100000 frames): %u\n", deep(100000, NULL));
    int r = setjmp(jb);
    if (r == 0) {
        dive(0);
        printf("not reached\n");
    } else
        printf("longjmp: r=%d depth=%d\n", r, depth_reached);
    /* a tight loop with data-dependent branches */
    unsigned x = 1, steps = 0;
    for (unsigned n = 1; n < 3000; n++) {
        x = n;
        while (x != 1) {
            x = (x & 1) ? 3 * x + 1 : x / 2;
            steps++;
        }
    }
    printf("collatz steps below 3000: %u\n", steps);
    /* bubble sort */
    int v[64];
    for (int i = 0; i < 64; i++)
        v[i] = (i * 37 + 11) % 64;
    for (int i = 0; i < 64; i++)
        for (int j = 0; j + 1 < 64 - i; j++)
            if (v[j] > v[j + 1]) {
                int t = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
    int ok = 1;
    for (int i = 0; i < 64; i++)
        ok &= v[i] == i;
    printf("bubble sort ok: %d\n", ok);
    printf("control: done\n");
    return 0;
}
