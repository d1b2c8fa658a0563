// Runs tsemu-<arch> (tsemu-i386 unless opts.arch says otherwise) as a child process, the way
// users and CI do, for the guest and busybox tests.
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";

const binDir = path.resolve(__dirname, "..", "..", "..", "bin");

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  /** the exit status as a shell reports it (128 + signal for a signal death) */
  status: number;
}

export function exitStatus(status: number | null, signal: NodeJS.Signals | null): number {
  if (status !== null) return status;
  return signal ? 128 + (os.constants.signals[signal] as number) : -1;
}

export function runTsemu(args: string[], opts: { stdin?: Buffer; cwd?: string; env?: NodeJS.ProcessEnv; arch?: string } = {}): RunResult {
  const tsemu = path.join(binDir, `tsemu-${opts.arch ?? "i386"}.js`);
  const r = spawnSync(process.execPath, [tsemu, ...args], {
    input: opts.stdin ?? Buffer.alloc(0),
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  return { stdout: r.stdout, stderr: r.stderr.toString(), status: exitStatus(r.status, r.signal) };
}
