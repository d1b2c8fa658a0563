#!/usr/bin/env node
// The `tsemu-arm` command (see launch.js).
"use strict";
require("./launch").launch("arm");
