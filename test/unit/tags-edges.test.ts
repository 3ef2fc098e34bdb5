// Tags and placeholders at their edges: only a whole «Label» (with a known preposition
// before it) is a field; only ent:<field> tags are fields, not the markers that share the
// prefix; a name that starts with a consonant keeps "de"; a condition on an empty field.
import { conditionLabel, fieldOfPlaceholder, isFieldTag, parseTag, withPreposition } from "../../src/core/catalog";

describe("placeholders", () => {
  it.each([
    ["«Prénom»", { kind: "field", id: "firstName" }],
    ["de «Enfant(s)»", { kind: "field", id: "children", before: "de" }],
    ["texte de «Prénom»", null],
    ["«Prénom» et la suite", null],
    ["pour «Prénom»", null],
    ["«Inconnu»", null],
  ])("%j → %j", (text, ref) => expect(fieldOfPlaceholder(text)).toEqual(ref));
});

describe("tags", () => {
  it.each([
    ["ent:login", true],
    ["ent:de:children", true],
    ["ent:next", false],
    ["ent:qr", false],
    ["ent:edit:signataire", false],
    ["ent:if:email", false],
    ["autre:login", false],
  ])("%j is a field tag: %s", (tag, field) => expect(isFieldTag(tag)).toBe(field));

  it.each([
    ["abc:login", null],
    ["ent::login", null],
    ["ent:pour:login", null],
    ["ent:de:login", { kind: "field", id: "login", before: "de" }],
    ["ent:col:", null],
    ["ent:col:Option", { kind: "column", header: "Option" }],
  ])("%j reads as %j", (tag, ref) => expect(parseTag(tag)).toEqual(ref));
});

describe("elision, from real first names", () => {
  // A vowel sound elides; so does a mute h (a short list of common names) and a Y sounding
  // as a vowel (Y before a consonant). An aspirated or sounded h, and a Y before a vowel, do not.
  it.each([
    ["Bérénice", "de\u00a0Bérénice"],
    ["Anaïs", "d’Anaïs"],
    ["Œdipe", "d’Œdipe"],
    ["Ismaël", "d’Ismaël"],
    ["Éloïse", "d’Éloïse"],
    ["Ugo", "d’Ugo"],
    ["Hélène", "d’Hélène"],
    ["Hugo", "d’Hugo"],
    ["Hector", "d’Hector"],
    ["Hervé", "d’Hervé"],
    ["Henri", "d’Henri"],
    ["Hortense", "d’Hortense"],
    ["Hippolyte", "d’Hippolyte"],
    ["Héloïse", "d’Héloïse"],
    ["Hugues", "d’Hugues"],
    ["Hadrien", "d’Hadrien"],
    ...[
      "Héléna",
      "Hélio",
      "Henriette",
      "Hermine",
      "Hermione",
      "Hilaire",
      "Honoré",
      "Honorine",
      "Horace",
      "Hubert",
      "Hyacinthe",
    ].map((name) => [name, `d’${name}`]),
    ["HÉLÈNE", "d’HÉLÈNE"],
    ["Hélène-Marie", "d’Hélène-Marie"],
    ["Hamza", "de\u00a0Hamza"],
    ["Hassan", "de\u00a0Hassan"],
    ["Harry", "de\u00a0Harry"],
    ["Houda", "de\u00a0Houda"],
    ["Yves", "d’Yves"],
    ["Yvonne", "d’Yvonne"],
    ["Ylan", "d’Ylan"],
    ["Yseult", "d’Yseult"],
    ["Yanis", "de\u00a0Yanis"],
    ["Yasmine", "de\u00a0Yasmine"],
    ["Yaël", "de\u00a0Yaël"],
    ["Youssef", "de\u00a0Youssef"],
    ["Yohan", "de\u00a0Yohan"],
    ["Jean-Éudes", "de\u00a0Jean-Éudes"],
  ])("de + %s → %j", (name, text) => expect(withPreposition("de", name)).toBe(text));
});

describe("conditions", () => {
  it("says a condition on an empty field in French", () => {
    expect(conditionLabel({ kind: "field", id: "email", negated: true })).toBe("Si « Courriel » est vide");
    expect(conditionLabel({ kind: "field", id: "email", negated: false })).toBe("Si « Courriel » est rempli");
  });
});
