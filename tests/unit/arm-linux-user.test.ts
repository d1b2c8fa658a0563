// Unit tests of linux-user's ARM pieces: the EABI structure layouts (stat64, flock64), the
// system-call table and the EABI register-pair argument shuffles, the ARM sigframe/rt_sigframe
// (sigcontext, VFP record, trampolines, Thumb handlers) and sigreturn, the kuser helper page,
// the ELF machine and EABI checks, the auxiliary vector and the initial registers.
import test from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { AddressSpace, PAGE_READ, PAGE_WRITE } from "../../src/memory/address-space";
import { Log } from "../../src/util/log";
import { Task } from "../../src/linux-user/task";
import { ARM_ABI } from "../../src/linux-user/arm/abi";
import { I386_ABI } from "../../src/linux-user/i386/abi";
import { stat64Fields } from "../../src/linux-user/syscalls/stat";
import { ARM_SYSCALLS } from "../../src/linux-user/arm/syscall-table";
import { I386_SYSCALLS } from "../../src/linux-user/i386/syscall-table";
import { ARM_ARCH_SYSCALLS } from "../../src/linux-user/arm/syscalls";
import { SYSCALLS } from "../../src/linux-user/syscall";
import {
  ARM_SIGNALS, doRtSigreturn, doSigreturn, RT_SIGFRAME_SIZE, SC, SIGFRAME_SIZE, SIGPAGE, UC, UC_SIZE, VFP, VFP_MAGIC,
  VFP_STORAGE_SIZE, mapSigpage,
} from "../../src/linux-user/arm/signal";
import { ARM_HWCAP, ARM_TARGET, checkArmFlags, KUSER_PAGE, mapKuserPage } from "../../src/linux-user/arm/target";
import { CPSR_C, CPSR_N, CPSR_T, CPSR_Z, CPUARMState, FPSCR, LR, PC, SP, TPIDRURO, VFP_W } from "../../src/target/arm/cpu";
import { loadElf, LoadError } from "../../src/linux-user/elfload";
import { SA_RESTORER, SA_SIGINFO } from "../../src/linux-user/signal";
import { SIGINFO_SIZE, SIGSEGV, SIGUSR1, userInfo, SI_USER, sigbit } from "../../src/linux-user/signal-state";

const root = path.resolve(__dirname, "..", "..", "..");

function armTask(): { t: Task; cpu: CPUARMState } {
  const mem = new AddressSpace();
  const cpu = new CPUARMState(mem);
  const t = new Task(mem, cpu, null as never, new Log(), ARM_ABI);
  return { t, cpu };
}

// ---- structure layouts --------------------------------------------------------------------------
function hostStat(): DataView {
  const h = new DataView(new ArrayBuffer(144));
  h.setBigUint64(8, (1n << 40n) + 7n, true); // ino
  h.setBigUint64(48, 5n << 30n, true); // size
  h.setBigUint64(56, 4096n, true); // blksize
  h.setBigUint64(64, 1n << 33n, true); // blocks
  h.setBigInt64(72, 1000n, true); // atime
  h.setBigInt64(88, 2000n, true); // mtime
  h.setBigInt64(104, 3000n, true); // ctime
  return h;
}
test("EABI struct stat64: 64-bit members 8-byte aligned, 104 bytes, padding zeroed", () => {
  const l = ARM_ABI.stat64;
  assert.equal(l.size, 104);
  assert.equal(l.zeroPadding, true);
  const f = new Map(stat64Fields(hostStat(), l).map(([o, s, v]) => [o, [s, v]]));
  assert.deepEqual(f.get(12), [4, 7n], "__st_ino is truncated");
  assert.deepEqual(f.get(48), [8, 5n << 30n], "st_size after 4 bytes of padding");
  assert.deepEqual(f.get(56), [4, 4096n]);
  assert.deepEqual(f.get(64), [8, 1n << 33n], "st_blocks aligned");
  assert.deepEqual([f.get(72)![1], f.get(80)![1], f.get(88)![1]], [1000n, 2000n, 3000n]);
  assert.deepEqual(f.get(96), [8, (1n << 40n) + 7n], "st_ino last");
  for (const [o, s] of stat64Fields(hostStat(), l)) assert.ok(o + s <= l.size);
  // i386 keeps its packed layout
  assert.equal(new Map(stat64Fields(hostStat(), I386_ABI.stat64).map(([o, , v]) => [o, v])).get(44), 5n << 30n);
});
test("EABI struct flock64 and statfs64 sizes", () => {
  assert.deepEqual(ARM_ABI.flock64, { start: 8, len: 16, pid: 24, size: 32 });
  assert.deepEqual(I386_ABI.flock64, { start: 4, len: 12, pid: 20, size: 24 });
  assert.deepEqual([...ARM_ABI.statfs64Sizes], [84, 88]);
  assert.equal(ARM_ABI.spReg, SP);
  assert.equal(ARM_ABI.machine, "armv7l");
});

