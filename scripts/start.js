#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideload into desktop Word with office-addin-debugging;
// on Linux (no desktop Word), start the HTTPS dev server and explain how to upload the
// manifest in Word on the web. Errors are printed as one French sentence, never a stack.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
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

const mode = process.argv[2] || "start";
const port = Number(process.env.DEV_SERVER_PORT || 3000);
try {
  if (mode === "stop") {
    if (process.platform === "win32" || process.platform === "darwin")
      run(bin("office-addin-debugging"), ["stop", "manifest.xml"]);
    else console.log("Rien à arrêter : sous Linux, « npm start » s'arrête avec Ctrl+C.");
  } else if (process.platform === "win32" || process.platform === "darwin") {
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "word"]);
  } else {
    console.log(
      [
        `Courriers ENT — serveur de développement sur https://localhost:${port}/`,
        "Word pour Linux n'existe pas : chargez le complément dans Word sur le web.",
        "  1. Ouvrez un document sur https://www.office.com (Word sur le web).",
        "  2. Accueil › Compléments › Autres paramètres › Charger mon complément.",
        `  3. Choisissez ${path.join(root, "manifest.xml")}, puis cliquez sur « Courriers ENT ».`,
        `Le navigateur doit faire confiance au certificat de https://localhost:${port} (office-addin-dev-certs).`,
        "Ctrl+C pour arrêter.",
      ].join("\n"),
    );
    run(bin("webpack"), ["serve", "--mode", "development"]);
  }
} catch (err) {
  fail(err && err.message ? err.message : String(err));
}
