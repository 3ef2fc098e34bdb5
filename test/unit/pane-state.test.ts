import * as fs from "fs";
import * as path from "path";
import { PaneState } from "../../src/taskpane/state";
import { EXPORTS_DIR as SAMPLES_DIR } from "../fixtures";

const bytes = fs.readFileSync(path.join(SAMPLES_DIR, "moncollege-parents.csv"));

function loaded(): PaneState {
  const state = new PaneState();
  state.load("parents.csv", bytes);
  return state;
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
    state.remap("children", null);
    expect(state.roster!.records[0].values.children).toBe("");
    expect(state.insertable()).toContainEqual({ kind: "column", header: "Élève" });
    state.remap("class", "Niveau");
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
    expect(() => state.remap("login", "Login")).toThrow();
  });
});