// ---- system calls -------------------------------------------------------------------------------------
test("the EABI system-call table", () => {
  const nr = (name: string) => Number(Object.entries(ARM_SYSCALLS).find(([, d]) => d.name === name)?.[0]);
  const want: [string, number][] = [
    ["exit", 1], ["read", 3], ["write", 4], ["brk", 45], ["ioctl", 54], ["sigreturn", 119], ["rt_sigreturn", 173],
    ["mmap2", 192], ["fstat64", 197], ["exit_group", 248], ["socket", 281], ["openat", 322], ["set_tls", 0xf0005],
    ["cacheflush", 0xf0002], ["breakpoint", 0xf0001], ["statx", 397], ["clock_gettime64", 403], ["arm_fadvise64_64", 270],
  ];
  for (const [name, n] of want) assert.equal(nr(name), n, name);
  const names = Object.values(ARM_SYSCALLS).map((d) => d.name);
  assert.equal(new Set(names).size, names.length, "each name once");
  for (const name of Object.keys(ARM_ARCH_SYSCALLS)) assert.ok(names.includes(name), `${name} is in the table`);
  // strace kinds: shared calls keep the i386 table's kinds unless EABI pads a register pair
  const i386Kinds = new Map(Object.values(I386_SYSCALLS).map((d) => [d.name, d.args]));
  const padded = new Set(["pread64", "pwrite64", "truncate64", "ftruncate64", "readahead"]);
  for (const d of Object.values(ARM_SYSCALLS)) {
    if (!i386Kinds.has(d.name)) continue;
    if (padded.has(d.name)) assert.equal(d.args.length, i386Kinds.get(d.name)!.length + 1, d.name);
    else assert.equal(d.args, i386Kinds.get(d.name), d.name);
  }
});
test("EABI 64-bit arguments come from aligned register pairs", () => {
  const { t } = armTask();
  const seen: Record<string, number[]> = {};
  const saved: Record<string, (typeof SYSCALLS)[string]> = {};
  for (const name of ["pread64", "pwrite64", "truncate64", "ftruncate64", "readahead", "fadvise64_64", "sendto", "recvfrom"]) {
    saved[name] = SYSCALLS[name];
    SYSCALLS[name] = (_t, ...a) => ((seen[name] = a), 0);
  }
  try {
    const A = ARM_ARCH_SYSCALLS;
    A.pread64(t, 3, 0x1000, 10, 0xdead, 0x89abcdef, 1);
    assert.deepEqual(seen.pread64, [3, 0x1000, 10, 0x89abcdef, 1, 0]);
    A.pwrite64(t, 3, 0x1000, 10, 0xdead, 5, 2);
    assert.deepEqual(seen.pwrite64, [3, 0x1000, 10, 5, 2, 0]);
    A.truncate64(t, 0x2000, 0xdead, 7, 1, 0, 0);
    assert.deepEqual(seen.truncate64.slice(0, 3), [0x2000, 7, 1]);
    A.ftruncate64(t, 4, 0xdead, 7, 1, 0, 0);
    assert.deepEqual(seen.ftruncate64.slice(0, 3), [4, 7, 1]);
    A.readahead(t, 4, 0xdead, 0, 1, 4096, 0);
    assert.deepEqual(seen.readahead.slice(0, 4), [4, 0, 1, 4096]);
    A.arm_fadvise64_64(t, 5, 2, 0x10, 1, 0x20, 0);
    assert.deepEqual(seen.fadvise64_64, [5, 0x10, 1, 0x20, 0, 2], "advice moves after the pairs");
    A.send(t, 6, 0x3000, 9, 0x40, 0, 0);
    assert.deepEqual(seen.sendto, [6, 0x3000, 9, 0x40, 0, 0]);
  } finally {
    Object.assign(SYSCALLS, saved);
  }
});
test("ARM private calls: set_tls / get_tls, cacheflush", () => {
  const { t, cpu } = armTask();
  assert.equal(ARM_ARCH_SYSCALLS.set_tls(t, 0x12345678, 0, 0, 0, 0, 0), 0);
  assert.equal(cpu.R[TPIDRURO], 0x12345678);
  assert.equal(ARM_ARCH_SYSCALLS.get_tls(t, 0, 0, 0, 0, 0, 0), 0x12345678);
  assert.equal(ARM_ARCH_SYSCALLS.cacheflush(t, 0x1000, 0x2000, 0, 0, 0, 0), 0);
  assert.equal(ARM_ARCH_SYSCALLS.cacheflush(t, 0x2000, 0x1000, 0, 0, 0, 0), -22);
});

