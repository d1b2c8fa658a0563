// The optimizer: a flat, named list of passes run in order (-d op_opt shows the result).
import { IRFunc } from "../ir";
import { foldPass } from "./fold";
import { dcePass } from "./dce";
import { verify } from "../verify";

export interface Pass {
  name: string;
  run(f: IRFunc): void;
}
export const PASSES: Pass[] = [
  { name: "fold", run: foldPass },
  { name: "dce", run: dcePass },
];

export function optimize(f: IRFunc, passes: readonly Pass[] = PASSES): void {
  for (const p of passes) p.run(f);
}
export { verify };
