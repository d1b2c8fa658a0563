/* calls: call/return-heavy code.
 * Recursive fib, function-pointer dispatch through a table, and a
 * switch-based bytecode interpreter (indirect jumps via jump table).
 * Usage: calls [scale]
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static int fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

typedef uint32_t (*op_fn)(uint32_t, uint32_t);

__attribute__((noinline)) static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
__attribute__((noinline)) static uint32_t op_sub(uint32_t a, uint32_t b) { return a - b; }
__attribute__((noinline)) static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
__attribute__((noinline)) static uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
__attribute__((noinline)) static uint32_t op_rot(uint32_t a, uint32_t b) { b &= 31; return (a << b) | (a >> ((32 - b) & 31)); }
__attribute__((noinline)) static uint32_t op_mix(uint32_t a, uint32_t b) { return (a ^ (a >> 15)) + b * 0x9E3779B9u; }
__attribute__((noinline)) static uint32_t op_min(uint32_t a, uint32_t b) { return a < b ? a : b + 1; }
__attribute__((noinline)) static uint32_t op_or(uint32_t a, uint32_t b) { return (a | b) - (a & b) + 7; }

static op_fn volatile table[8] = { op_add, op_sub, op_xor, op_mul, op_rot, op_mix, op_min, op_or };

static uint32_t dispatch(int n)
{
    uint32_t acc = 1, x = 12345;
    for (int i = 0; i < n; i++) {
        x = x * 1664525u + 1013904223u;
        acc = table[x >> 29](acc, x);
    }
    return acc;
}

/* tiny stack-machine bytecode */
enum { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_XOR, OP_SHR,
       OP_DUP, OP_JNZ, OP_DEC, OP_CALL, OP_RET, OP_HALT, OP_AND, OP_SWAP };

static int32_t interp(const int32_t *code, int32_t *vars)
{
    int32_t stack[64];
    int32_t rstack[16];
    int sp = 0, rsp = 0, pc = 0;
    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case OP_PUSH:  stack[sp++] = code[pc++]; break;
        case OP_LOAD:  stack[sp++] = vars[code[pc++]]; break;
        case OP_STORE: vars[code[pc++]] = stack[--sp]; break;
        case OP_ADD:   sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB:   sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL:   sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_XOR:   sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_AND:   sp--; stack[sp - 1] &= stack[sp]; break;
        case OP_SHR:   sp--; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] >> stack[sp]); break;
        case OP_DUP:   stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP:  { int32_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
        case OP_DEC:   vars[code[pc++]]--; break;
        case OP_JNZ:   { int32_t t = code[pc++]; if (stack[--sp]) pc = t; } break;
        case OP_CALL:  rstack[rsp++] = pc + 1; pc = code[pc]; break;
        case OP_RET:   pc = rstack[--rsp]; break;
        case OP_HALT:  return sp ? stack[sp - 1] : 0;
        default:       return -1;
        }
    }
}

/* vars: 0 = counter, 1 = accumulator, 2 = lcg state */
static const int32_t program[] = {
    /* 0: loop */
    OP_CALL, 20,                         /* 0  call step            */
    OP_DEC, 0,                           /* 2  counter--            */
    OP_LOAD, 0,                          /* 4                        */
    OP_JNZ, 0,                           /* 6  if counter goto 0     */
    OP_LOAD, 1,                          /* 8                        */
    OP_HALT,                             /* 10                       */
    OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, OP_HALT, /* 11..19 */
    /* 20: step: state = state*1103515245+12345; acc = (acc*33) ^ (state>>16) */
    OP_LOAD, 2, OP_PUSH, 1103515245, OP_MUL, OP_PUSH, 12345, OP_ADD,   /* 20..27 */
    OP_DUP, OP_STORE, 2,                                              /* 28..30 */
    OP_PUSH, 16, OP_SHR,                                              /* 31..33 */
    OP_LOAD, 1, OP_PUSH, 33, OP_MUL, OP_XOR,                          /* 34..39 */
    OP_PUSH, 0x7fffffff, OP_AND,                                      /* 40..42 */
    OP_STORE, 1,                                                      /* 43..44 */
    OP_RET,                                                           /* 45     */
};

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    if (scale < 1) scale = 1;
    volatile int fib_n = 27;
    uint32_t chk = 0;
    int f = 0;

    for (int s = 0; s < 4 * scale; s++) {
        for (int k = 0; k < 2; k++)
            f += fib(fib_n);
        chk ^= dispatch(6000000);
        int32_t vars[3] = { 1500000, 7, 42 };
        chk = chk * 31 + (uint32_t)interp(program, vars);
    }
    printf("calls: fib=%d checksum=%08x\n", f, chk);
    return 0;
}
