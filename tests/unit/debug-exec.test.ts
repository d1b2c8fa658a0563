// The exec loop's debugging support, in-process on hand-assembled i386 code: a breakpoint drops
// only the blocks containing its address (a hot loop elsewhere keeps its blocks and region), the
// block at a breakpoint stops before executing anything, and single-stepping runs one
// instruction per run().
import test from "node:test";
import assert from "node:assert/strict";
import { AddressSpace, PAGE_EXEC, PAGE_READ, PAGE_WRITE } from "../../src/memory/address-space";
import { CPUX86State, EIP, R_EAX, R_EBX, R_ECX, R_EDX } from "../../src/target/i386/cpu";
import { I386Frontend } from "../../src/target/i386/frontend";
import { ExecEngine } from "../../src/exec/cpu-exec";
import { EXCP_DEBUG, EXCP_SYSCALL } from "../../src/exec/exceptions";
import { Log } from "../../src/util/log";

// 0x1000: mov ecx,3000 | L1: add eax,1 | dec ecx | jnz L1 | int 0x80
// 0x100d: L2: add ebx,1 | dec edx | jnz L2 | int 0x80
const CODE = [
  0xb9, 0xb8, 0x0b, 0x00, 0x00, 0x83, 0xc0, 0x01, 0x49, 0x75, 0xfa, 0xcd, 0x80,
  0x83, 0xc3, 0x01, 0x4a, 0x75, 0xfa, 0xcd, 0x80,
];

function machine() {
  const mem = new AddressSpace(new SharedArrayBuffer(2 ** 32));
  mem.setProt(0x1000, 0x1000, PAGE_READ | PAGE_WRITE | PAGE_EXEC);
  mem.poke(0x1000, Uint8Array.from(CODE));
  const cpu = new CPUX86State(mem);
  const engine = new ExecEngine(new I386Frontend(cpu), mem, cpu, new Log());
  return { mem, cpu, engine, R: cpu.R };
}

test("a breakpoint retranslates only the blocks containing it; hot code elsewhere keeps its region", () => {
  const { engine, R } = machine();
  R[EIP] = 0x1000;
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(R[R_EAX], 3000);
  assert.equal(engine.stats.regions, 1, "the loop became a region");
  // a breakpoint in code not translated yet invalidates nothing
  engine.insertBreakpoint(0x1010);
  assert.equal(engine.stats.invalidated, 0);
  R[R_EDX] = 5;
  assert.equal(engine.run(), EXCP_DEBUG);
  assert.equal(R[EIP], 0x1010);
  assert.equal(R[R_EBX], 1, "stopped before the instruction at the breakpoint");
  engine.removeBreakpoint(0x1010);
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(R[R_EBX], 5);
  // the hot loop was not touched by any of that
  const before = engine.stats.invalidated;
  assert.equal(before, 1, "only the breakpoint's own block was dropped when it was removed");
  // a breakpoint inside the hot loop drops its blocks and the region holding them
  engine.insertBreakpoint(0x1008);
  assert.ok(engine.stats.invalidated > before);
  R[EIP] = 0x1005;
  R[R_ECX] = 10;
  R[R_EAX] = 0;
  assert.equal(engine.run(), EXCP_DEBUG);
  assert.equal(R[EIP], 0x1008);
  assert.equal(R[R_EAX], 1);
  // resuming with the breakpoint removed (as gdb steps over it) runs the loop to its end
  engine.removeBreakpoint(0x1008);
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(R[R_EAX], 10);
});

test("single-step: one instruction per run, a system call is stepped over once handled", () => {
  const { engine, R } = machine();
  R[EIP] = 0x1000;
  engine.singleStep = true;
  engine.resumed();
  assert.equal(engine.run(), EXCP_DEBUG);
  assert.equal(R[EIP], 0x1005);
  assert.equal(R[R_ECX], 3000);
  engine.resumed();
  assert.equal(engine.run(), EXCP_DEBUG);
  assert.equal(R[EIP], 0x1008);
  assert.equal(R[R_EAX], 1);
  R[EIP] = 0x100b;
  engine.resumed();
  assert.equal(engine.run(), EXCP_SYSCALL, "the int 0x80 itself");
  assert.equal(R[EIP], 0x100d);
  assert.equal(engine.run(), EXCP_DEBUG, "the step is reported after the system call");
  assert.equal(R[EIP], 0x100d);
  engine.singleStep = false;
  engine.resumed();
  R[R_EDX] = 2;
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(R[R_EBX], 2);
});
