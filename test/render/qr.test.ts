// QR codes read as a phone reads them: each page of a 300-letter merge rendered by
// LibreOffice, rasterised, and decoded with zbarimg (zbar-tools). Every code opens its own
// person's activation page, filled in; the cards carry the same codes.
import { execFileSync } from "child_process";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { readyLetter } from "../fixtures";
import { assertValidDocx } from "../helpers/check-docx";
import { outDir, pdfPages, toPdf } from "./libreoffice";
import { describeErrors, ooxmlErrors } from "./ooxml-validator";

const OUT = outDir("qr");
const ENT = "https://ent.college-exemple.fr";
const PEOPLE = 300;

/** The letter as a school completes it: the ENT's address typed in the pink passage. */
function withEntAddress(docx: Uint8Array, address: string): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files["word/document.xml"]).replace(
    /(<w:tag w:val="ent:edit:adresse-ent"\/><w:id w:val="\d+"\/>)<w:showingPlcHdr\/>(<\/w:sdtPr><w:sdtContent><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>)[^<]*/g,
    `$1$2${address}`,
  );
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files);
}

// Synthetic parents with activation codes full of look-alike and URL-special characters.
const csv = [
  "Nom;Prénom;Login;Code d'activation;Profil;Classe;Élève",
  ...Array.from({ length: PEOPLE }, (_, i) => {
    const code = `K${i}&x=1+O0l/${(i * 7919).toString(36)}`;
    return `NOM${i};Prénom${i};prenom${i}.nom${i};${code};Parent;${6 - (i % 4)}${"ABCD"[i % 4]};Enfant${i} NOM${i}`;
  }),
].join("\r\n");
const roster = readRoster(Buffer.from(csv, "utf8"), "parents-qr.csv");
const expected = (login: string, code: string) =>
  `${ENT}/auth/activation?login=${encodeURIComponent(login)}&activationCode=${encodeURIComponent(code)}`;

/** The codes zbarimg finds on each page of a PDF, in page order. */
function decodePages(pdf: string, name: string): string[][] {
  const prefix = path.join(OUT, name);
  execFileSync("pdftoppm", ["-r", "150", "-gray", "-png", pdf, prefix]);
  const images = fs
    .readdirSync(OUT)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort();
  return images.map((img) => {
    let text = "";
    try {
      text = execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path.join(OUT, img)], {
        encoding: "utf8",
      });
    } catch {
      text = "";
    }
    return text.split("\n").filter(Boolean);
  });
}

it("prints on every page of a 300-letter merge a QR code that opens that person's activation page", () => {
  for (const f of fs.readdirSync(OUT)) fs.rmSync(path.join(OUT, f));
  const template = withEntAddress(readyLetter("parents"), ENT);
  const { docx, warnings } = mergeLetters(template, roster.records, roster);
  expect(warnings).toEqual([]);
  assertValidDocx(docx);
  // One image per person (their codes differ), each drawn 27 mm wide with its alt text.
  const parts = Object.keys(unzipSync(docx)).filter((p) => p.startsWith("word/media/ent-qr-"));
  expect(parts).toHaveLength(PEOPLE);
  const xml = strFromU8(unzipSync(docx)["word/document.xml"]);
  expect(xml).toContain('descr="Code QR : page d&apos;activation de l&apos;ENT pour prenom0.nom0"');
  expect(xml).toContain('<wp:extent cx="972000" cy="972000"/>');
  const file = path.join(OUT, "parents-qr.docx");
  fs.writeFileSync(file, docx);
  expect(describeErrors(ooxmlErrors(file))).toEqual([]);
  const pdf = toPdf([file], OUT)[0];
  const pages = pdfPages(pdf);
  expect(pages).toHaveLength(PEOPLE);
  const codes = decodePages(pdf, "page");
  expect(codes).toHaveLength(PEOPLE);
  codes.forEach((found, i) => {
    const login = /Identifiant\s:\s(\S+)/.exec(pages[i])![1];
    const person = roster.records.find((r) => r.values.login === login)!;
    expect(found).toEqual([expected(login, person.values.password)]);
  });
});

it("gives the cards the same codes, 8 per page", () => {
  const cards = withEntAddress(
    fs.readFileSync(path.join(__dirname, "..", "..", "assets", "templates", "cartes.docx")),
    ENT,
  );
  const some = roster.records.slice(0, 20);
  const { docx } = mergeLetters(cards, some, roster);
  const file = path.join(OUT, "cartes-qr.docx");
  fs.writeFileSync(file, docx);
  const pdf = toPdf([file], OUT)[0];
  const found = decodePages(pdf, "carte").flat().sort();
  expect(found).toEqual(some.map((r) => expected(r.values.login, r.values.password)).sort());
});

it("leaves the code out, and says why, when the letter's ENT address is still the model", () => {
  const { docx, warnings } = mergeLetters(readyLetter("parents"), roster.records.slice(0, 2), roster);
  expect(Object.keys(unzipSync(docx)).some((p) => p.includes("ent-qr"))).toBe(false);
  expect(warnings.map((w) => w.message)).toEqual([
    "Codes QR non imprimés : l'adresse de l'ENT du courrier n'est pas complétée (passage rose « adresse de l'ENT »). Complétez-la, ou indiquez l'adresse des codes QR (dans le volet, « Adresse des codes QR » ; en ligne de commande, --qr-url).",
  ]);
});

it("prints neither the code nor its sentence where no code can be made (an address without https://)", () => {
  const template = withEntAddress(readyLetter("parents"), "ent.college-exemple.fr");
  const few = roster.records.slice(0, 3);
  const { docx, warnings } = mergeLetters(template, few, roster);
  expect(warnings.map((w) => w.field)).toEqual(["Code QR"]);
  const file = path.join(OUT, "parents-sans-qr.docx");
  fs.writeFileSync(file, docx);
  const pages = pdfPages(toPdf([file], OUT)[0]);
  expect(pages).toHaveLength(3);
  for (const page of pages) expect(page).not.toMatch(/Flashez ce code/);
  // With a code, the sentence is there.
  const withCode = mergeLetters(withEntAddress(readyLetter("parents"), ENT), few, roster).docx;
  expect(strFromU8(unzipSync(withCode)["word/document.xml"])).toContain("Flashez ce code");
});
