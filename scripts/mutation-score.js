#!/usr/bin/env node
// After `stryker run`: the mutation score of src/core and src/word from the JSON report, against
// their goals (85 % and 75 %). Exits 1 when a goal is missed. With --survivors [FILE…], also
// lists each surviving mutant (file:line, mutator, replacement) to write the test that kills it.
"use strict";
const fs = require("fs");
const path = require("path");

const REPORT = path.join(__dirname, "..", "reports", "mutation", "mutation.json");
const GOALS = { "src/core": 85, "src/word": 75 };
const KILLED = new Set(["Killed", "Timeout"]);
const COUNTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);

const report = JSON.parse(fs.readFileSync(REPORT, "utf8"));
let ok = true;
for (const [folder, goal] of Object.entries(GOALS)) {
  let killed = 0;
  let counted = 0;
  const survivors = new Map();
  for (const [file, result] of Object.entries(report.files)) {
    const rel = path.relative(path.join(__dirname, ".."), path.resolve(file)).split(path.sep).join("/");
    if (!rel.startsWith(`${folder}/`)) continue;
    for (const m of result.mutants) {
      if (!COUNTED.has(m.status)) continue;
      counted++;
      if (KILLED.has(m.status)) killed++;
      else survivors.set(rel, (survivors.get(rel) ?? 0) + 1);
    }
  }
  const score = counted ? (100 * killed) / counted : 100;
  const met = score >= goal;
  ok = ok && met;
  console.log(
    `${folder} : ${score.toFixed(1)} % (${killed}/${counted} mutants tués ; objectif ${goal} %) ${met ? "atteint" : "MANQUÉ"}`,
  );
  for (const [file, n] of [...survivors].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${n} survivant(s) : ${file}`);
}
const at = process.argv.indexOf("--survivors");
if (at >= 0) {
  const only = process.argv.slice(at + 1);
  for (const [file, result] of Object.entries(report.files)) {
    const rel = path.relative(path.join(__dirname, ".."), path.resolve(file)).split(path.sep).join("/");
    if (only.length && !only.some((o) => rel.includes(o))) continue;
    for (const m of result.mutants) {
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
      const line = m.location.start.line;
      const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 100);
      console.log(
        `${rel}:${line} ${m.status === "NoCoverage" ? "(non couvert) " : ""}${m.mutatorName} → ${replacement}`,
      );
    }
  }
}
process.exitCode = ok ? 0 : 1;
