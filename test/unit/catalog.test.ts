// The catalog, read as tables: what each word of an export or of the command line means.
import {
  conditionTag,
  editPassageOf,
  fieldDef,
  fieldOfPlaceholder,
  FIELDS,
  foldKey,
  isFieldTag,
  isPreposition,
  Preposition,
  isReadyLetterName,
  parseCondition,
  parseTag,
  passageLabel,
  placeholderOf,
  profileNamed,
  PROFILE_LABELS,
  READY_LETTERS,
  readyLetter,
  tagOf,
  withPreposition,
} from "../../src/core/catalog";
import * as fs from "fs";
import { TEMPLATES_DIR } from "../fixtures";

describe("profile aliases", () => {
  it.each([
    ["Élève", "élève"],
    ["ELEVES", "élève"],
    ["Student", "élève"],
    ["students", "élève"],
    ["Parent", "parent"],
    ["Responsables", "parent"],
    ["Relative", "parent"],
    ["Enseignant", "enseignant"],
    ["Teacher", "enseignant"],
    ["Professeur", "enseignant"],
    ["Personnels", "personnel"],
    ["Staff", "personnel"],
    ["Personnel de direction", "personnel"],
    ["Invité", "autre"],
    ["Guest", "autre"],
    ["autres", "autre"],
  ])("%s → %s", (word, profile) => {
    expect(profileNamed(word)).toBe(profile);
  });

  it.each(["prof", "", "élèves de 6e", "Administrateur"])("%j names no profile", (word) => {
    expect(profileNamed(word)).toBeNull();
  });

  it("labels each profile in the plural", () => {
    expect(PROFILE_LABELS).toEqual({
      élève: "Élèves",
      parent: "Parents",
      enseignant: "Enseignants",
      personnel: "Personnels",
      autre: "Autres",
    });
  });
});

describe("fields", () => {
  it("gives the password its fixed-width font and marks multi-valued and elided fields", () => {
    expect(fieldDef("password").font).toBe("Consolas");
    expect(FIELDS.filter((f) => f.font).map((f) => f.id)).toEqual(["password"]);
    expect(FIELDS.filter((f) => f.multi).map((f) => f.id)).toEqual(["class", "children", "school", "functions"]);
    expect(FIELDS.filter((f) => f.elision).map((f) => f.id)).toEqual(["firstName", "lastName", "children"]);
  });

  it("has no synonym shared by two fields", () => {
    const owners = new Map<string, string>();
    for (const f of FIELDS)
      for (const s of f.synonyms) {
        expect([s, owners.get(foldKey(s)) ?? f.id]).toEqual([s, f.id]);
        owners.set(foldKey(s), f.id);
      }
  });
});

describe("tags", () => {
  it.each([
    ["ent:password", { kind: "field", id: "password" }],
    ["ent:col:Date d'entrée", { kind: "column", header: "Date d'entrée" }],
    ["ent:col:", null],
    ["ent:age", null],
    ["ent:edit:signataire", null],
    ["autre", null],
  ])("%s reads as %j", (tag, ref) => {
    expect(parseTag(tag)).toEqual(ref);
    if (ref) expect(tagOf(ref as never)).toBe(tag);
  });

  it("tells fields from school passages", () => {
    expect(isFieldTag("ent:login")).toBe(true);
    expect(isFieldTag("ent:inconnu")).toBe(true);
    expect(isFieldTag("ent:edit:lieu-date")).toBe(false);
    expect(isFieldTag("login")).toBe(false);
    expect(editPassageOf("ent:edit:lieu-date")).toBe("lieu-date");
    expect(editPassageOf("ent:login")).toBeNull();
  });

  it("writes and reads placeholders", () => {
    expect(placeholderOf({ kind: "field", id: "password" })).toBe("«Mot de passe»");
    expect(placeholderOf({ kind: "column", header: "INE" })).toBe("«INE»");
    expect(fieldOfPlaceholder(" «Prénom» ")).toEqual({ kind: "field", id: "firstName" });
    expect(fieldOfPlaceholder("«INE»")).toBeNull();
    expect(fieldOfPlaceholder("Prénom")).toBeNull();
  });

  it("names school passages in French, or by their tag when unknown", () => {
    expect(passageLabel("lieu-date")).toBe("lieu et date");
    expect(passageLabel("toString")).toBe("toString");
    expect(passageLabel("autre-chose")).toBe("autre-chose");
  });
});

