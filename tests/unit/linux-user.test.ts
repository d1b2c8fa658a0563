// Unit tests of the linux-user layer's pure pieces: signal queueing and delivery order, siginfo
// layouts, the alternate-stack rules, restart handling of interrupted system calls, signal-frame
// placement, the FPU state conversions of signal frames, stat/statfs conversions, 32-bit
// directory offsets, timer arithmetic and the vDSO image. Each checks the kernel behaviour the emulator copies.
import test from "node:test";
import assert from "node:assert/strict";
import {
  faultInfo, kernelInfo, normalizeSiginfo, PendingSignal, SignalState, sigbit, siginfoWords, SIGALRM, SIGCHLD,
  SIGINT, SIGRTMIN, SIGSEGV, SIGTERM, SIGUSR1, SIGUSR2, SIG_DFL, SIG_IGN, SI_QUEUE, SI_USER, SS_DISABLE, SS_ONSTACK,
  SS_AUTODISARM, userInfo, defaultAction,
} from "../../src/linux-user/signal-state";
import { doubleToF80, f80ToDouble } from "../../src/target/i386/helpers/fpu";
import { frameLayout, RT_SIGFRAME_SIZE, SIGFRAME_SIZE } from "../../src/linux-user/i386/signal";
import { I386_ABI } from "../../src/linux-user/i386/abi";
import { toStat, stat64Fields, toStatfs, toStatfs64, STAT_SIZE, STATFS64_SIZE } from "../../src/linux-user/syscalls/stat";
import { DirCookies, direntsTo32, remapDirent64 } from "../../src/linux-user/syscalls/dir";
import { expire, remaining } from "../../src/linux-user/timers";
import { alarmSeconds } from "../../src/linux-user/syscalls/timer";
import { fpuExceptionCode } from "../../src/linux-user/i386/cpu-loop";
import { processPendingSignals, SA_RESTART, SignalArch } from "../../src/linux-user/signal";
import { EINTR, ERESTARTNOHAND, ERESTARTSYS, ERESTART_RESTARTBLOCK } from "../../src/linux-user/errno";
import { Task } from "../../src/linux-user/task";
import { AddressSpace } from "../../src/memory/address-space";
import { Log } from "../../src/util/log";
import { VDSO_IMAGE, VDSO_SYMBOLS } from "../../src/linux-user/i386/vdso-image";

const sig = (s: number, thread = false, info = userInfo(s, SI_USER, 1, 0)): PendingSignal => ({ sig: s, info, thread, forced: false });

// ---- queueing and dequeue order ------------------------------------------------------------------
test("ignored signals are discarded at generation unless blocked", () => {
  const st = new SignalState();
  assert.equal(st.queue(sig(SIGCHLD)), false, "SIGCHLD's default action is to ignore");
  st.actions[SIGUSR1].handler = SIG_IGN;
  assert.equal(st.queue(sig(SIGUSR1)), false);
  st.blocked = sigbit(SIGUSR1);
  assert.equal(st.queue(sig(SIGUSR1)), true, "a blocked signal stays pending even if ignored");
});

test("standard signals are not queued twice in one queue; real-time ones are", () => {
  const st = new SignalState();
  st.actions[SIGUSR1].handler = 0x1000;
  st.actions[SIGRTMIN].handler = 0x1000;
  st.blocked = sigbit(SIGUSR1) | sigbit(SIGRTMIN);
  assert.equal(st.queue(sig(SIGUSR1)), true);
  assert.equal(st.queue(sig(SIGUSR1)), false);
  assert.equal(st.queue(sig(SIGUSR1, true)), true, "the thread queue is separate");
  for (let i = 0; i < 3; i++) assert.equal(st.queue(sig(SIGRTMIN)), true);
  assert.equal(st.pending.length, 5);
});

