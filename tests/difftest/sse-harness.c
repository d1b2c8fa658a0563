/*
 * Differential-test harness for SSE/SSE2 (freestanding, no libc), linked with the assembly that
 * tests/difftest/sse-gen.ts generates: dt_table/dt_count and one function per sequence.
 *
 * For every entry: copy the initial scratch bytes into dt_scratch, load XMM0-7, MXCSR, EFLAGS and
 * eax ecx edx ebx esi edi (ebp = dt_scratch), call the sequence, save the same state and print
 *
 *   <id> <xmm0 lane0..3> ... <xmm7 lane3> <mxcsr> <eflags> <eax> <ecx> <edx> <ebx> <esi> <edi> <scratch hex>
 *
 * (every value 8 hex digits), then "done <count>". Only write(2) and exit(2) are used.
 */
typedef unsigned int u32;
typedef unsigned char u8;

struct dt_entry {
  void (*fn)(void);
  u32 id;
  const u32 *state; /* 40 words: xmm0-7 (32), mxcsr, eflags, eax ecx edx ebx esi edi */
  const u8 *mem;
};

extern const struct dt_entry dt_table[];
extern const u32 dt_count;

u8 dt_scratch[256] __attribute__((aligned(64)));
void dt_run(void (*fn)(void), const u32 *in, u32 *out);

__asm__(
    "  .text\n"
    "  .globl _start\n"
    "_start:\n"
    "  xorl %ebp, %ebp\n"
    "  andl $-16, %esp\n"
    "  call dt_main\n"
    "  movl %eax, %ebx\n"
    "  movl $1, %eax\n"
    "  int $0x80\n"
    "  hlt\n"
    "  .globl dt_run\n"
    "dt_run:\n"
    "  pushl %ebp\n"
    "  pushl %ebx\n"
    "  pushl %esi\n"
    "  pushl %edi\n"
    "  movl 20(%esp), %eax\n"
    "  movl %eax, dt_fnptr\n"
    "  movl 28(%esp), %eax\n"
    "  movl %eax, dt_outptr\n"
    "  movl 24(%esp), %eax\n"
    "  movdqu 0(%eax), %xmm0\n"
    "  movdqu 16(%eax), %xmm1\n"
    "  movdqu 32(%eax), %xmm2\n"
    "  movdqu 48(%eax), %xmm3\n"
    "  movdqu 64(%eax), %xmm4\n"
    "  movdqu 80(%eax), %xmm5\n"
    "  movdqu 96(%eax), %xmm6\n"
    "  movdqu 112(%eax), %xmm7\n"
    "  ldmxcsr 128(%eax)\n"
    "  pushl 132(%eax)\n"
    "  popfl\n"
    "  movl 140(%eax), %ecx\n"
    "  movl 144(%eax), %edx\n"
    "  movl 148(%eax), %ebx\n"
    "  movl 152(%eax), %esi\n"
    "  movl 156(%eax), %edi\n"
    "  movl $dt_scratch, %ebp\n"
    "  movl 136(%eax), %eax\n"
    "  call *dt_fnptr\n"
    "  pushfl\n"
    "  pushl %eax\n"
    "  movl dt_outptr, %eax\n"
    "  popl 136(%eax)\n"
    "  popl 132(%eax)\n"
    "  movl %ecx, 140(%eax)\n"
    "  movl %edx, 144(%eax)\n"
    "  movl %ebx, 148(%eax)\n"
    "  movl %esi, 152(%eax)\n"
    "  movl %edi, 156(%eax)\n"
    "  stmxcsr 128(%eax)\n"
    "  movdqu %xmm0, 0(%eax)\n"
    "  movdqu %xmm1, 16(%eax)\n"
    "  movdqu %xmm2, 32(%eax)\n"
    "  movdqu %xmm3, 48(%eax)\n"
    "  movdqu %xmm4, 64(%eax)\n"
    "  movdqu %xmm5, 80(%eax)\n"
    "  movdqu %xmm6, 96(%eax)\n"
    "  movdqu %xmm7, 112(%eax)\n"
    "  movl $0x1f80, dt_mx\n" /* back to the default MXCSR for the harness's own code */
    "  ldmxcsr dt_mx\n"
    "  cld\n"
    "  popl %edi\n"
    "  popl %esi\n"
    "  popl %ebx\n"
    "  popl %ebp\n"
    "  ret\n"
    "  .data\n"
    "  .p2align 2\n"
    "dt_fnptr: .long 0\n"
    "dt_outptr: .long 0\n"
    "dt_mx: .long 0\n"
    "  .text\n");

static int sys_write(int fd, const void *buf, u32 n) {
  int r;
  __asm__ volatile("int $0x80" : "=a"(r) : "0"(4), "b"(fd), "c"(buf), "d"(n) : "memory");
  return r;
}
static void write_all(const char *p, u32 n) {
  while (n > 0) {
    int r = sys_write(1, p, n);
    if (r <= 0) return;
    p += r;
    n -= (u32)r;
  }
}
void *memcpy(void *d, const void *s, u32 n) {
  u8 *dp = d;
  const u8 *sp = s;
  while (n--) *dp++ = *sp++;
  return d;
}
void *memset(void *d, int c, u32 n) {
  u8 *dp = d;
  while (n--) *dp++ = (u8)c;
  return d;
}
static const char hexdig[] = "0123456789abcdef";
static char *put_hex32(char *p, u32 v) {
  int i;
  for (i = 7; i >= 0; i--) *p++ = hexdig[(v >> (i * 4)) & 15];
  return p;
}
static char *put_dec(char *p, u32 v) {
  char tmp[12];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) *p++ = tmp[--n];
  return p;
}
static char line[2048];
static u32 out[40];

int dt_main(void) {
  u32 i, j;
  for (i = 0; i < dt_count; i++) {
    const struct dt_entry *e = &dt_table[i];
    char *p = line;
    for (j = 0; j < 256; j++) dt_scratch[j] = e->mem[j];
    dt_run(e->fn, e->state, out);
    p = put_dec(p, e->id);
    for (j = 0; j < 40; j++) {
      *p++ = ' ';
      p = put_hex32(p, out[j]);
    }
    *p++ = ' ';
    for (j = 0; j < 256; j++) {
      *p++ = hexdig[dt_scratch[j] >> 4];
      *p++ = hexdig[dt_scratch[j] & 15];
    }
    *p++ = '\n';
    write_all(line, (u32)(p - line));
  }
  {
    char *p = line;
    const char *d = "done ";
    while (*d) *p++ = *d++;
    p = put_dec(p, dt_count);
    *p++ = '\n';
    write_all(line, (u32)(p - line));
  }
  return 0;
}
