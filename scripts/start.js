#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideload into desktop Word with office-addin-debugging;
// on Linux (no desktop Word), start the HTTPS dev server and explain how to upload the
// manifest in Word on the web. Errors are printed as one French sentence, never a stack.
"use strict";
const { spawn } = require("child_process");
const net = require("net");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

/**
 * Runs a tool; `label` prefixes each line it prints, so that its English output is never
 * taken for ours (without a label, its output goes through untouched).
 */
function run(cmd, args, label) {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: label ? ["inherit", "pipe", "pipe"] : "inherit",
    shell: process.platform === "win32",
  });
  if (label)
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let rest = "";
      from.setEncoding("utf8");
      from.on("data", (chunk) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop();
        for (const line of lines) to.write(`  [${label}] ${line}\n`);
      });
      from.on("end", () => rest && to.write(`  [${label}] ${rest}\n`));
    }
  child.on("error", (err) =>
    fail(`impossible de lancer ${path.basename(cmd)} (${err.message}). Avez-vous lancé « npm install » ?`),
  );
  child.on("exit", (code) => process.exit(code ?? 1));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

function fail(message) {
  console.error(`Courriers ENT : ${message}`);
  process.exit(1);
}

/** Resolves when nothing listens on the port; says in French what to do when something does. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (err) =>
      fail(
        err.code === "EADDRINUSE"
          ? `le port ${port} est déjà utilisé : un autre « npm start » tourne sans doute. Arrêtez-le (Ctrl+C dans son terminal), ou choisissez un autre port : DEV_SERVER_PORT=${port + 1} npm start${process.platform === "win32" ? ` (sous Windows : set DEV_SERVER_PORT=${port + 1} puis npm start)` : ""}.`
          : `impossible d'utiliser le port ${port} (${err.code || err.message}).`,
      ),
    );
    probe.listen(port, () => probe.close(resolve));
  });
}

const mode = process.argv[2] || "start";
const port = Number(process.env.DEV_SERVER_PORT || 3000);
main().catch((err) => fail(err && err.message ? err.message : String(err)));

async function main() {
  if (mode === "stop") {
    if (process.platform === "win32" || process.platform === "darwin")
      run(bin("office-addin-debugging"), ["stop", "manifest.xml"]);
    else console.log("Rien à arrêter : sous Linux, « npm start » s'arrête avec Ctrl+C.");
  } else if (process.platform === "win32" || process.platform === "darwin") {
    await portFree(port);
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "word"]);
  } else {
    await portFree(port);
    console.log(
      [
        `Courriers ENT — serveur de développement sur https://localhost:${port}/`,
        "Word pour Linux n'existe pas : chargez le complément dans Word sur le web.",
        "  1. Ouvrez un document sur https://www.office.com (Word sur le web).",
        "  2. Accueil › Compléments › Autres paramètres › Charger mon complément.",
        `  3. Choisissez ${path.join(root, "manifest.xml")}, puis cliquez sur « Courriers ENT ».`,
        `Le navigateur doit faire confiance au certificat de https://localhost:${port} (office-addin-dev-certs).`,
        "Ctrl+C pour arrêter. Les lignes [webpack] viennent de l'outil de développement (en anglais).",
      ].join("\n"),
    );
    run(bin("webpack"), ["serve", "--mode", "development"], "webpack");
  }
}