test("dequeue: thread-directed first, synchronous faults first, then the lowest number, RT in order", () => {
  const st = new SignalState();
  st.queue(sig(SIGTERM));
  st.queue(sig(SIGUSR2));
  st.queue(sig(SIGINT, true));
  const rt = [11, 22, 33].map((v) => ({ ...sig(SIGRTMIN), info: userInfo(SIGRTMIN, SI_QUEUE, v, 0) }));
  rt.forEach((p) => st.queue(p));
  st.queue({ sig: SIGSEGV, info: faultInfo(SIGSEGV, 1, 0), thread: false, forced: false });
  const order: number[] = [];
  for (let p = st.dequeue(0n); p; p = st.dequeue(0n)) order.push(p.sig === SIGRTMIN ? 100 + new DataView(p.info.buffer).getInt32(12, true) : p.sig);
  assert.deepEqual(order, [SIGINT, SIGSEGV, SIGUSR2, SIGTERM, 111, 122, 133]);
});

test("a forced fault that is blocked or ignored resets the handler and unblocks it", () => {
  const st = new SignalState();
  st.actions[SIGSEGV].handler = SIG_IGN;
  st.blocked = sigbit(SIGSEGV) | sigbit(SIGUSR1);
  st.queue({ sig: SIGSEGV, info: faultInfo(SIGSEGV, 1, 0x1234), thread: true, forced: true });
  assert.equal(st.actions[SIGSEGV].handler, SIG_DFL);
  assert.equal(st.blocked, sigbit(SIGUSR1));
  assert.equal(st.dequeue(st.blocked)?.sig, SIGSEGV);
});

test("default actions", () => {
  assert.equal(defaultAction(SIGSEGV), "core");
  assert.equal(defaultAction(SIGALRM), "term");
  assert.equal(defaultAction(SIGCHLD), "ign");
  assert.equal(defaultAction(19), "stop");
  assert.equal(defaultAction(SIGRTMIN + 3), "term");
});

// ---- siginfo -----------------------------------------------------------------------------------------
test("siginfo layouts keep the fields of their union member only", () => {
  assert.equal(siginfoWords(SIGSEGV, 1), 1, "SEGV_MAPERR: si_addr");
  assert.equal(siginfoWords(SIGUSR1, SI_QUEUE), 3, "SI_QUEUE: pid, uid, value");
  assert.equal(siginfoWords(SIGUSR1, SI_USER), 2, "kill: pid, uid");
  assert.equal(siginfoWords(SIGCHLD, 1), 5);
  const raw = new Uint8Array(128).fill(0xaa);
  const dv = new DataView(raw.buffer);
  dv.setInt32(0, 99, true);
  dv.setInt32(4, 0, true);
  dv.setInt32(8, SI_QUEUE, true);
  const n = new DataView(normalizeSiginfo(SIGUSR2, raw).buffer);
  assert.equal(n.getInt32(0, true), SIGUSR2, "si_signo is the signal sent");
  assert.equal(n.getUint32(20, true), 0xaaaaaaaa, "si_value kept");
  assert.equal(n.getUint32(24, true), 0, "bytes beyond the union member are cleared");
  const k = new DataView(kernelInfo(SIGALRM).buffer);
  assert.deepEqual([k.getInt32(0, true), k.getInt32(8, true), k.getInt32(12, true)], [SIGALRM, 0x80, 0]);
});

