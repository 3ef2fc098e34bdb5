// Rules read from the source text itself: no error code that nothing throws, nothing thrown
// untyped. (Left out of mutation testing, which rewrites the source these tests read.)
import * as fs from "fs";
import * as path from "path";

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

describe("every code is thrown somewhere", () => {
  // Each code must be the first argument of its own class's constructor somewhere: a code
  // that two unions share no longer passes because the other class throws it.
  it.each([
    ["core/roster/errors.ts", "FileErrorCode", "RosterError", []],
    ["core/merge/errors.ts", "MergeErrorCode", "MergeError", []],
    ["core/mail/errors.ts", "MailErrorCode", "MailError", []],
    ["core/opc/unzip.ts", "OpcErrorCode", "OpcError", []],
    ["word/errors.ts", "WordErrorCode", "WordError", []],
    // A template's MergeError is re-thrown as a CliError keeping its code (cli/merge.ts).
    ["cli/io.ts", "CliErrorCode", "CliError", []],
  ] as Array<[string, string, string, string[]]>)("%s %s", (file, type, cls, indirect) => {
    const codes = unionMembers(file, type);
    expect(codes.length).toBeGreaterThan(3);
    const unthrown = codes.filter(
      (code) => !indirect.includes(code) && !new RegExp(`new ${cls}\\(\\s*"${code}"`).test(allSource),
    );
    expect(unthrown).toEqual([]);
  });

  it("throws nothing untyped or in English in src/", () => {
    expect(allSource).not.toMatch(/throw new Error\(/);
    expect(allSource).not.toMatch(/new (?:Roster|Merge|Word|Cli)Error\([^)]*"(?:unclosed|unknown|invalid|missing) /);
  });
});
