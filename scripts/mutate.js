#!/usr/bin/env node
// `npm run mutate -- --changed [--base REV]`: Stryker on the files a change touches, as a
// habit rather than a marathon. The files are those of src/core and src/word (what Stryker
// mutates) that differ from REV (default: the upstream branch's merge base, else HEAD~1),
// committed or not: new files whole, changed ones by the lines the diff touches.
// `npm run mutate -- FILE…` names them instead; `--dry-run` only lists what would be
// mutated. Prints each file's score and the survivors by line, writes
// reports/mutation/changed.md for the change's notes, and exits 1 when the lines mutated
// score under 80 % together.
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

const MUTATED = (f) => /^src\/(core|word)\/.*\.ts$/.test(f) && !f.endsWith(".d.ts");

/**
 * What a change touches in src/core and src/word, as Stryker's mutate patterns: a new file
 * whole, a changed one by the line ranges its diff adds or rewrites (`file.ts:12-40`), so a
 * one-line fix in a large file costs its own mutants, not the file's.
 */
function changedPatterns(base) {
  const patterns = [];
  const untracked = git("ls-files", "--others", "--exclude-standard", "src").split("\n").filter(MUTATED);
  const added = git("diff", "--name-only", "--diff-filter=A", base, "--").split("\n").filter(MUTATED);
  for (const f of new Set([...untracked, ...added])) patterns.push(f);
  const modified = git("diff", "--name-only", "--diff-filter=M", base, "--")
    .split("\n")
    .filter(MUTATED)
    .filter((f) => !patterns.includes(f));
  for (const f of modified) {
    const ranges = [];
    for (const m of git("diff", "-U0", base, "--", f).matchAll(/^@@ -\S+ \+(\d+)(?:,(\d+))? @@/gm)) {
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count === 0) continue; // lines removed only
      const last = ranges[ranges.length - 1];
      // Hunks a few lines apart are one range: the statement around them is mutated once.
      if (last && start - last[1] <= 3) last[1] = start + count - 1;
      else ranges.push([start, start + count - 1]);
    }
    for (const [a, b] of ranges) patterns.push(`${f}:${a}-${b}`);
  }
  return patterns.filter((p) => fs.existsSync(path.join(ROOT, p.replace(/:\d+-\d+$/, "")))).sort();
}

const args = process.argv.slice(2);
let files;
if (args[0] === "--changed") {
  const at = args.indexOf("--base");
  const base = at >= 0 ? args[at + 1] : defaultBase();
  files = changedPatterns(base);
  console.log(`Modifié depuis ${base} (fichiers nouveaux entiers, lignes changées des autres) :`);
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
if (args.includes("--dry-run")) process.exit(0);
const fileOf = (pattern) => pattern.replace(/:\d+-\d+$/, "");
const rangesOf = (rel) =>
  files
    .filter((p) => fileOf(p) === rel)
    .map((p) => /:(\d+)-(\d+)$/.exec(p))
    .map((m) => (m ? [Number(m[1]), Number(m[2])] : [1, Infinity]));

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
  const ranges = rangesOf(rel);
  if (!ranges.length) continue;
  let k = 0;
  let c = 0;
  for (const m of result.mutants) {
    if (!COUNTED.has(m.status)) continue;
    // Only the mutants of the lines the change touches count (the report keeps others).
    const line = m.location.start.line;
    if (!ranges.some(([a, b]) => line >= a && line <= b)) continue;
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