// ---- alternate stack ----------------------------------------------------------------------------------
test("sigaltstack: on-stack test, flags, EPERM, EINVAL, ENOMEM, disable", () => {
  const st = new SignalState();
  assert.equal(st.altStackFlags(0x1000), SS_DISABLE);
  assert.equal(st.setAltStack({ sp: 0x10000, size: 16, flags: 0 }, 0x8000), -12);
  assert.equal(st.setAltStack({ sp: 0x10000, size: 0x4000, flags: 5 }, 0x8000), -22);
  assert.equal(st.setAltStack({ sp: 0x10000, size: 0x4000, flags: SS_AUTODISARM }, 0x8000), 0);
  assert.equal(st.altStack.flags, SS_AUTODISARM >>> 0, "flags are kept as given");
  assert.equal(st.onAltStack(0x10000), false, "the lowest address is not on the stack");
  assert.equal(st.onAltStack(0x14000), true, "the top is");
  assert.equal(st.altStackFlags(0x12000), SS_ONSTACK);
  assert.equal(st.setAltStack({ sp: 0, size: 0, flags: SS_DISABLE }, 0x12000), -1, "EPERM while on it");
  assert.equal(st.setAltStack({ sp: 0x99, size: 0x99, flags: SS_DISABLE }, 0x8000), 0);
  assert.deepEqual(st.altStack, { sp: 0, size: 0, flags: SS_DISABLE });
});

test("signal frames: ABI alignment, FPU area, alternate stack, overflow", () => {
  const st = new SignalState();
  for (const size of [SIGFRAME_SIZE, RT_SIGFRAME_SIZE]) {
    for (const sp of [0xbfff0000, 0xbfff0004, 0xbffeffff]) {
      const l = frameLayout(sp, size, false, st)!;
      assert.equal((l.frame + 4) % 16, 0, "handler entry sees ((sp + 4) & 15) == 0");
      assert.equal((l.fpstate + 112) % 64, 0, "the fxsave image is 64-byte aligned");
      assert.ok(l.frame + size <= l.fpstate && l.fpstate + 624 <= sp);
    }
  }
  st.setAltStack({ sp: 0x20000, size: 0x10000, flags: 0 }, 0xbfff0000);
  const l = frameLayout(0xbfff0000, RT_SIGFRAME_SIZE, true, st)!;
  assert.ok(l.frame > 0x20000 && l.frame < 0x30000, "SA_ONSTACK moves to the alternate stack");
  assert.equal(frameLayout(0xbfff0000, RT_SIGFRAME_SIZE, false, st)!.frame > 0x30000, true);
  assert.equal(frameLayout(0x20100, RT_SIGFRAME_SIZE, true, st), null, "nearly full alternate stack: overflow");
});

// ---- delivery and restart ------------------------------------------------------------------------------
function fakeTask(): { t: Task; arch: SignalArch; frames: { sig: number; mask: bigint }[]; regs: { eax: number; rewound: number } } {
  const t = new Task(new AddressSpace(), { R: new Int32Array(256) }, null as never, new Log(), I386_ABI);
  const frames: { sig: number; mask: bigint }[] = [];
  const regs = { eax: 0, rewound: -1 };
  const arch: SignalArch = {
    setupFrame: (_t, ps, _a, mask) => (frames.push({ sig: ps.sig, mask }), true),
    setSyscallResult: (_t, v) => (regs.eax = v),
    rewindSyscall: (_t, nr) => (regs.rewound = nr),
  };
  return { t, arch, frames, regs };
}

test("an interrupted system call: -EINTR, or run again with SA_RESTART", () => {
  for (const [ret, flags, eintr] of [
    [-ERESTARTSYS, 0, true], [-ERESTARTSYS, SA_RESTART, false], [-ERESTARTNOHAND, SA_RESTART, true],
    [-ERESTART_RESTARTBLOCK, SA_RESTART, true],
  ] as const) {
    const { t, arch, frames, regs } = fakeTask();
    t.signals.actions[SIGALRM] = { handler: 0x1000, flags, restorer: 0, mask: 0n };
    t.signals.queue(sig(SIGALRM));
    t.syscallRestart = { nr: 3, ret };
    processPendingSignals(t, arch, "test");
    assert.equal(frames.length, 1);
    if (eintr) assert.equal(regs.eax, -EINTR);
    else assert.equal(regs.rewound, 3);
    assert.equal(t.syscallRestart, null);
  }
});

