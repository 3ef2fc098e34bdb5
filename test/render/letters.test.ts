// Merged letters rendered by LibreOffice: one page per person, holding that person's
// credentials, for every sample export and each of the three ready letters.
import * as fs from "fs";
import * as path from "path";
import { mergeLetters } from "../../src/core/merge";
import { Profile } from "../../src/core/catalog";
import { readRoster, Roster, RosterRecord, selectRecords } from "../../src/core/roster";
import { EXPORTS_DIR, readExport, readyLetter } from "../fixtures";
import { assertValidDocx } from "../helpers/check-docx";
import { outDir, pdfPageCount, pdfPages, toPdf } from "./libreoffice";
import { describeErrors, ooxmlErrors } from "./ooxml-validator";

const SAMPLES = EXPORTS_DIR;
const TEMPLATES = path.join(__dirname, "..", "..", "assets", "templates");
const OUT = outDir("render");

interface Job {
  name: string;
  roster: Roster;
  records: RosterRecord[];
  template: "parents" | "eleves" | "personnels";
  keepFields?: boolean;
}

const sample = (file: string) => readRoster(fs.readFileSync(path.join(SAMPLES, file)), file);
const only = (roster: Roster, ...profiles: Profile[]) => selectRecords(roster.records, { profiles });

const LONG_PARENT = [
  "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève",
  "DE LA ROCHEFOUCAULD-LIANCOURT;Marie-Hélène-Françoise;mariehelene.delarochefoucauldliancourt;Il1O0oQ8;Parent;6A, 5B, 3C;Jean-Baptiste-Emmanuel DE LA ROCHEFOUCAULD-LIANCOURT, Anne-Sophie-Charlotte DE LA ROCHEFOUCAULD-LIANCOURT, Pierre-Alexandre DE LA ROCHEFOUCAULD-LIANCOURT",
  "N'DIAYE;Aïssatou;aissatou.ndiaye;001000;Parent;4B;Moussa N'DIAYE",
].join("\r\n");

// One account still to activate, one the export says is active (no code any more).
const ACTIVATED = [
  "Nom;Prénom;Login;Code d'activation;Profil;Classe;Élève;Etat du compte",
  "MARTIN;Léa;lea.martin;K7pQ2xZ9;Parent;6A;Anaïs MARTIN;Inactif",
  "BERNARD;Paul;paul.bernard;;Parent;5B;Enzo BERNARD;Actif",
].join("\r\n");

function jobs(): Job[] {
  const parents = sample("moncollege-parents.csv");
  const eleves = sample("moncollege-eleves.csv");
  const staff = sample("excel-unicode.txt");
  const entng = sample("entng-export.csv");
  const entng2015 = sample("entng-2015.csv");
  const activation = sample("entng-activation.csv");
  const long = readRoster(Buffer.from(LONG_PARENT, "utf8"), "longs.csv");
  const activated = readRoster(Buffer.from(ACTIVATED, "utf8"), "actives.csv");
  return [
    { name: "moncollege-parents", roster: parents, records: parents.records, template: "parents" },
    {
      name: "moncollege-eleves",
      roster: eleves,
      records: selectRecords(eleves.records, { sort: "class" }),
      template: "eleves",
    },
    { name: "excel-unicode", roster: staff, records: staff.records, template: "personnels" },
    { name: "entng-parents", roster: entng, records: only(entng, "parent"), template: "parents" },
    { name: "entng-eleves", roster: entng, records: only(entng, "élève"), template: "eleves" },
    {
      name: "entng-personnels",
      roster: entng,
      records: only(entng, "enseignant", "personnel", "autre"),
      template: "personnels",
    },
    { name: "entng-2015", roster: entng2015, records: entng2015.records, template: "personnels" },
    { name: "entng-2015-parents", roster: entng2015, records: only(entng2015, "parent"), template: "parents" },
    {
      name: "entng-activation",
      roster: activation,
      records: activation.records,
      template: "personnels",
      keepFields: true,
    },
    { name: "parents-longs", roster: long, records: long.records, template: "parents" },
    { name: "entng-activation-parents", roster: activation, records: activation.records, template: "parents" },
    { name: "entng-activation-eleves", roster: activation, records: activation.records, template: "eleves" },
    { name: "parents-deja-actives", roster: activated, records: activated.records, template: "parents" },
  ];
}

const all = jobs();
let pdfs: string[] = [];
let docxFiles: string[] = [];

beforeAll(() => {
  const files = all.map((job) => {
    const template = fs.readFileSync(path.join(TEMPLATES, `${job.template}.docx`));
    const { docx } = mergeLetters(template, job.records, job.roster, { keepFields: job.keepFields });
    const file = path.join(OUT, `${job.name}.docx`);
    fs.writeFileSync(file, docx);
    return file;
  });
  docxFiles = files;
  pdfs = toPdf(files, OUT);
});

describe("Microsoft's Open XML validator", () => {
  it.each(["parents", "eleves", "personnels"])("finds no error in the ready letter %s.docx", (name) => {
    expect(describeErrors(ooxmlErrors(path.join(TEMPLATES, `${name}.docx`)))).toEqual([]);
  });

  it("finds no error in any merge of the ready letters", () => {
    const errors = docxFiles.flatMap((file) =>
      describeErrors(ooxmlErrors(file)).map((e) => `${path.basename(file)}: ${e}`),
    );
    expect(errors).toEqual([]);
  });
});

