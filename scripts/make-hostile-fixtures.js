#!/usr/bin/env node
// Writes test/fixtures/hostile/: packages that unpack far beyond Courriers ENT's limit (zip
// bombs), committed so the tests need not spend seconds compressing 210 MiB each run.
//   node scripts/make-hostile-fixtures.js
"use strict";
const fs = require("fs");
const path = require("path");
const { Zip, ZipDeflate, unzipSync, strToU8 } = require("fflate");

const OUT = path.join(__dirname, "..", "test", "fixtures", "hostile");
const BOMB_MIB = 210;

/** A zip of `parts`, plus `big` as BOMB_MIB MiB of zeros, with honest sizes in its directory. */
function zipWithBomb(parts, big) {
  const chunks = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(parts)) {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(data, true);
  }
  const file = new ZipDeflate(big, { level: 9 });
  zip.add(file);
  const mib = new Uint8Array(1 << 20);
  for (let i = 0; i < BOMB_MIB; i++) file.push(mib, i === BOMB_MIB - 1);
  zip.end();
  return Buffer.concat(chunks);
}

/** The same zip whose central directory says every entry unpacks to 1,000 bytes. */
function lyingDirectory(zip) {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at++)
    if (out.readUInt32LE(at) === 0x02014b50) out.writeUInt32LE(1000, at + 24);
  return out;
}

const docx = unzipSync(fs.readFileSync(path.join(__dirname, "..", "assets", "templates", "personnels.docx")));
const xlsx = {
  "[Content_Types].xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  "_rels/.rels": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  "xl/workbook.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Comptes" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  "xl/_rels/workbook.xml.rels": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
  "xl/worksheets/sheet1.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Login</t></is></c><c r="B1" t="inlineStr"><is><t>Mot de passe</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a.b</t></is></c><c r="B2" t="inlineStr"><is><t>PW1</t></is></c></row></sheetData></worksheet>',
  ),
};

fs.mkdirSync(OUT, { recursive: true });
const bombDocx = zipWithBomb(docx, "word/media/image1.png");
fs.writeFileSync(path.join(OUT, "bombe.docx"), bombDocx);
fs.writeFileSync(path.join(OUT, "bombe-taille-mensongere.docx"), lyingDirectory(bombDocx));
const bombXlsx = zipWithBomb(xlsx, "xl/media/image1.png");
fs.writeFileSync(path.join(OUT, "bombe.xlsx"), bombXlsx);
fs.writeFileSync(path.join(OUT, "bombe-taille-mensongere.xlsx"), lyingDirectory(bombXlsx));
for (const f of fs.readdirSync(OUT))
  console.log(`écrit : test/fixtures/hostile/${f} (${fs.statSync(path.join(OUT, f)).size} octets)`);
