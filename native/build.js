#!/usr/bin/env node
// Builds native/hostsys.cc with the node-gyp that ships with npm, against the headers of the
// running Node (offline: never lets node-gyp download headers).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const candidates = [process.env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), ".."), "/usr"];
const nodedir = candidates.find((d) => d && fs.existsSync(path.join(d, "include", "node", "node.h")));
const gyp = [
  process.env.npm_config_node_gyp,
  path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
].find((p) => p && fs.existsSync(p));
if (!gyp) {
  console.error("native/build.js: node-gyp (bundled with npm) not found");
  process.exit(1);
}
const args = [gyp, "rebuild"];
if (nodedir) args.push(`--nodedir=${nodedir}`);
const r = spawnSync(process.execPath, args, { stdio: "inherit", cwd: path.join(__dirname, "..") });
process.exit(r.status ?? 1);
