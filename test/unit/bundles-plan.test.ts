// What the pane and the command line say before a merge: how many sheets to print, in which
// class groups, under which school name; and the address each person's QR code opens.
import { classGroups, MergeSource, paperPages, qrAddress, schoolName } from "../../src/core/merge";
import { receiptPages } from "../../src/core/merge/bundles";
import { qrPlan } from "../../src/core/merge/qr-codes";
import { distinctValues, RosterRecord } from "../../src/core/roster";
import { readyLetter } from "../fixtures";
import { cc, makeDocx, p, r } from "./helpers/docx";

let row = 1;
function person(values: Record<string, string>, extra: Partial<RosterRecord> = {}): RosterRecord {
  return {
    row: ++row,
    profile: "parent",
    values: { login: `l${row}`, password: `p${row}`, class: "", ...values },
    lists: {},
    raw: {},
    ...extra,
  } as unknown as RosterRecord;
}

describe("class groups and pages to print", () => {
  const people = [
    person({ class: "6A" }),
    person({ class: "5B" }, { lists: { class: ["5B", "6A"] } }),
    person({ class: "6A " }),
    person({ class: "" }),
    ...Array.from({ length: 24 }, () => person({ class: "4C" })),
  ];

  it("groups in order of first appearance, a parent in their first child's class, the classless together", () => {
    expect(classGroups(people).map((g) => [g.name, g.records.length])).toEqual([
      ["6A", 2],
      ["5B", 1],
      [expect.stringMatching(/classe/i), 1],
      ["4C", 24],
    ]);
  });

  it.each([
    [0, 1],
    [1, 1],
    [24, 1],
    [25, 2],
    [49, 3],
  ])("a receipt for %i people takes %i page(s)", (n, pages) => expect(receiptPages(n)).toBe(pages));

  it("counts a page per letter, plus a cover and the receipts per class; receipts alone; recto-verso backs", () => {
    expect(paperPages(people)).toBe(28);
    // 4 classes: 28 letters + 4 covers + 4 receipt pages.
    expect(paperPages(people, { receiptsOnly: false, rectoVerso: false })).toBe(36);
    expect(paperPages(people, { receiptsOnly: true, rectoVerso: false })).toBe(4);
    expect(paperPages(people, { receiptsOnly: false, rectoVerso: true })).toBe(71);
  });
});

describe("the school's name on covers and receipts", () => {
  const passage = (text: string, placeholder: boolean) =>
    `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:etablissement"/>${placeholder ? "<w:showingPlcHdr/>" : ""}</w:sdtPr><w:sdtContent>${p(r(text))}</w:sdtContent></w:sdt>`;
  const withSchool = [person({}), person({ school: "  Collège Jean Moulin " })];

  it("takes the letter's completed passage, trimmed", () => {
    const docx = makeDocx({ body: passage(" Collège Lumière ", false) + p(cc("login", "Login")) });
    expect(schoolName(docx, withSchool)).toBe("Collège Lumière");
  });

  it("else the export's column, else nothing", () => {
    const docx = makeDocx({ body: passage("Nom du collège", true) + p(cc("login", "Login")) });
    expect(schoolName(docx, withSchool)).toBe("Collège Jean Moulin");
    expect(schoolName(docx, [person({})])).toBe("");
  });
});

describe("the address a person's QR code opens", () => {
  const source = (header: string): MergeSource => ({
    headers: ["Login", header],
    columns: [
      { header: "Login", field: "login" },
      { header, field: "password" },
    ] as MergeSource["columns"],
  });
  const activation = source("Code d'activation");
  const passwords = source("Mot de passe");
  const someone = person({ login: "zoé.l", password: "Ab 1" });

  it("opens the activation page, filled in, for an account to activate with a code", () => {
    expect(qrAddress(someone, activation, "https://ent.fr")).toBe(
      "https://ent.fr/auth/activation?login=zo%C3%A9.l&activationCode=Ab%201",
    );
  });

  it.each([
    ["a password export", passwords, someone],
    ["an account already active", activation, person({ password: "x" }, { inactive: false })],
    ["no code", activation, person({ password: "" })],
  ])("opens the ENT itself for %s", (what, src, record) => {
    expect(qrAddress(record, src, "https://ent.fr")).toBe("https://ent.fr");
  });

  it("follows the school's own pattern", () => {
    expect(qrAddress(someone, passwords, "https://ent.fr", "{ent}/login?u={login}")).toBe(
      "https://ent.fr/login?u=zo%C3%A9.l",
    );
  });

  it("says why a letter gets no codes", () => {
    const parents = readyLetter("parents");
    expect(qrPlan(parents, passwords)).toBe(
      "Codes QR non imprimés : l'adresse de l'ENT du courrier n'est pas complétée (passage rose « adresse de l'ENT »). Complétez-la, ou indiquez l'adresse des codes QR (dans le volet, « Adresse des codes QR » ; en ligne de commande, --qr-url).",
    );
    const typed = makeDocx({
      body: `<w:sdt><w:sdtPr><w:tag w:val="ent:edit:adresse-ent"/></w:sdtPr><w:sdtContent>${p(r("ent.college.fr"))}</w:sdtContent></w:sdt>${p(cc("login", "Login"))}`,
    });
    expect(qrPlan(typed, passwords)).toBe(
      "Codes QR non imprimés : « ent.college.fr » n'est pas une adresse web (https://…). Corrigez l'adresse de l'ENT du courrier.",
    );
    const plan = qrPlan(parents, passwords, "https://autre.fr/{login}");
    expect(typeof plan === "object" && plan.urlOf(someone)).toBe("https://autre.fr/zo%C3%A9.l");
  });
});

describe("distinctValues", () => {
  it("lists each non-blank value once, in French order", () => {
    const records = [person({ class: "6B" }), person({ class: "5A" }), person({ class: " " }), person({ class: "6B" })];
    expect(distinctValues(records, (r) => [r.values.class, "Élodie", "eve"])).toEqual(["5A", "6B", "Élodie", "eve"]);
  });
});
