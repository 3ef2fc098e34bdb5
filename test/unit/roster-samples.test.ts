import { readRoster, Roster } from "../../src/core/roster";
import { readExport as readSample, exportFiles as sampleFiles } from "../fixtures";

describe.each(sampleFiles())("sample export $file", ({ file, truth }) => {
  let roster: Roster;
  // Per test, not at load: see 'Static mutants' in docs/testing.md.
  beforeEach(() => {
    roster = readRoster(readSample(file), file);
  });

  it("reads every expected record, byte-exact and in file order", () => {
    const got = roster.records.map((r) => ({
      prenom: r.values.firstName,
      nom: r.values.lastName,
      login: r.values.login,
      password: r.values.password,
      classe: r.values.class,
      enfants: r.values.children,
    }));
    expect(got).toEqual(truth);
  });

  it("accounts for every data row", () => {
    const rejected = new Set(roster.problems.filter((p) => p.severity === "error").map((p) => p.row));
    expect(roster.records.length + rejected.size).toBe(roster.dataRows);
  });
});