// ---- signal frames ------------------------------------------------------------------------------------
const STACK = 0x40000000;
function frameTask() {
  const { t, cpu } = armTask();
  t.mapAnon(STACK - 0x10000, 0x10000, PAGE_READ | PAGE_WRITE);
  mapSigpage(t);
  const R = cpu.R;
  for (let i = 0; i < 13; i++) R[i] = 0x1000 + i;
  R[SP] = STACK - 0x1004; // not 8-aligned: the frame must be
  R[LR] = 0x8001;
  R[PC] = 0x9000; // ARM state
  cpu.setNzcv(CPSR_N | CPSR_C);
  for (let i = 0; i < 64; i++) R[VFP_W + i] = 0x3ff00000 + i;
  cpu.setFpscr(0x03c00000); // RMode, FZ, DN
  t.signals.blocked = sigbit(SIGUSR1) | (1n << 40n);
  return { t, cpu, R };
}
const info = () => userInfo(SIGSEGV, SI_USER, 1, 0);

test("rt_sigframe: siginfo, ucontext, sigcontext, VFP record; Thumb handler through the sigpage", () => {
  const { t, cpu, R } = frameTask();
  const mask = t.signals.blocked;
  const ok = ARM_SIGNALS.setupFrame(t, { sig: SIGSEGV, info: info(), thread: true, forced: true }, { handler: 0x5001, flags: SA_SIGINFO, restorer: 0, mask: 0n }, mask);
  assert.ok(ok);
  const frame = R[SP] >>> 0;
  assert.equal(frame % 8, 0);
  assert.equal(frame, ((STACK - 0x1004 - RT_SIGFRAME_SIZE) & ~7) >>> 0);
  assert.equal(RT_SIGFRAME_SIZE, 880);
  assert.equal(SIGFRAME_SIZE, 752);
  assert.equal(UC_SIZE, 744);
  assert.deepEqual([R[0], R[1] >>> 0, R[2] >>> 0], [SIGSEGV, frame, frame + SIGINFO_SIZE]);
  assert.equal(cpu.pc, 0x5000);
  assert.equal(cpu.thumb, true, "bit 0 of the handler selects Thumb");
  assert.equal(R[LR] >>> 0, SIGPAGE + 24 + 1, "Thumb rt trampoline, Thumb bit set");
  assert.equal(t.mem.ld32(SIGPAGE + 24) >>> 0, 0xdf0027ad, "movs r7, #173; svc #0");
  const m = t.mem;
  const uc = frame + SIGINFO_SIZE, sc = uc + UC.mcontext;
  assert.equal(m.ld32(frame), SIGSEGV, "si_signo");
  assert.equal(m.ld32(uc + UC.flags), 0);
  for (let i = 0; i < 13; i++) assert.equal(m.ld32(sc + SC.r0 + 4 * i), 0x1000 + i);
  assert.equal(m.ld32(sc + SC.sp) >>> 0, STACK - 0x1004);
  assert.equal(m.ld32(sc + SC.lr), 0x8001);
  assert.equal(m.ld32(sc + SC.pc), 0x9000);
  assert.equal(m.ld32(sc + SC.cpsr) >>> 0, (CPSR_N | CPSR_C | 0x10) >>> 0, "NZCV and user mode, ARM state");
  assert.equal(m.ld32(sc + SC.oldmask) >>> 0, Number(mask & 0xffffffffn));
  assert.equal(m.ld32(uc + UC.sigmask + 4), 1 << 8);
  const vfp = uc + UC.regspace;
  assert.equal(m.ld32(vfp + VFP.magic) >>> 0, VFP_MAGIC);
  assert.equal(m.ld32(vfp + VFP.size), VFP_STORAGE_SIZE);
  assert.equal(m.ld32(vfp + VFP.fpregs + 8 * 31 + 4), 0x3ff00000 + 63, "d31 high word");
  assert.equal(m.ld32(vfp + VFP.fpscr) >>> 0, 0x03c00000, "the interrupted FPSCR");
  assert.equal(m.ld32(vfp + VFP_STORAGE_SIZE), 0, "end of the aux records");
  assert.equal(UC.regspace + VFP_STORAGE_SIZE + 4 <= UC_SIZE, true);

  // the handler changes things; rt_sigreturn (sp back at the frame) restores them
  for (let i = 0; i < 13; i++) R[i] = 0;
  for (let i = 0; i < 64; i++) R[VFP_W + i] = 0;
  cpu.setNzcv(CPSR_Z);
  t.signals.blocked = 0n;
  m.st32(sc + SC.pc, 0x9010); // as a fault handler skipping an instruction would
  R[SP] = frame;
  assert.ok(doRtSigreturn(t));
  for (let i = 0; i < 13; i++) assert.equal(R[i], 0x1000 + i);
  assert.equal(R[SP] >>> 0, STACK - 0x1004);
  assert.equal(R[LR], 0x8001);
  assert.equal(cpu.pc, 0x9010);
  assert.equal(cpu.thumb, false, "back to ARM state from the saved CPSR");
  assert.equal(cpu.getNzcv() >>> 0, (CPSR_N | CPSR_C) >>> 0);
  assert.equal(R[VFP_W + 63], 0x3ff00000 + 63);
  assert.equal(R[FPSCR], 0x03c00000);
  assert.equal(t.signals.blocked, mask);
});

