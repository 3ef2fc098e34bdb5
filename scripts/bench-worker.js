#!/usr/bin/env node
// One benchmark run in its own process, so time and peak memory are the whole process's:
// node bench-worker.js courriers|courriers-qr|docxtemplater|floor|parse|fields COUNT
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const [engine, countArg] = process.argv.slice(2);
const count = Number(countArg);
const root = path.join(__dirname, "..");
const started = process.hrtime.bigint();

function parentsCsv(n) {
  const lines = ["Nom;Prénom;Login;Mot de passe;Profil;Niveau;Classe;Élève;Etat du compte"];
  for (let i = 0; i < n; i++) {
    lines.push(
      `NOM${i};Prénom${i};prenom.nom${i};${String(i).padStart(8, "0")};Parent;6EME;6${"ABCD"[i % 4]};Enfant${i} NOM${i};Inactif`,
    );
  }
  return Buffer.from(lines.join("\r\n"), "latin1");
}

const out = path.join(os.tmpdir(), `bench-${engine}-${count}.docx`);
const csv = parentsCsv(count);
if (engine === "parse") {
  const { readRoster } = require(path.join(root, "build/core/roster"));
  const t0 = process.hrtime.bigint();
  const roster = readRoster(csv, "bench.csv");
  const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (roster.records.length !== count) throw new Error("wrong count");
  report({ parseMs });
} else if (engine === "courriers" || engine === "courriers-qr") {
  const { readRoster } = require(path.join(root, "build/core/roster"));
  const { mergeLetters } = require(path.join(root, "build/core/merge"));
  const roster = readRoster(csv, "bench.csv");
  const template = fs.readFileSync(path.join(root, "assets/templates/parents.docx"));
  // With QR: every letter gets its own code (--qr-url with the login), one PNG part each.
  const options = engine === "courriers-qr" ? { qrUrl: "https://ent.exemple.fr/auth/activation?login={login}" } : {};
  const { docx, letters } = mergeLetters(template, roster.records, roster, options);
  if (letters !== count) throw new Error("wrong count");
  fs.writeFileSync(out, docx);
  report({ bytes: docx.length });
} else if (engine === "fields") {
  // One letter whose template holds COUNT complex (fldChar) MERGEFIELDs: time must grow linearly.
  const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate");
  const { readRoster } = require(path.join(root, "build/core/roster"));
  const { mergeLetters } = require(path.join(root, "build/core/merge"));
  const files = unzipSync(fs.readFileSync(path.join(root, "assets/templates/personnels.docx")));
  const fc = (type) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
  const field = `<w:p>${fc("begin")}<w:r><w:instrText> MERGEFIELD Login </w:instrText></w:r>${fc("separate")}<w:r><w:t>x</w:t></w:r>${fc("end")}</w:p>`;
  const xml = strFromU8(files["word/document.xml"]);
  const at = xml.lastIndexOf("<w:sectPr");
  files["word/document.xml"] = strToU8(xml.slice(0, at) + field.repeat(count) + xml.slice(at));
  const roster = readRoster(parentsCsv(1), "bench.csv");
  const t0 = process.hrtime.bigint();
  mergeLetters(zipSync(files), roster.records, roster);
  report({ mergeMs: Number(process.hrtime.bigint() - t0) / 1e6 });
} else if (engine === "floor") {
  // The project's own floor: what no engine can skip for the same letters — read the file,
  // open the template, and write our own output's letters (the previous « courriers » run's,
  // read before the clock) into a package deflated as ours is (fflate, level 6, in 1 MB
  // pieces). The time spent reading that output back is taken off.
  const { unzipSync, strFromU8, strToU8, Zip, ZipDeflate } = require("fflate");
  const { readRoster } = require(path.join(root, "build/core/roster"));
  const prepStart = process.hrtime.bigint();
  const ours = unzipSync(fs.readFileSync(path.join(os.tmpdir(), `bench-courriers-${count}.docx`)));
  const letters = strFromU8(ours["word/document.xml"]);
  const prepMs = Number(process.hrtime.bigint() - prepStart) / 1e6;
  const roster = readRoster(csv, "bench.csv");
  if (roster.records.length !== count) throw new Error("wrong count");
  const template = unzipSync(fs.readFileSync(path.join(root, "assets/templates/parents.docx")));
  const chunks = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(ours)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    if (name !== "word/document.xml") {
      file.push(template[name] ?? data, true);
      continue;
    }
    for (let i = 0; i < letters.length; i += 1 << 20) file.push(strToU8(letters.slice(i, i + (1 << 20))));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  const docx = Buffer.concat(chunks);
  fs.writeFileSync(out, docx);
  report({ bytes: docx.length }, prepMs);
} else if (engine === "docxtemplater") {
  const PizZip = require("pizzip");
  const Docxtemplater = require("docxtemplater");
  const { readRoster } = require(path.join(root, "build/core/roster"));
  const roster = readRoster(csv, "bench.csv");
  const zip = new PizZip(docxtemplaterTemplate());
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render({ people: roster.records.map((r) => r.values) });
  const docx = doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
  fs.writeFileSync(out, docx);
  report({ bytes: docx.length });
}

/** The same parents letter for docxtemplater: fields as {tags}, the body in a loop with a page break. */
function docxtemplaterTemplate() {
  const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate");
  const files = unzipSync(fs.readFileSync(path.join(root, "assets/templates/parents.docx")));
  let xml = strFromU8(files["word/document.xml"]);
  // Each field's own content control (its tag in its own sdtPr, never a nested one's) becomes
  // a {tag}; every other control (conditional and school passages, the QR code) is unwrapped.
  xml = xml.replace(
    /<w:sdt><w:sdtPr>((?:(?!<\/w:sdtPr>)[\s\S])*)<\/w:sdtPr>(?:<w:sdtEndPr\/>|<w:sdtEndPr>(?:(?!<\/w:sdtEndPr>)[\s\S])*<\/w:sdtEndPr>)?<w:sdtContent>((?:(?!<w:sdt>|<\/w:sdtContent>)[\s\S])*)<\/w:sdtContent><\/w:sdt>/g,
    (m, pr, content) => {
      const id = /<w:tag w:val="ent:(?:de:|que:)?(\w+)"\/>/.exec(pr)?.[1];
      return id
        ? content.replace(/<w:t xml:space="preserve">«[^»]*»<\/w:t>/, `<w:t xml:space="preserve">{${id}}</w:t>`)
        : m;
    },
  );
  xml = xml
    .replace(
      /<w:sdt><w:sdtPr>(?:(?!<\/w:sdtPr>)[\s\S])*<\/w:sdtPr>(?:<w:sdtEndPr\/>|<w:sdtEndPr>(?:(?!<\/w:sdtEndPr>)[\s\S])*<\/w:sdtEndPr>)?<w:sdtContent>/g,
      "",
    )
    .replace(/<\/w:sdtContent><\/w:sdt>/g, "");
  const body = xml.indexOf("<w:body>") + "<w:body>".length;
  const sect = xml.lastIndexOf("<w:sectPr");
  xml = `${xml.slice(0, body)}<w:p><w:r><w:t>{#people}</w:t></w:r></w:p>${xml.slice(body, sect)}<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>{/people}</w:t></w:r></w:p>${xml.slice(sect)}`;
  files["word/document.xml"] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

function report(extra, excludedMs = 0) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6 - excludedMs;
  process.stdout.write(
    JSON.stringify({ engine, count, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, ...extra }),
  );
}
