#!/usr/bin/env node
// Start-up speed: bundles the compiled modules (dist/src) into one file, dist/tsemu.js, and
// records a V8 code cache for it (dist/tsemu.cache) after a warm-up run of the demo program, so
// that `tsemu-i386` neither resolves ~60 modules nor compiles its translator from source on
// every start. bin/tsemu-i386.js falls back to dist/src when these files are missing or stale.
const esbuild = require("esbuild");
const path = require("path");
const fs = require("fs");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const out = path.join(root, "dist", "tsemu.js");
esbuild.buildSync({
  entryPoints: [path.join(root, "dist", "src", "cli", "main.js")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: out,
  logLevel: "warning",
});
const cache = path.join(root, "dist", "tsemu.cache");
fs.rmSync(cache, { force: true });
// the launcher writes the cache when asked to, after running a program to the end
const r = spawnSync(process.execPath, [path.join(root, "bin", "tsemu-i386.js"), path.join(root, "examples", "hello.i386")], {
  env: { ...process.env, TSEMU_WRITE_CODE_CACHE: cache },
  stdio: ["ignore", "ignore", "inherit"],
});
if (r.status !== 0 || !fs.existsSync(cache)) console.warn("tools/bundle.js: no code cache written (start-up will be slower)");