test("sigframe: uc_flags marker, ARM trampoline or sa_restorer; sigreturn checks the frame", () => {
  const { t, cpu, R } = frameTask();
  const mask = t.signals.blocked;
  assert.ok(ARM_SIGNALS.setupFrame(t, { sig: SIGUSR1, info: info(), thread: true, forced: false }, { handler: 0x5000, flags: 0, restorer: 0, mask: 0n }, mask));
  const frame = R[SP] >>> 0;
  assert.equal(frame, ((STACK - 0x1004 - SIGFRAME_SIZE) & ~7) >>> 0);
  assert.equal(R[0], SIGUSR1);
  assert.equal(R[LR] >>> 0, SIGPAGE, "ARM sigreturn trampoline");
  assert.equal(cpu.thumb, false);
  assert.equal(t.mem.ld32(frame + UC.flags) >>> 0, 0x5ac3c35a);
  assert.deepEqual([t.mem.ld32(frame + UC_SIZE) >>> 0, t.mem.ld32(frame + UC_SIZE + 4) >>> 0], [0xe3a07077, 0xef000000], "retcode words");
  // a misaligned sp, or a damaged VFP record, is a bad frame
  R[SP] = frame + 4;
  assert.equal(doSigreturn(t), false);
  R[SP] = frame;
  t.mem.st32(frame + UC.regspace + VFP.size, 100);
  assert.equal(doSigreturn(t), false);
  t.mem.st32(frame + UC.regspace + VFP.size, VFP_STORAGE_SIZE);
  // a sigcontext asking for privileged mode or interrupt masks only gets its flags and state back
  t.mem.st32(frame + UC.mcontext + SC.cpsr, (CPSR_Z | CPSR_T | 0x1f | 0x80) >>> 0);
  assert.ok(doSigreturn(t));
  assert.equal(cpu.getCpsr() & 0x1ff, (CPSR_T | 0x10) & 0x1ff, "user mode, I clear, Thumb state taken");
  // with SA_RESTORER the handler returns there
  assert.ok(ARM_SIGNALS.setupFrame(t, { sig: SIGUSR1, info: info(), thread: true, forced: false }, { handler: 0x5000, flags: SA_RESTORER, restorer: 0x7777, mask: 0n }, 0n));
  assert.equal(R[LR], 0x7777);
});

