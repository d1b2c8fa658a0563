// x87 floating point: translated to helper calls on the FPU state (helpers/fpu.ts).
import type { Handler } from "./alu";

export const X87_HANDLERS: Record<string, Handler> = {};
