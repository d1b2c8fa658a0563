// The launcher shared by the tsemu-<arch> commands (bin/tsemu-i386.js, bin/tsemu-arm.js). It
// loads the single-file bundle dist/tsemu.js with its V8 code cache when they exist (see
// tools/bundle.js), else the compiled modules in dist/src, and runs the command for `arch`.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const dist = path.join(__dirname, "..", "dist");
const bundle = path.join(dist, "tsemu.js");
const cacheFile = process.env.TSEMU_WRITE_CODE_CACHE || path.join(dist, "tsemu.cache");

function loadBundle() {
  let src;
  try {
    src = fs.readFileSync(bundle, "utf8");
    // a bundle older than the modules it was built from is stale: use the modules
    if (fs.statSync(bundle).mtimeMs < fs.statSync(path.join(dist, "src", "cli", "main.js")).mtimeMs) return null;
  } catch {
    return null;
  }
  let cachedData;
  if (!process.env.TSEMU_WRITE_CODE_CACHE) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {}
  }
  const script = new vm.Script("(function (exports, require, module, __filename, __dirname) {" + src + "\n})", {
    filename: bundle,
    cachedData,
  });
  const m = { exports: {} };
  script.runInThisContext()(m.exports, require, m, bundle, dist);
  if (process.env.TSEMU_WRITE_CODE_CACHE) {
    // after the guest ran, the cache also holds the translator's compiled functions
    const exit = process.exit;
    process.exit = (code) => {
      fs.writeFileSync(cacheFile, script.createCachedData());
      exit(code);
    };
  }
  return m.exports;
}

exports.launch = function launch(arch) {
  const main = loadBundle() || require("../dist/src/cli/main.js");
  main.main(arch);
};