describe.each(all.map((job, i) => ({ ...job, i })))("$name × $template.docx", ({ records, i }) => {
  it("passes the output checker", () => {
    assertValidDocx(fs.readFileSync(docxFiles[i]));
  });

  it("renders exactly one page per person, in order, each with its own login and password", () => {
    expect(records.length).toBeGreaterThan(0);
    expect(pdfPageCount(pdfs[i])).toBe(records.length);
    const pages = pdfPages(pdfs[i]);
    expect(pages).toHaveLength(records.length);
    pages.forEach((raw, n) => {
      const page = raw.replace(/\u00a0/g, " ");
      expect(page).toContain(records[n].values.login);
      expect(page).toContain(records[n].values.password);
      expect(page).not.toMatch(/«\S[^»]*»/); // a field left unmerged (French quotes in text have spaces)
      for (const other of [records[n - 1], records[n + 1]])
        if (other) expect(page).not.toContain(`: ${other.values.password}\n`);
    });
  });
});

it("hides no blank page between letters (one page per person even with blank pages exported)", () => {
  const roster = readRoster(readExport("moncollege-parents.csv"), "moncollege-parents.csv");
  const records = roster.records.slice(0, 6);
  const file = path.join(OUT, "sans-page-blanche.docx");
  fs.writeFileSync(file, mergeLetters(readyLetter("parents"), records, roster).docx);
  const pages = pdfPages(toPdf([file], OUT, { blankPages: true })[0]);
  expect(pages).toHaveLength(records.length);
  expect(pages.filter((p) => p.trim() === "")).toEqual([]);
});

it("numbers the first-connection steps 1 to 5 on every letter of an account to activate, and none on the others", () => {
  for (const [i, job] of all.entries()) {
    pdfPages(pdfs[i]).forEach((page, n) => {
      const steps = [...page.matchAll(/^\s*(\d+)\.\s+\S/gm)].map((m) => Number(m[1]));
      const expected = job.records[n].values.password ? [1, 2, 3, 4, 5] : [];
      expect({ job: job.name, page: n + 1, steps }).toEqual({ job: job.name, page: n + 1, steps: expected });
    });
  }
});

it("tells an already-activated account to use « Mot de passe oublié », with no empty code", () => {
  const [toActivate, active] = pdfPages(pdfs[all.findIndex((j) => j.name === "parents-deja-actives")]).map((p) =>
    p.replace(/\s+/g, " "),
  );
  expect(toActivate).toMatch(/Code d’activation\s:\sK7pQ2xZ9/);
  expect(toActivate).not.toContain("Votre compte est déjà activé");
  expect(active).toContain("Votre compte est déjà activé : connectez-vous avec le mot de passe que vous avez choisi.");
  expect(active).toContain("« Mot de passe oublié »");
  expect(active).not.toMatch(/Code d’activation|Première connexion|Saisissez/);
  // No new code offered to an account already activated; the letter closes with a formula.
  expect(active).not.toMatch(/nouveau code|nouveau mot de passe provisoire/);
  expect(active).toContain("Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.");
  expect(toActivate).toContain("qui vous remettra un nouveau code");
  expect(active).toContain("Parent d’Enzo BERNARD");
});

it("elides before a vowel (Parent d’Anaïs) and keeps each word with its field's value", () => {
  let elided = 0;
  for (const [i, job] of all.entries()) {
    if (job.template !== "parents") continue;
    pdfPages(pdfs[i]).forEach((raw, n) => {
      const page = raw.replace(/\u00a0/g, " ");
      const where = { job: job.name, page: n + 1 };
      expect({ ...where, bad: /Parent de [aeiouyàâäéèêëîïôöùûüÿæœ]/iu.exec(page)?.[0] }).toEqual(where);
      expect({ ...where, dangling: /(?:Parent|classe|Parent de)\s*\n/.exec(page)?.[0] }).toEqual(where);
      if (/Parent d’/.test(page)) elided++;
    });
  }
  expect(elided).toBeGreaterThan(0);
});

it("words the credential as the export gives it: activation code or provisional password", () => {
  for (const [i, job] of all.entries()) {
    if (job.template === "eleves") continue;
    const activation = job.roster.columns.some((c) => c.field === "password" && /code/i.test(c.header));
    pdfPages(pdfs[i]).forEach((raw, n) => {
      if (!job.records[n].values.password) return; // an activated account: no credential at all
      const page = raw.replace(/\u00a0/g, " ");
      const where = { job: job.name, page: n + 1 };
      const wording = {
        code: /Code d’activation\s:/.test(page),
        password: /Mot de passe provisoire\s:/.test(page),
        steps: /Saisissez votre identifiant et le (code d’activation|mot de passe provisoire)/.exec(page)?.[1],
      };
      expect({ ...where, ...wording }).toEqual({
        ...where,
        code: activation,
        password: !activation,
        steps: activation ? "code d’activation" : "mot de passe provisoire",
      });
    });
  }
});

it("leaves out the child and class lines the export cannot fill, with no empty line or dangling word", () => {
  for (const [i, job] of all.entries()) {
    if (!job.name.startsWith("entng-activation-")) continue;
    for (const page of pdfPages(pdfs[i])) {
      expect(page).not.toMatch(/Parent de|Parent d'|Parent d’|Classe de|– classe/);
    }
  }
});

it("prints the long names and all three children of a parent, each with its class, on the same page", () => {
  // Lines broken after a hyphen are joined back.
  const page = pdfPages(pdfs[all.findIndex((j) => j.name === "parents-longs")])[0]
    .replace(/\s+/g, " ")
    .replace(/- /g, "-");
  expect(page).toContain("Marie-Hélène-Françoise");
  expect(page).toContain(
    "Parent de Jean-Baptiste-Emmanuel (6A), d’Anne-Sophie-Charlotte (5B) et de Pierre-Alexandre DE LA ROCHEFOUCAULD-LIANCOURT (3C)",
  );
  expect(page).toContain("la scolarité de vos enfants");
  expect(page).not.toContain("classe 6A");
});