describe("conditions", () => {
  it.each([
    ["ent:if:email", { kind: "field", id: "email", negated: false }],
    ["ent:if:not:email", { kind: "field", id: "email", negated: true }],
    ["ent:if:activation-code", { kind: "credential", is: "activation-code" }],
    ["ent:if:password", { kind: "credential", is: "password" }],
    ["ent:if:active", { kind: "state", is: "active" }],
    ["ent:if:inactive", { kind: "state", is: "inactive" }],
    ["ent:if:not:age", null],
    ["ent:if:", null],
    ["ent:email", null],
  ])("%s reads as %j", (tag, condition) => {
    expect(parseCondition(tag)).toEqual(condition);
    if (condition) expect(conditionTag(condition as never)).toBe(tag);
  });
});

describe("ready letters", () => {
  it("each has its built letter, a title and an audience", () => {
    expect(READY_LETTERS.map((l) => [l.name, l.audience])).toEqual([
      ["parents", ["parent"]],
      ["eleves", ["élève"]],
      ["personnels", ["enseignant", "personnel"]],
      ["cartes", ["élève", "parent", "enseignant", "personnel", "autre"]],
    ]);
    for (const l of READY_LETTERS) {
      expect(fs.existsSync(`${TEMPLATES_DIR}/${l.name}.docx`)).toBe(true);
      expect(readyLetter(l.name)).toBe(l);
      expect(isReadyLetterName(l.name)).toBe(true);
    }
    expect(isReadyLetterName("profs")).toBe(false);
  });
});

describe("elision at fields", () => {
  it.each([
    ["de", "Anaïs MARTIN", "d’Anaïs MARTIN"],
    ["de", "Zoé MARTIN", "de\u00a0Zoé MARTIN"],
    ["de", "Enzo", "d’Enzo"],
    ["de", "Œlise", "d’Œlise"],
    ["de", "Émile", "d’Émile"],
    ["de", "Yanis", "de\u00a0Yanis"],
    ["de", "Ugo, Lina", "d’Ugo, Lina"],
    ["de", "Hugo", "d’Hugo"],
    ["de", "Élise".normalize("NFD"), "d’Élise"],
    ["De", "Inès", "D’Inès"],
    ["que", "Adam", "qu’Adam"],
    ["Que", "Bilal", "Que\u00a0Bilal"],
    ["de", " Anaïs ", "d’Anaïs "],
    ["de", " Zoé", "de\u00a0Zoé"],
    ["de", "", ""],
    ["de", "  ", ""],
  ])("%s + %j → %j", (word, value, out) => {
    expect(withPreposition(word as Preposition, value)).toBe(out);
  });

  it("carries the preposition in the tag and the placeholder", () => {
    const ref = { kind: "field", id: "children", before: "de" } as const;
    expect(tagOf(ref)).toBe("ent:de:children");
    expect(parseTag("ent:de:children")).toEqual(ref);
    expect(parseTag("ent:Que:firstName")).toEqual({ kind: "field", id: "firstName", before: "Que" });
    expect(parseTag("ent:du:children")).toBeNull();
    expect(parseTag("ent:de:age")).toBeNull();
    expect(placeholderOf(ref)).toBe("de «Enfant(s)»");
    expect(fieldOfPlaceholder("de «Enfant(s)»")).toEqual(ref);
    expect(fieldOfPlaceholder("du «Enfant(s)»")).toBeNull();
    expect(isPreposition("que")).toBe(true);
    expect(isPreposition("du")).toBe(false);
  });
});
