// The error model: one base with a code, a French message and the cause, and no code that
// nothing throws (each code listed here is met by a test of its own module).
import * as fs from "fs";
import * as path from "path";
import { CourriersError, InternalError, XmlError } from "../../src/core/errors";
import { MergeError } from "../../src/core/merge";
import { RosterError } from "../../src/core/roster";
import { WordError } from "../../src/word/errors";
import { CliError, EXIT } from "../../src/cli/io";

const SRC = path.join(__dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

const allSource = sources(SRC)
  .map((f) => fs.readFileSync(f, "utf8"))
  .join("\n");

/** The members of a string-literal union type declared in a file. */
function unionMembers(file: string, type: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), "utf8");
  const decl = new RegExp(`export type ${type} =([^;]*);`).exec(text);
  if (!decl) throw new Error(`${type} not found in ${file}`);
  return [...decl[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
}

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

describe("every code is thrown somewhere", () => {
  it.each([
    ["core/roster/errors.ts", "FileErrorCode"],
    ["core/merge/errors.ts", "MergeErrorCode"],
    ["word/errors.ts", "WordErrorCode"],
    ["cli/io.ts", "CliErrorCode"],
  ])("%s %s", (file, type) => {
    const codes = unionMembers(file, type);
    expect(codes.length).toBeGreaterThan(3);
    const unused = codes.filter((code) => {
      const uses = allSource.split(`"${code}"`).length - 1;
      return uses < 2; // the union itself, then at least one throw
    });
    expect(unused).toEqual([]);
  });

  it("throws nothing untyped or in English in src/", () => {
    expect(allSource).not.toMatch(/throw new Error\(/);
    expect(allSource).not.toMatch(/new (?:Roster|Merge|Word|Cli)Error\([^)]*"(?:unclosed|unknown|invalid|missing) /);
  });
});
