#!/usr/bin/env node
// Launcher for the `tsemu-i386` command: the TypeScript sources are compiled to dist/ by `npm install`.
// A larger young generation spares the translator most scavenges during start-up.
require("v8").setFlagsFromString("--min-semi-space-size=16");
require("v8").setFlagsFromString("--max-semi-space-size=64");
require("../dist/src/cli/main.js").main("i386");
