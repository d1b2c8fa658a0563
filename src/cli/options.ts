// Command-line options of tsemu-<arch>, following qemu-user's (linux-user/main.c): the same
// flags, the same QEMU_* environment variables, the same "-h" layout.
export interface Options {
  logItems: string;
  logFile: string;
  setEnv: string[];
  unsetEnv: string[];
  prefix: string;
  strace: boolean;
  oneInsnPerTb: boolean;
  gdbPort: string;
  argv0: string | null;
  stackSize: number;
  cpuModel: string;
  plugins: string[];
  program: string;
  args: string[];
}

interface OptDef {
  flag: string;
  env: string;
  arg: string | null;
  help: string;
  apply(o: Options, v: string): void;
}

function parseSize(s: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(s);
  if (!m) throw new OptionError(`Invalid stack size: ${s}`);
  const mult = { "": 1, k: 1024, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase()]!;
  return Number(m[1]) * mult;
}

export class OptionError extends Error {}
/** -h / -version: print and exit 0 */
export class InfoRequest extends Error {}

export const OPTIONS: OptDef[] = [
  { flag: "h", env: "", arg: null, help: "print this help", apply: () => { throw new InfoRequest("help"); } },
  { flag: "help", env: "", arg: null, help: "", apply: () => { throw new InfoRequest("help"); } },
  { flag: "g", env: "QEMU_GDB", arg: "port", help: "wait gdb connection to 'port'", apply: (o, v) => (o.gdbPort = v) },
  { flag: "L", env: "QEMU_LD_PREFIX", arg: "path", help: "set the elf interpreter prefix to 'path'", apply: (o, v) => (o.prefix = v) },
  { flag: "s", env: "QEMU_STACK_SIZE", arg: "size", help: "set the stack size to 'size' bytes", apply: (o, v) => (o.stackSize = parseSize(v)) },
  { flag: "cpu", env: "QEMU_CPU", arg: "model", help: "select CPU (-cpu help for list)", apply: (o, v) => (o.cpuModel = v) },
  { flag: "E", env: "QEMU_SET_ENV", arg: "var=value", help: "sets targets environment variable (see below)", apply: (o, v) => o.setEnv.push(...v.split(",")) },
  { flag: "U", env: "QEMU_UNSET_ENV", arg: "var", help: "unsets targets environment variable (see below)", apply: (o, v) => o.unsetEnv.push(...v.split(",")) },
  { flag: "0", env: "QEMU_ARGV0", arg: "argv0", help: "forces target process argv[0] to be 'argv0'", apply: (o, v) => (o.argv0 = v) },
  { flag: "d", env: "QEMU_LOG", arg: "item[,...]", help: "enable logging of specified items (use '-d help' for a list of items)", apply: (o, v) => (o.logItems = o.logItems ? o.logItems + "," + v : v) },
  { flag: "D", env: "QEMU_LOG_FILENAME", arg: "logfile", help: "write logs to 'logfile' (default stderr)", apply: (o, v) => (o.logFile = v) },
  { flag: "one-insn-per-tb", env: "QEMU_ONE_INSN_PER_TB", arg: null, help: "run with one guest instruction per emulated TB", apply: (o) => (o.oneInsnPerTb = true) },
  { flag: "singlestep", env: "QEMU_SINGLESTEP", arg: null, help: "deprecated synonym for -one-insn-per-tb", apply: (o) => (o.oneInsnPerTb = true) },
  { flag: "strace", env: "QEMU_STRACE", arg: null, help: "log system calls", apply: (o) => (o.strace = true) },
  { flag: "plugin", env: "QEMU_PLUGIN", arg: "file[,arg=value...]", help: "load a plugin", apply: (o, v) => o.plugins.push(v) },
  { flag: "version", env: "QEMU_VERSION", arg: null, help: "display version information and exit", apply: () => { throw new InfoRequest("version"); } },
];

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const o: Options = {
    logItems: "", logFile: "", setEnv: [], unsetEnv: [], prefix: "", strace: false, oneInsnPerTb: false,
    gdbPort: "", argv0: null, stackSize: 8 << 20, cpuModel: "", plugins: [], program: "", args: [],
  };
  // environment first, so the command line overrides it
  for (const d of OPTIONS) {
    const v = d.env ? env[d.env] : undefined;
    if (v === undefined || d.flag === "version") continue;
    d.apply(o, d.arg ? v : "");
  }
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("-")) break;
    if (a === "--") {
      i++;
      break;
    }
    const name = a.replace(/^--?/, "");
    const d = OPTIONS.find((x) => x.flag === name);
    if (!d) throw new OptionError(`unknown option '${name}'`);
    if (d.arg) {
      if (i + 1 >= argv.length) throw new OptionError(`missing argument for option '${name}'`);
      d.apply(o, argv[++i]);
    } else d.apply(o, "");
  }
  if (i >= argv.length) throw new OptionError("no user program specified");
  o.program = argv[i];
  o.args = argv.slice(i + 1);
  return o;
}

export function usage(cmd: string, arch: string): string {
  const lines = [
    `usage: ${cmd} [options] program [arguments...]`,
    `Linux CPU emulator (compiled for ${arch} emulation)`,
    "",
    "Options and associated environment variables:",
    "",
    "Argument             Env-variable      Description",
  ];
  for (const d of OPTIONS) {
    if (!d.help) continue;
    const arg = `-${d.flag}${d.arg ? " " + d.arg : ""}`;
    lines.push(`${arg.padEnd(21)}${d.env.padEnd(18)}${d.help}`);
  }
  lines.push(
    "",
    "Defaults:",
    "QEMU_LD_PREFIX  = (none)",
    "QEMU_STACK_SIZE = 8388608 byte",
    "",
    "You can use -E and -U options or the QEMU_SET_ENV and",
    "QEMU_UNSET_ENV environment variables to set and unset",
    "environment variables for the target process.",
    "It is possible to provide several variables by separating them",
    "by commas in getsubopt(3) style. Additionally it is possible to",
    "provide the -E and -U options multiple times.",
    "The following lines are equivalent:",
    "    -E var1=val2 -E var2=val2 -U LD_PRELOAD -U LD_DEBUG",
    "    -E var1=val2,var2=val2 -U LD_PRELOAD,LD_DEBUG",
    "    QEMU_SET_ENV=var1=val2,var2=val2 QEMU_UNSET_ENV=LD_PRELOAD,LD_DEBUG",
    "Note that if you provide several changes to a single variable",
    "the last change will stay in effect.",
  );
  return lines.join("\n") + "\n";
}