test("no handler: the call runs again; restart blocks go through restart_syscall", () => {
  const { t, arch, regs } = fakeTask();
  t.syscallRestart = { nr: 162, ret: -ERESTART_RESTARTBLOCK };
  processPendingSignals(t, arch, "test");
  assert.equal(regs.rewound, 0);
  const b = fakeTask();
  b.t.syscallRestart = { nr: 29, ret: -ERESTARTNOHAND };
  processPendingSignals(b.t, b.arch, "test");
  assert.equal(b.regs.rewound, 29);
});

test("sigsuspend: the frame saves the original mask; the handler runs under the temporary one", () => {
  const { t, arch, frames } = fakeTask();
  const st = t.signals;
  st.actions[SIGUSR1] = { handler: 0x1000, flags: 0, restorer: 0, mask: sigbit(SIGTERM) };
  st.savedMask = sigbit(SIGUSR1) | sigbit(SIGUSR2);
  st.blocked = 0n;
  st.queue(sig(SIGUSR1));
  processPendingSignals(t, arch, "test");
  assert.deepEqual(frames, [{ sig: SIGUSR1, mask: sigbit(SIGUSR1) | sigbit(SIGUSR2) }]);
  assert.equal(st.blocked, sigbit(SIGUSR1) | sigbit(SIGTERM));
  assert.equal(st.savedMask, null);
});

test("several pending signals stack frames; SA_RESETHAND resets the handler", () => {
  const { t, arch, frames } = fakeTask();
  const st = t.signals;
  st.actions[SIGUSR1] = { handler: 0x1000, flags: 0x80000000, restorer: 0, mask: 0n };
  st.actions[SIGUSR2] = { handler: 0x2000, flags: 0, restorer: 0, mask: 0n };
  st.queue(sig(SIGUSR2));
  st.queue(sig(SIGUSR1));
  processPendingSignals(t, arch, "test");
  assert.deepEqual(frames.map((f) => f.sig), [SIGUSR1, SIGUSR2]);
  assert.equal(st.actions[SIGUSR1].handler, SIG_DFL);
  assert.equal(frames[1].mask, sigbit(SIGUSR1), "the second frame saves the mask the first handler runs with");
});

// ---- FPU state in frames ----------------------------------------------------------------------------------
test("80-bit conversions are exact for every kind of double", () => {
  const vals = [0, -0, 1, -1.5, Math.PI, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308, 1.5e-310, Infinity, -Infinity, Number.MAX_VALUE];
  for (const v of vals) assert.equal(Object.is(f80ToDouble(...doubleToF80(v)), v), true, String(v));
  assert.deepEqual(doubleToF80(1), [0x3fff, 0x80000000, 0]);
  assert.deepEqual(doubleToF80(5e-324), [0x3fff - 1074, 0x80000000, 0], "the smallest subnormal is normal in 80 bits");
  const cell = new Float64Array(1);
  const bits = new Uint32Array(cell.buffer);
  bits[0] = 1;
  bits[1] = 0x7ff00000;
  cell[0] = f80ToDouble(...doubleToF80(cell[0]));
  assert.deepEqual([bits[0], bits[1]], [1, 0x7ff00000], "signalling NaN payload kept");
});

test("x87/SIMD exception codes (fpu__exception_code)", () => {
  assert.equal(fpuExceptionCode(0x01), 7);
  assert.equal(fpuExceptionCode(0x04), 3);
  assert.equal(fpuExceptionCode(0x08), 4);
  assert.equal(fpuExceptionCode(0x10), 5);
  assert.equal(fpuExceptionCode(0x20), 6);
  assert.equal(fpuExceptionCode(0), 0);
});

