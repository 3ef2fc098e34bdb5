// docs/architecture.md's error table is true to the code: each class's row lists every code
// of its union, and every code the table names is one the code has. (Read from the source
// text, like source-rules.test.ts; left out of mutation testing.)
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const DOC = fs.readFileSync(path.join(ROOT, "docs", "architecture.md"), "utf8");

/** The members of a string-literal union type declared in a file of src/. */
function unionMembers(file: string, type: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, "src", file), "utf8");
  const decl = new RegExp(`export type ${type} =([^;]*);`).exec(text);
  if (!decl) throw new Error(`${type} not found in ${file}`);
  return [...decl[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
}

const UNIONS: Array<[string, string, string]> = [
  ["RosterError", "core/roster/errors.ts", "FileErrorCode"],
  ["MergeError", "core/merge/errors.ts", "MergeErrorCode"],
  ["MailError", "core/mail/errors.ts", "MailErrorCode"],
  ["OpcError", "core/opc/unzip.ts", "OpcErrorCode"],
  ["WordError", "word/errors.ts", "WordErrorCode"],
  ["CliError", "cli/io.ts", "CliErrorCode"],
];
const ALL_CODES = new Set([...UNIONS.flatMap(([, file, type]) => unionMembers(file, type)), "bad-xml", "internal"]);

/** The error table's row for a class: the codes it names (backquoted, lower case). */
function rowCodes(cls: string): string[] | null {
  const row = DOC.split("\n").find((line) => line.startsWith(`| \`${cls}\` |`));
  if (!row) return null;
  const codesCell = row.split(" | ").slice(2).join(" | ");
  return [...codesCell.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]);
}

describe("docs/architecture.md's error table", () => {
  it.each(UNIONS)("lists every code of %s", (cls, file, type) => {
    const listed = rowCodes(cls);
    expect(listed).not.toBeNull();
    expect(unionMembers(file, type).filter((code) => !listed!.includes(code))).toEqual([]);
  });

  it.each([...UNIONS.map(([cls]) => cls), "XmlError", "InternalError"])(
    "names only codes the code has in %s's row",
    (cls) => {
      expect((rowCodes(cls) ?? []).filter((code) => !ALL_CODES.has(code))).toEqual([]);
    },
  );

  it("names the test file that checks the codes are thrown, and it exists", () => {
    const named = [...DOC.matchAll(/`(test\/[\w/.-]+\.test\.ts)`/g)].map((m) => m[1]);
    expect(named).toContain("test/unit/source-rules.test.ts");
    for (const file of named) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
  });
});
