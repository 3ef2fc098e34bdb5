#!/usr/bin/env node
// `npm run mutate -- --changed [--base REV]`: Stryker on the files a change touches, as a
// habit rather than a marathon. The files are those of src/core and src/word (what Stryker
// mutates) that differ from REV (default: the upstream branch's merge base, else HEAD~1),
// committed or not. `npm run mutate -- FILE…` names them instead. Prints each file's score
// and the survivors by line, writes reports/mutation/changed.md for the change's notes, and
// exits 1 when the files together score under 80 %.
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const GOAL = 80;
const REPORT = path.join(ROOT, "reports", "mutation", "mutation.json");
const KILLED = new Set(["Killed", "Timeout"]);
const COUNTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);

const git = (...args) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();

function defaultBase() {
  try {
    return git("merge-base", "HEAD", "@{upstream}");
  } catch {
    return "HEAD~1";
  }
}

/** src/core and src/word TypeScript files that differ from `base` (deleted ones aside). */
function changedFiles(base) {
  const names = new Set([
    ...git("diff", "--name-only", "--diff-filter=d", base, "--").split("\n"),
    ...git("ls-files", "--others", "--exclude-standard", "src").split("\n"),
  ]);
  return [...names]
    .filter((f) => /^src\/(core|word)\/.*\.ts$/.test(f) && !f.endsWith(".d.ts"))
    .filter((f) => fs.existsSync(path.join(ROOT, f)))
    .sort();
}

const args = process.argv.slice(2);
let files;
if (args[0] === "--changed") {
  const at = args.indexOf("--base");
  const base = at >= 0 ? args[at + 1] : defaultBase();
  files = changedFiles(base);
  console.log(`Fichiers modifiés depuis ${base} : ${files.length}`);
} else if (args.length) {
  files = args;
} else {
  console.error("Usage : npm run mutate -- --changed [--base RÉVISION]   ou   npm run mutate -- FICHIER…");
  process.exit(2);
}
if (!files.length) {
  console.log("Aucun fichier de src/core ni de src/word modifié : rien à muter.");
  process.exit(0);
}
for (const f of files) console.log(`  ${f}`);

const stryker = spawnSync(
  process.execPath,
  [
    path.join(path.dirname(require.resolve("@stryker-mutator/core/package.json")), "bin", "stryker.js"),
    "run",
    "--mutate",
    files.join(","),
  ],
  { cwd: ROOT, stdio: "inherit" },
);
if (stryker.status !== 0) process.exit(stryker.status ?? 1);

const report = JSON.parse(fs.readFileSync(REPORT, "utf8"));
const rows = [];
let killed = 0;
let counted = 0;
const survivors = [];
for (const [file, result] of Object.entries(report.files)) {
  const rel = path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join("/");
  if (!files.includes(rel)) continue;
  let k = 0;
  let c = 0;
  for (const m of result.mutants) {
    if (!COUNTED.has(m.status)) continue;
    c++;
    if (KILLED.has(m.status)) k++;
    else
      survivors.push(
        `${rel}:${m.location.start.line} ${m.status === "NoCoverage" ? "(non couvert) " : ""}${m.mutatorName} → ${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 100)}`,
      );
  }
  killed += k;
  counted += c;
  rows.push(`| ${rel} | ${c ? ((100 * k) / c).toFixed(1) : "100.0"} % | ${k}/${c} |`);
}
const score = counted ? (100 * killed) / counted : 100;
const met = score >= GOAL;
const table = [
  "| fichier | score | tués |",
  "|---|---|---|",
  ...rows,
  `| **ensemble** | **${score.toFixed(1)} %** | ${killed}/${counted} |`,
].join("\n");
const text = `${table}\n\nObjectif ≥ ${GOAL} % : ${met ? "atteint" : "MANQUÉ"}.\n${survivors.length ? `\nSurvivants :\n${survivors.map((s) => `- ${s}`).join("\n")}\n` : ""}`;
fs.mkdirSync(path.dirname(REPORT), { recursive: true });
fs.writeFileSync(path.join(path.dirname(REPORT), "changed.md"), text);
console.log(`\n${text}`);
process.exitCode = met ? 0 : 1;