// ---- stat and statfs ----------------------------------------------------------------------------------
function hostStat(f: { ino?: bigint; nlink?: bigint; size?: bigint; uid?: number }): DataView {
  const h = new DataView(new ArrayBuffer(144));
  h.setBigUint64(0, 0x803n, true);
  h.setBigUint64(8, f.ino ?? 1234n, true);
  h.setBigUint64(16, f.nlink ?? 2n, true);
  h.setUint32(24, 0o100644, true);
  h.setUint32(28, f.uid ?? 1000, true);
  h.setBigInt64(48, f.size ?? 10n, true);
  h.setBigInt64(56, 4096n, true);
  h.setBigInt64(64, 8n, true);
  h.setBigInt64(72, 1000000000n, true);
  h.setBigInt64(80, 5n, true);
  return h;
}
test("old struct stat: 16-bit ids, EOVERFLOW for what does not fit", () => {
  const s = toStat(hostStat({ uid: 70000 })) as Uint8Array;
  assert.equal(s.length, STAT_SIZE);
  const g = new DataView(s.buffer);
  assert.equal(g.getUint32(4, true), 1234);
  assert.equal(g.getUint16(8, true), 0o100644);
  assert.equal(g.getUint16(12, true), 65534, "uid beyond 16 bits: the overflow id");
  assert.equal(g.getUint32(20, true), 10);
  assert.equal(g.getUint32(32, true), 1000000000);
  assert.equal(g.getUint32(36, true), 5);
  assert.equal(toStat(hostStat({ ino: 1n << 33n })), -75);
  assert.equal(toStat(hostStat({ size: 1n << 31n })), -75);
  assert.equal(toStat(hostStat({ nlink: 70000n })), -75);
});
test("struct stat64 is written field by field (padding untouched)", () => {
  const f = stat64Fields(hostStat({ ino: (1n << 40n) + 7n, size: 5n << 30n }), I386_ABI.stat64);
  const offs = new Map(f.map(([o, , v]) => [o, v]));
  assert.equal(offs.get(12), 7n, "__st_ino is truncated");
  assert.equal(offs.get(88), (1n << 40n) + 7n, "st_ino is whole");
  assert.equal(offs.get(44), 5n << 30n);
  assert.equal(offs.has(8) || offs.has(40), false);
});
test("statfs and statfs64", () => {
  const h = new DataView(new ArrayBuffer(120));
  h.setBigUint64(0, 0xef53n, true);
  h.setBigUint64(8, 4096n, true);
  h.setBigUint64(16, 1n << 33n, true); // f_blocks beyond 32 bits
  h.setBigUint64(40, 0xffffffffffffffffn, true);
  h.setBigUint64(64, 255n, true);
  h.setBigUint64(72, 4096n, true);
  assert.equal(toStatfs(h), -75);
  const b = toStatfs64(h) as Uint8Array;
  assert.equal(b.length, STATFS64_SIZE);
  const g = new DataView(b.buffer);
  assert.equal(g.getBigUint64(8, true), 1n << 33n);
  assert.equal(g.getUint32(56, true), 255);
  h.setBigUint64(16, 100n, true);
  const s = new DataView((toStatfs(h) as Uint8Array).buffer);
  assert.equal(s.getUint32(8, true), 100);
  assert.equal(s.getInt32(20, true), -1, "f_files of -1 fits");
});

