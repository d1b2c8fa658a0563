/* smc.c - self-modifying and dynamically generated code.
 *  1. RWX page: "mov $N,%eax; ret", call, patch N, call again.
 *  2. patch + call in a loop (translation cache invalidation every time).
 *  3. code that patches an instruction later in its own basic block.
 *  4. W^X style: write with PROT_READ|PROT_WRITE, flip to PROT_READ|PROT_EXEC.
 *  5. munmap + mmap(MAP_FIXED) of different code at the same address.
 *  6. patching a function in the program's own .text after mprotect.
 *  7. a generated loop (backward branch) whose bound is patched. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef int (*fn_t)(void);

static void emit_mov_ret(uint8_t *p, uint32_t n)
{
    p[0] = 0xb8; /* mov $imm32,%eax */
    memcpy(p + 1, &n, 4);
    p[5] = 0xc3; /* ret */
}

__attribute__((noinline)) int patch_me(void)
{
    return 0x1234;
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    uint8_t *code = mmap(NULL, pg * 2, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        printf("mmap failed\n");
        return 1;
    }
    fn_t f = (fn_t)code;

    /* 1 */
    emit_mov_ret(code, 111);
    printf("first call: %d\n", f());
    uint32_t n = 222;
    memcpy(code + 1, &n, 4);
    printf("after patch: %d\n", f());
    code[1] = 0x4d; /* patch a single byte */
    printf("after byte patch: %d\n", f());

    /* 2 */
    long sum = 0;
    for (uint32_t i = 0; i < 200; i++) {
        memcpy(code + 1, &i, 4);
        sum += f();
    }
    printf("loop patch sum: %ld\n", sum);
    /* alternate between two different instruction sequences */
    sum = 0;
    for (int i = 0; i < 50; i++) {
        if (i & 1) {
            emit_mov_ret(code, (uint32_t)i);
        } else {
            /* xor %eax,%eax; dec %eax; ret  -> -1 */
            code[0] = 0x31; code[1] = 0xc0; code[2] = 0x48; code[3] = 0xc3;
        }
        sum += f();
    }
    printf("alternating code sum: %ld\n", sum);

    /* 3: movb $0x07, imm_byte(%rip-less: absolute) ; mov $0,%eax ; ret
     * The first instruction rewrites the immediate of the second. */
    uint8_t *p = code + 64;
    uint8_t *imm = p + 7 + 1; /* address of the mov's immediate */
    p[0] = 0xc6; p[1] = 0x05;             /* movb $imm8, abs32 */
    memcpy(p + 2, &imm, 4);
    p[6] = 0x07;
    emit_mov_ret(p + 7, 0);               /* mov $0,%eax ; ret */
    printf("self-patching block: %d\n", ((fn_t)p)());
    printf("self-patching block again: %d\n", ((fn_t)p)());
    imm[0] = 0x00;
    p[6] = 0x09;
    printf("self-patching block (imm 9): %d\n", ((fn_t)p)());

    /* 4: W^X flips */
    uint8_t *wx = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    emit_mov_ret(wx, 1000);
    mprotect(wx, pg, PROT_READ | PROT_EXEC);
    printf("wx first: %d\n", ((fn_t)wx)());
    mprotect(wx, pg, PROT_READ | PROT_WRITE);
    emit_mov_ret(wx, 2000);
    mprotect(wx, pg, PROT_READ | PROT_EXEC);
    printf("wx second: %d\n", ((fn_t)wx)());

    /* 5: remap at the same address */
    munmap(wx, pg);
    uint8_t *again = mmap(wx, pg, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("remap same address: %s\n", again == wx ? "yes" : "no");
    emit_mov_ret(again, 3000);
    printf("remapped code: %d\n", ((fn_t)again)());
    /* replace by MAP_FIXED without munmap */
    again = mmap(wx, pg, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    emit_mov_ret(again, 4000);
    printf("fixed-replaced code: %d\n", ((fn_t)again)());
    munmap(again, pg);

    /* 6: patch our own .text */
    printf("patch_me before: %#x\n", patch_me());
    uintptr_t fp = (uintptr_t)patch_me;
    uint8_t *pgstart = (uint8_t *)(fp & ~(uintptr_t)(pg - 1));
    if (mprotect(pgstart, pg * 2, PROT_READ | PROT_WRITE | PROT_EXEC) == 0) {
        emit_mov_ret((uint8_t *)fp, 0x5678);
        printf("patch_me after: %#x\n", patch_me());
        mprotect(pgstart, pg * 2, PROT_READ | PROT_EXEC);
        printf("patch_me after re-protect: %#x\n", patch_me());
    } else {
        printf("mprotect text failed\n");
    }

    /* 7: generated loop: xor eax,eax; mov $N,ecx; L: add ecx,eax; dec ecx; jnz L; ret */
    uint8_t *lp = code + 256;
    uint8_t loop[] = {0x31, 0xc0, 0xb9, 0, 0, 0, 0, 0x01, 0xc8, 0x49, 0x75, 0xfb, 0xc3};
    memcpy(lp, loop, sizeof loop);
    for (uint32_t k = 1; k <= 1000; k *= 10) {
        memcpy(lp + 3, &k, 4);
        printf("generated loop sum(1..%u): %d\n", k, ((fn_t)lp)());
    }
    /* code that crosses a page boundary */
    uint8_t *cross = code + pg - 3;
    emit_mov_ret(cross, 777);
    printf("page-crossing code: %d\n", ((fn_t)cross)());
    n = 888;
    memcpy(cross + 1, &n, 4); /* patch bytes on both pages */
    printf("page-crossing patched: %d\n", ((fn_t)cross)());
    munmap(code, pg * 2);
    printf("smc: done\n");
    return 0;
}
