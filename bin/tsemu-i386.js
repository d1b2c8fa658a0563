#!/usr/bin/env node
// Launcher for the `tsemu-i386` command: the TypeScript sources are compiled to dist/ by `npm install`.
require("../dist/src/cli/main.js").main("i386");