// ---- directories ---------------------------------------------------------------------------------------------
function dirent64(entries: [bigint, number, string, number][]): DataView {
  const parts: Uint8Array[] = [];
  for (const [ino, off, name, type] of entries) {
    const rl = (19 + name.length + 1 + 7) & ~7;
    const b = new Uint8Array(rl);
    const d = new DataView(b.buffer);
    d.setBigUint64(0, ino, true);
    d.setBigInt64(8, BigInt(off), true);
    d.setUint16(16, rl, true);
    d.setUint8(18, type);
    b.set(Buffer.from(name), 19);
    parts.push(b);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return new DataView(all.buffer);
}
test("64-bit directory cookies get 32-bit stand-ins, translated back for seeks", () => {
  const c = new DirCookies();
  assert.equal(c.toGuest(3, 12), 12, "small offsets pass through");
  const big = 2 ** 40 + 17;
  const g = c.toGuest(4, big);
  assert.ok(g > 0 && g <= 0x7fffffff);
  assert.equal(c.toGuest(4, big), g, "stable");
  assert.equal(c.toHost(4, g), big);
  assert.equal(c.resultToGuest(4, big), g);
  assert.equal(c.toHost(4, 0), 0);
  c.forget(4);
  assert.equal(c.toHost(4, g), g);
  const dv = dirent64([[5n, big, "a", 8]]);
  remapDirent64(dv, dv.byteLength, (o) => c.toGuest(5, o));
  assert.ok(Number(dv.getBigInt64(8, true)) <= 0x7fffffff);
});
test("old getdents records", () => {
  const dv = dirent64([[5n, 1, ".", 4], [6n, 2, "file.txt", 8], [1n << 33n, 3, "x", 8]]);
  const r = direntsTo32(dv, dv.byteLength, 1000, (o) => o);
  assert.equal(r.overflow, true, "an inode number beyond 32 bits stops the conversion");
  const out = new DataView(r.out.buffer, r.out.byteOffset);
  assert.equal(out.getUint32(0, true), 5);
  const rl = out.getUint16(8, true);
  assert.equal(rl, 16, "ALIGN(10 + namelen + 2, 4)");
  assert.equal(r.out[rl - 1], 4, "d_type in the last byte");
  assert.equal(out.getUint32(rl + 4, true), 2);
  assert.equal(Buffer.from(r.out.subarray(rl + 10, rl + 18)).toString(), "file.txt");
  assert.equal(r.used, 24 + 32);
  const small = direntsTo32(dv, dv.byteLength, 30, (o) => o);
  assert.equal(small.out.length, 16, "stops at the first record that does not fit");
  assert.equal(small.used, 24);
});

// ---- timers ------------------------------------------------------------------------------------------------------
test("timer expiry counts missed periods; remaining time; alarm rounding", () => {
  const tm = { clock: "wall" as const, deadline: 1000, interval: 100 };
  assert.equal(expire(tm, 999), 0);
  assert.equal(expire(tm, 1250), 3);
  assert.equal(tm.deadline, 1300);
  const once = { clock: "wall" as const, deadline: 1000, interval: 0 };
  assert.equal(expire(once, 2000), 1);
  assert.equal(once.deadline, 0);
  assert.equal(remaining({ clock: "wall", deadline: 1000, interval: 0 }, 1200, 1000), 1000);
  assert.equal(remaining({ clock: "wall", deadline: 0, interval: 0 }, 1200, 1000), 0);
  assert.equal(alarmSeconds(0), 0);
  assert.equal(alarmSeconds(1), 1, "never 0 while an alarm is pending");
  assert.equal(alarmSeconds(2.4e9), 2);
  assert.equal(alarmSeconds(2.5e9), 3);
});

// ---- vDSO ----------------------------------------------------------------------------------------------------
test("the vDSO image: one-page ELF with the kernel's trampoline bytes (unwinders match them)", () => {
  assert.equal(VDSO_IMAGE.readUInt32BE(0), 0x7f454c46);
  assert.ok(VDSO_IMAGE.length <= 4096);
  const at = (o: number, n: number) => [...VDSO_IMAGE.subarray(o, o + n)];
  assert.deepEqual(at(VDSO_SYMBOLS.__kernel_sigreturn, 8), [0x58, 0xb8, 0x77, 0, 0, 0, 0xcd, 0x80]);
  assert.deepEqual(at(VDSO_SYMBOLS.__kernel_rt_sigreturn, 7), [0xb8, 0xad, 0, 0, 0, 0xcd, 0x80]);
  assert.deepEqual(at(VDSO_SYMBOLS.__kernel_vsyscall, 3), [0xcd, 0x80, 0xc3]);
});
