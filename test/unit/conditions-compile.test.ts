// Whether a person's letter keeps a conditional passage, condition by condition, on records
// the roster can really produce: a field the export lacks, a value of spaces, no state column.
import { compileConditions, neverPrinted } from "../../src/core/merge/conditions";
import { MergeError } from "../../src/core/merge/errors";
import { MergeSource } from "../../src/core/merge/resolve";
import { RosterRecord } from "../../src/core/roster";
import { mergeSource, record } from "./helpers/records";
import { thrown } from "./helpers/refusal";

const person = (values: Record<string, string>, inactive?: boolean) =>
  record(values, inactive === undefined ? {} : { inactive });
const holds = (body: string, s: MergeSource, r: RosterRecord) => compileConditions([body], s).get(body)!(r);

describe("a field condition", () => {
  const withChildren = mergeSource(["Login", "login"], ["Enfants", "children"]);
  const without = mergeSource(["Login", "login"]);

  it("holds when the field is filled, and not for spaces or a value missing from the record", () => {
    expect(holds("children", withChildren, person({ children: "Anaïs" }))).toBe(true);
    expect(holds("children", withChildren, person({ children: "  " }))).toBe(false);
    expect(holds("children", withChildren, person({}))).toBe(false);
    expect(holds("not:children", withChildren, person({}))).toBe(true);
  });

  it("never holds for a field the export does not have, whatever the record carries", () => {
    expect(holds("children", without, person({ children: "Anaïs" }))).toBe(false);
    expect(holds("not:children", without, person({ children: "Anaïs" }))).toBe(true);
  });
});

describe("a state condition", () => {
  const s = mergeSource(["Login", "login"], ["Mot de passe", "password"]);

  it("follows the export's state column when it has one", () => {
    expect(holds("inactive", s, person({ password: "" }, true))).toBe(true);
    expect(holds("active", s, person({ password: "x" }, false))).toBe(true);
  });

  it("without a state column, counts an account inactive while it has a credential", () => {
    expect(holds("inactive", s, person({ password: "Ab12" }))).toBe(true);
    expect(holds("inactive", s, person({ password: "   " }))).toBe(false);
    expect(holds("inactive", s, person({}))).toBe(false);
    expect(holds("active", s, person({}))).toBe(true);
  });
});

describe("compileConditions", () => {
  it("names each unknown condition once, with the conditions it knows", () => {
    const error = thrown(() =>
      compileConditions(["children", "bogus", "bogus", "autre"], mergeSource(["Login", "login"])),
    );
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).code).toBe("unknown-condition");
    expect((error as MergeError).fields).toEqual(["bogus", "autre"]);
    expect((error as MergeError).message).toBe(
      "Le courrier contient un passage conditionnel que Courriers ENT ne sait pas évaluer : « bogus », « autre ». Conditions possibles : un champ (rempli), not:champ (vide), activation-code, password, active, inactive, qr, one-child, several-children.",
    );
  });

  it("compiles each condition once", () => {
    expect([...compileConditions(["children", "children", "active"], mergeSource()).keys()]).toEqual([
      "children",
      "active",
    ]);
  });
});

describe("neverPrinted", () => {
  const s = mergeSource(["Login", "login"], ["Enfants", "children"]);

  it("is true only under a passage needing a field the export lacks", () => {
    expect(neverPrinted(["email"], s)).toBe(true);
    expect(neverPrinted(["active", "email"], s)).toBe(true);
    expect(neverPrinted(["children"], s)).toBe(false);
    expect(neverPrinted(["not:email"], s)).toBe(false);
    expect(neverPrinted(["activation-code", "inactive"], s)).toBe(false);
    expect(neverPrinted([], s)).toBe(false);
  });
});
