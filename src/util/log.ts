// `-d ITEMS` / `-D FILE` logging (qemu's qemu_log): items are enabled by name; output goes to
// stderr or the log file, written synchronously so it interleaves correctly with guest output.
import * as fs from "fs";

export const LOG_ITEMS: Record<string, string> = {
  out_asm: "show generated host (JavaScript) code for each compiled TB",
  in_asm: "show target assembly code for each compiled TB",
  op: "show micro ops for each compiled TB",
  op_opt: "show micro ops after optimization",
  int: "show interrupts/exceptions in short format",
  exec: "show trace before each executed TB (lots of logs)",
  cpu: "show CPU registers before entering a TB (lots of logs)",
  strace: "log every user-mode syscall, its input, and its result",
  unimp: "log unimplemented functionality",
  page: "dump pages at beginning of user mode emulation",
  nochain: "do not chain compiled TBs so that \"exec\" and \"cpu\" show complete traces",
};

export class Log {
  private items = new Set<string>();
  private fd = 2;

  /** Parse a comma-separated -d list; returns an error message or null. */
  enable(list: string): string | null {
    for (const item of list.split(",").filter(Boolean)) {
      if (item === "all") {
        for (const k of Object.keys(LOG_ITEMS)) this.items.add(k);
        continue;
      }
      if (!(item in LOG_ITEMS)) return `Log items (comma separated):\n${helpText()}\nunknown log item '${item}'`;
      this.items.add(item);
    }
    return null;
  }
  enabled(item: string): boolean {
    return this.items.has(item);
  }
  setFile(path: string): void {
    this.fd = fs.openSync(path, "w");
  }
  write(s: string): void {
    fs.writeSync(this.fd, s);
  }
}

export function helpText(): string {
  return Object.entries(LOG_ITEMS)
    .map(([k, v]) => `${k.padEnd(10)} ${v}`)
    .join("\n");
}
