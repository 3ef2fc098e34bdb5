import * as fs from "fs";
import * as path from "path";
import { readyLetter } from "../../src/core/catalog";
import { FieldId } from "../../src/core/catalog";
import { readRoster } from "../../src/core/roster";
import { PaneState } from "../../src/taskpane/state";
import { EXPORTS_DIR as SAMPLES_DIR } from "../fixtures";

const bytes = fs.readFileSync(path.join(SAMPLES_DIR, "moncollege-parents.csv"));

function loaded(): PaneState {
  const state = new PaneState();
  state.load("parents.csv", bytes, readRoster(bytes, "parents.csv"));
  return state;
}

/** What the data step does when a column is chosen for a field: read the file again with it. */
function remap(state: PaneState, field: FieldId, header: string | null): void {
  const { bytes: again, mapping } = state.remapping(field, header);
  state.useMapping(mapping, readRoster(again, "parents.csv", { mapping }));
}

describe("PaneState", () => {
  it("selects by class then name by default, and filters", () => {
    const state = loaded();
    const classes = state.selected().map((r) => r.lists.class?.[0] ?? "");
    expect(classes).toEqual([...classes].sort((a, b) => a.localeCompare(b, "fr", { numeric: true })));
    state.setSelection({ levels: ["6EME"] });
    expect(state.selected().every((r) => r.values.level === "6EME")).toBe(true);
    expect(state.selected().length).toBe(13);
  });

  it("offers known fields first, then the file's other columns", () => {
    const refs = loaded().insertable();
    expect(refs.slice(0, 4)).toEqual([
      { kind: "field", id: "firstName" },
      { kind: "field", id: "lastName" },
      { kind: "field", id: "login" },
      { kind: "field", id: "password" },
    ]);
    expect(refs[refs.length - 1]).toEqual({ kind: "column", header: "Etat du compte" });
    expect(refs).not.toContainEqual({ kind: "field", id: "email" });
  });

  it("remaps a column and reads the file again with it", () => {
    const state = loaded();
    remap(state, "children", null);
    expect(state.roster!.records[0].values.children).toBe("");
    expect(state.insertable()).toContainEqual({ kind: "column", header: "Élève" });
    remap(state, "class", "Niveau");
    expect(state.roster!.records[0].values.class).toBe("4EME");
    expect(state.roster!.columns.find((c) => c.header === "Classe")!.field).toBeNull();
  });

  it("finds a person by name or login, ignoring case and accents, from the current one on", () => {
    const state = loaded();
    state.setSelection({ sort: "file" });
    const first = state.find("BEN SAID");
    expect(state.selected()[first].values.login).toBe("noemie.bensaid");
    state.previewIndex = first;
    expect(state.selected()[state.find("ben said")].values.login).toBe("maelys.bensaid");
    expect(state.find("personne.inconnue")).toBe(-1);
  });

  it("forgets everything on clear", () => {
    const state = loaded();
    state.clear();
    expect(state.roster).toBeNull();
    expect(state.selected()).toEqual([]);
    expect(() => remap(state, "login", "Login")).toThrow();
  });
});

describe("a ready letter's audience", () => {
  const csv = [
    "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève",
    "A;Léa;l.a;1;Parent;6A;Zoé A",
    "B;Tom;t.b;2;Élève;6A;",
    "C;Ana;a.c;3;Enseignant;;",
  ].join("\n");

  it("is preselected when the letter is inserted, and kept for the next file", () => {
    const state = new PaneState();
    state.load("a.csv", Buffer.from(csv, "utf8"), readRoster(Buffer.from(csv, "utf8"), "a.csv"));
    expect(state.selected()).toHaveLength(3);
    expect(state.outsideAudience()).toBe(0);
    state.useReadyLetter(readyLetter("parents"));
    expect(state.selected().map((r) => r.values.login)).toEqual(["l.a"]);
    expect(state.outsideAudience()).toBe(2);
    state.load("b.csv", Buffer.from(csv, "utf8"), readRoster(Buffer.from(csv, "utf8"), "b.csv"));
    expect(state.selected().map((r) => r.values.login)).toEqual(["l.a"]);
    state.setSelection({ profiles: ["parent", "élève"] });
    expect(state.outsideAudience()).toBe(0);
  });
});

describe("people ticked one by one", () => {
  it("leaves out the people unticked, until ticked again or a new file is read", () => {
    const state = loaded();
    const all = state.selected().length;
    const [first, second] = state.candidates();
    state.include(first.row, false);
    state.include(second.row, false);
    expect(state.selected()).toHaveLength(all - 2);
    expect(state.selected().map((r) => r.row)).not.toContain(first.row);
    expect(state.candidates()).toHaveLength(all);
    state.include(first.row, true);
    expect(state.selected()).toHaveLength(all - 1);
    state.load("b.csv", bytes, readRoster(bytes, "b.csv"));
    expect(state.selected()).toHaveLength(all);
  });
});

describe("step 5's state, kept in PaneState", () => {
  it("counts what went, uncertain ones aside, and forgets the journal with the data", () => {
    const state = new PaneState();
    const { mailing } = state;
    expect(mailing.forgetJournal()).toBe(false);
    mailing.journal.lines.push("a\n", "b\n", "c\n");
    for (const key of ["a", "b", "c"]) mailing.journal.keys.add(key);
    mailing.journal.uncertain.add("c");
    mailing.lastFailures = ["x"];
    expect(mailing.sentCount()).toBe(2);
    expect(mailing.forgetJournal()).toBe(true);
    expect(mailing.journal).toEqual({ lines: [], keys: new Set(), uncertain: new Set(), read: false });
    expect(mailing.lastFailures).toEqual([]);
    expect(mailing.sentCount()).toBe(0);
  });

  it("forgets a journal read from the document even when it held no line", () => {
    const { mailing } = new PaneState();
    mailing.journal.read = true;
    expect(mailing.forgetJournal()).toBe(true);
    expect(mailing.journal.read).toBe(false);
  });
});
