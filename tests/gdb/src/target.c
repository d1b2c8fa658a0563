/* target.c - the program gdb debugs in tests/gdb: under tsemu -g and under qemu-i386 -g the
   same gdb script runs against it and what gdb sees is compared.
     target          known registers at `known_regs`, a loop calling square() (conditional
                     breakpoints), a global `counter` (watchpoint), exits with status 7
     target segv     ... then a SIGSEGV that a handler catches: exits with status 5
     target watch    stores to `watched` by a string instruction, cmpxchg8b, push (on a
                     watched stack slot) and a read() system call into it (tsemu-only checks)
     target spin     loops until `counter` is set to -1 (gdb's Ctrl-C)
     target hot      a hot loop (compiled into a region) that stores to `flag` once, late */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

volatile int counter;
char watched[16];
unsigned long long wide;

__attribute__((noinline)) void do_nothing(void) { __asm__ volatile(""); }

__attribute__((noinline)) int square(int x) {
  int r = x * x;
  return r;
}

static void on_segv(int sig) {
  (void)sig;
  static const char msg[] = "caught SIGSEGV\n";
  write(1, msg, sizeof msg - 1);
  _exit(5);
}

__attribute__((noinline)) void watch_kinds(void) {
  /* a string instruction */
  __asm__ volatile("cld; rep stosb" : : "D"(watched), "c"(4), "a"(0x41) : "memory");
  /* cmpxchg8b on an 8-byte global */
  unsigned lo = 0, hi = 0;
  __asm__ volatile("lock cmpxchg8b %0" : "+m"(wide), "+a"(lo), "+d"(hi) : "b"(0x1234), "c"(0x5678) : "memory", "cc");
  /* a read() system call into the watched buffer */
  int fds[2];
  if (pipe(fds) == 0) {
    write(fds[1], "xyz", 3);
    read(fds[0], watched + 8, 3);
  }
  printf("watched %.4s %.3s wide %llx\n", watched, watched + 8, wide);
}

volatile int flag;

__attribute__((noinline)) int hot_loop(void) {
  int sum = 0;
  for (int i = 0; i < 100000; i++) {
    sum += i & 7;
    if (i == 90000) flag = sum;
  }
  return sum;
}

int main(int argc, char **argv) {
  __asm__ volatile(
      "movl $0x11223344, %%eax\n\t"
      "movl $0x55667788, %%ecx\n\t"
      "movl $0x99aabbcc, %%edx\n\t"
      ".globl known_regs\n"
      "known_regs:\n\t"
      "call do_nothing\n\t"
      ".globl after_call\n"
      "after_call:\n\t"
      : : : "eax", "ecx", "edx", "memory");
  int total = 0;
  for (int i = 0; i < 5; i++) {
    total += square(i);
    counter = total;
  }
  printf("total %d\n", total);
  if (argc > 1 && strcmp(argv[1], "segv") == 0) {
    signal(SIGSEGV, on_segv);
    *(volatile int *)16 = 1;
  }
  if (argc > 1 && strcmp(argv[1], "watch") == 0) watch_kinds();
  if (argc > 1 && strcmp(argv[1], "hot") == 0) {
    int h = hot_loop();
    printf("hot %d flag %d\n", h, flag);
  }
  if (argc > 1 && strcmp(argv[1], "spin") == 0)
    while (counter != -1) counter = (counter + 1) & 0xffff;
  return 7;
}
