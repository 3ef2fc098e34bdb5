// The error model: one base with a code, a French message and the cause.
import { CourriersError, InternalError, XmlError } from "../../src/core/errors";
import { MergeError } from "../../src/core/merge";
import { RosterError } from "../../src/core/roster";
import { WordError } from "../../src/word/errors";
import { CliError, EXIT } from "../../src/cli/io";

describe("one base for every error a user can meet", () => {
  it.each([
    ["RosterError", new RosterError("empty", "a.csv", "« a.csv » est vide."), "empty"],
    ["MergeError", new MergeError("no-fields", "Le courrier ne contient aucun champ."), "no-fields"],
    ["WordError", new WordError("too-old", "Cette version de Word…"), "too-old"],
    ["CliError", new CliError("usage", "usage : …"), "usage"],
    ["XmlError", new XmlError("w:p", 3), "bad-xml"],
    ["InternalError", new InternalError("test"), "internal"],
  ])("%s has its name, a code and is a CourriersError", (name, err, code) => {
    expect(err).toBeInstanceOf(CourriersError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.code).toBe(code);
  });

  it("keeps the cause", () => {
    const cause = new Error("EACCES");
    expect(new CliError("read-failed", "impossible de lire", EXIT.exportFile, { cause }).cause).toBe(cause);
    expect(new MergeError("bad-template", "abîmé", [], { cause }).cause).toBe(cause);
    expect(new RosterError("empty", "a", "b").cause).toBeUndefined();
  });

  it("gives the CLI's usage errors exit code 2 by default", () => {
    expect(new CliError("usage", "x").exitCode).toBe(2);
    expect(EXIT).toEqual({ ok: 0, unexpected: 1, usage: 2, exportFile: 3, template: 4, output: 5 });
  });
});
