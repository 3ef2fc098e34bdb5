#!/usr/bin/env node
// Entry point of the `courriers-ent` command: the compiled command line lives in build/.
"use strict";
let cli;
try {
  cli = require("../build/cli/main.js");
} catch {
  console.error("Courriers ENT : la ligne de commande n'est pas construite. Lancez « npm run build » puis réessayez.");
  process.exit(2);
}
cli.runFromProcess();
