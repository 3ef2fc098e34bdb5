#!/usr/bin/env node
// `npm run bench`: speed measured as ratios, not asserted in timed tests.
//  - parse time for 10,000 rows;
//  - whole-process time to merge 1,141 and 10,000 parent letters, against docxtemplater
//    on the same letters (median of 5 alternated pairs; goal: at most half its time), and
//    against the project's own floor (the same letters only read, concatenated and
//    deflated: bench-worker.js « floor »), with
//    peak memory;
//  - Word round trips (context.sync) per merge, for 10 and 1,141 letters;
//  - start-up: `courriers-ent --help` against bare Node (goal: within 20 ms);
//  - 10,000 and 20,000 complex MERGEFIELDs in one template (goal: under 1 s, linear);
//  - 1,141 letters with a QR code each, against the same without (goal: under 2×).
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const worker = path.join(__dirname, "bench-worker.js");
const RUNS = Number(process.env.BENCH_RUNS || 3);
/** Pairs run for the comparison with docxtemplater, alternated so that drift hits both. */
const PAIRS = Number(process.env.BENCH_PAIRS || 5);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function once(engine, count) {
  const res = spawnSync(process.execPath, ["--max-old-space-size=8192", worker, engine, String(count)], {
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`${engine} ${count}: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

function best(engine, count) {
  const runs = Array.from({ length: RUNS }, () => once(engine, count));
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

const lines = [];

/** Best of N wall times of a command, in ms. */
function bestTime(args, n = 10) {
  let bestMs = Infinity;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const res = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`${args.join(" ")}: ${res.stderr}`);
    bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return bestMs;
}

const bare = bestTime(["-e", "0"]);
const help = bestTime([path.join(__dirname, "..", "bin", "courriers-ent.js"), "--help"]);
const startOk = help - bare <= 20;
lines.push(
  `Démarrage : courriers-ent --help ${help.toFixed(0)} ms, Node seul ${bare.toFixed(0)} ms — écart ${(help - bare).toFixed(0)} ms ${startOk ? "(objectif ≤ 20 ms atteint)" : "(objectif ≤ 20 ms MANQUÉ)"}`,
);
const parse = best("parse", 10000);
lines.push(`Lecture de 10 000 lignes : ${parse.parseMs.toFixed(0)} ms`);

let ok = startOk;
for (const count of [1141, 10000]) {
  // Median of alternated pairs (ours, then theirs), then the floor: our run's letters
  // written and deflated again with no engine (bench-worker.js « floor »).
  const ours = [];
  const theirs = [];
  const floor = [];
  for (let i = 0; i < PAIRS; i++) {
    ours.push(once("courriers", count));
    theirs.push(once("docxtemplater", count));
    floor.push(once("floor", count));
  }
  const oursMs = median(ours.map((r) => r.ms));
  const theirsMs = median(theirs.map((r) => r.ms));
  const floorMs = median(floor.map((r) => r.ms));
  const ratio = oursMs / theirsMs;
  ok = ok && ratio <= 0.5;
  const peak = (runs) => Math.max(...runs.map((r) => r.maxRssMiB)).toFixed(0);
  lines.push(
    `${count} courriers (médiane de ${PAIRS} paires alternées) : Courriers ENT ${oursMs.toFixed(0)} ms (pic ${peak(ours)} Mio), docxtemplater ${theirsMs.toFixed(0)} ms (pic ${peak(theirs)} Mio) — rapport ${ratio.toFixed(2)} ${ratio <= 0.5 ? "(objectif ≤ 0,50 atteint)" : "(objectif ≤ 0,50 MANQUÉ)"} ; plancher (lecture, écriture et compression des mêmes courriers) ${floorMs.toFixed(0)} ms — ${(oursMs / floorMs).toFixed(2)} × le plancher`,
  );
}

// QR codes: 1,141 letters each with its own code, against the same letters without (goal: under 2×).
{
  const plain = best("courriers", 1141);
  const qr = best("courriers-qr", 1141);
  const ratio = qr.ms / plain.ms;
  ok = ok && ratio < 2;
  lines.push(
    `1141 courriers avec codes QR : ${qr.ms.toFixed(0)} ms, sans : ${plain.ms.toFixed(0)} ms — rapport ${ratio.toFixed(2)} ${ratio < 2 ? "(objectif < 2 atteint)" : "(objectif < 2 MANQUÉ)"}`,
  );
}

const fields10k = best("fields", 10000).mergeMs;
const fields20k = best("fields", 20000).mergeMs;
const linear = fields10k < 1000 && fields20k / fields10k < 3;
ok = ok && linear;
lines.push(
  `Champs Word complexes dans un modèle : 10 000 en ${fields10k.toFixed(0)} ms, 20 000 en ${fields20k.toFixed(0)} ms ${linear ? "(linéaire, objectif < 1 s atteint)" : "(objectif MANQUÉ : < 1 s et linéaire)"}`,
);

async function roundTrips() {
  const built = path.join(__dirname, "..", "build", "bench", "scripts", "bench", "word-round-trips.js");
  const { syncsPerMerge } = require(built);
  for (const count of [10, 1141]) {
    lines.push(`Allers-retours Word (context.sync) pour ${count} courriers : ${await syncsPerMerge(count)}`);
  }
}

roundTrips().then(
  () => {
    console.log(lines.join("\n"));
    process.exitCode = ok ? 0 : 1;
  },
  (err) => {
    console.log(lines.join("\n"));
    console.error(`Allers-retours Word non mesurés : ${err.message}`);
    process.exitCode = 1;
  },
);
