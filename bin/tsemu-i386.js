#!/usr/bin/env node
// The `tsemu-i386` command (see launch.js).
"use strict";
require("./launch").launch("i386");