test("restarting a system call goes back over the SVC with r0 as it was", () => {
  const { t, cpu, R } = frameTask();
  R[PC] = 0x9004;
  ARM_SIGNALS.rewindSyscall(t, 3);
  assert.deepEqual([cpu.pc, R[7]], [0x9000, 3]);
  R[PC] = 0x9003; // Thumb, after a 16-bit SVC
  ARM_SIGNALS.rewindSyscall(t, 3);
  assert.equal(cpu.pc, 0x9000);
  assert.equal(cpu.thumb, true);
});

// ---- kuser page, ELF, process start ----------------------------------------------------------------------
test("the kuser helper page", () => {
  const { t } = armTask();
  mapKuserPage(t);
  const w = (off: number) => t.mem.ld32(KUSER_PAGE + off) >>> 0;
  assert.equal(w(0xffc), 5, "__kuser_helper_version: five 32-byte slots");
  assert.equal(w(0xfe0), 0xee1d0f70, "__kuser_get_tls reads TPIDRURO");
  assert.equal(w(0xfa0), 0xe12fff1e, "__kuser_memory_barrier returns");
  assert.equal(w(0xfc0) & 0x0ff00fff, 0x01900f9f, "__kuser_cmpxchg starts with ldrex");
  assert.equal(w(0x000), 0);
});

test("EM_ARM images: EABI version check, auxv with HWCAP/HWCAP2/v7l, initial registers", () => {
  assert.equal(checkArmFlags(0x05000400), null, "EABI5 hard-float");
  assert.equal(checkArmFlags(0x05000200), null, "EABI5 soft-float");
  assert.equal(checkArmFlags(0x04000000), null);
  assert.match(checkArmFlags(0)!, /not an EABI/);
  assert.match(checkArmFlags(0x02000000)!, /EABI version 2/);
  for (const name of ["exit0-armel", "exit0-armhf"]) {
    const { t, cpu } = armTask();
    const img = loadElf(t, path.join(root, "tests", "guest-arm", "bin", name), ["prog", "a"], ["X=1"], ARM_TARGET.elf);
    ARM_TARGET.startProcess(t, img);
    assert.equal(cpu.R[SP] >>> 0, img.sp);
    assert.equal(cpu.pc, img.entry & ~1);
    assert.equal(cpu.getCpsr() & 0x1f, 0x10, "user mode");
    for (let i = 0; i < 13; i++) assert.equal(cpu.R[i], 0);
    const m = t.mem;
    assert.equal(m.ld32(img.sp), 2, "argc");
    let p = img.sp + 4 * (1 + 2 + 1 + 1 + 1);
    const aux = new Map<number, number>();
    for (;;) {
      const k = m.ld32(p), v = m.ld32(p + 4) >>> 0;
      p += 8;
      if (k === 0) break;
      aux.set(k, v);
    }
    assert.equal(aux.get(16), ARM_HWCAP, "AT_HWCAP");
    assert.equal(aux.get(26), 0, "AT_HWCAP2");
    assert.equal(Buffer.from(m.readCString(aux.get(15)!, 16)).toString(), "v7l", "AT_PLATFORM");
    assert.equal(m.ld32(KUSER_PAGE + 0xffc), 5, "kuser page mapped");
    assert.equal(m.ld32(SIGPAGE) >>> 0, 0xe3a07077, "sigpage mapped");
  }
  const { t } = armTask();
  assert.throws(() => loadElf(t, path.join(root, "tests", "guest", "bin", "exit0"), ["p"], [], ARM_TARGET.elf), LoadError);
});
