// Hostile packages (templates and workbooks): bombs, DOCTYPEs, unsafe entry names,
// passwords, too many parts — each refused in French or made safe.
import * as fs from "fs";
import * as path from "path";
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { isPlainPartName, unzipParts } from "../../src/core/opc";
import { readRoster, Roster } from "../../src/core/roster";
import { cc, makeDocx, p, unzipText } from "./helpers/docx";
import { utf8 } from "./helpers/encode";
import { refusal } from "./helpers/refusal";
import { makeXlsx } from "./helpers/xlsx";

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;B;a.b;PW1\nC;D;c.d;PW2\n"), "t.csv");
});
const template = () => makeDocx({ body: p(cc("login", "Login")) });

/** The package's parts plus `extra`. */
function withParts(docx: Uint8Array, extra: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries({ ...unzipSync(docx), ...extra })) {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return Uint8Array.from(Buffer.concat(chunks));
}

// Committed by scripts/make-hostile-fixtures.js: 210 MiB of zeros in a ~220 kB package, with
// the true size in the zip directory, or a lie (1,000 bytes) so that only inflating tells.
const hostile = (name: string) => () => fs.readFileSync(path.join(__dirname, "..", "fixtures", "hostile", name));
const OLE_ENCRYPTED = Uint8Array.from([
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...new Array(500).fill(0),
  ...[..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
  ...new Array(100).fill(0),
]);

describe("templates", () => {
  it.each([
    ["a zip bomb (media unpacking beyond the limit)", hostile("bombe.docx"), "too-big", /plus de 200 Mo/],
    [
      "a zip bomb whose directory lies about its size",
      hostile("bombe-taille-mensongere.docx"),
      "too-big",
      /plus de 200 Mo/,
    ],
    [
      "a DOCTYPE with entities in a part",
      () =>
        withParts(template(), {
          "word/settings.xml": strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:settings/>'),
        }),
      "bad-template",
      /« word\/settings.xml » déclare un DOCTYPE/,
    ],
    [
      "a DOCTYPE after the first 4 KiB of a part, in any case",
      () =>
        withParts(template(), {
          "word/settings.xml": strToU8(
            `<?xml version="1.0"?><!--${" ".repeat(5000)}--><!doctype x [<!entity a "aaaa">]><w:settings/>`,
          ),
        }),
      "bad-template",
      /« word\/settings.xml » déclare un DOCTYPE/,
    ],
    [
      "two entries with one name",
      () => {
        const twice = Buffer.from(withParts(template(), { "word/settinga.xml": strToU8("<w:settings/>") }));
        for (let at = twice.indexOf("word/settinga.xml"); at >= 0; at = twice.indexOf("word/settinga.xml"))
          twice.write("word/settings.xml", at, "latin1");
        return new Uint8Array(twice);
      },
      "bad-template",
      /contient deux fois la partie « word\/settings.xml »/,
    ],
    ["a password-protected document", () => OLE_ENCRYPTED, "protected", /protégé par un mot de passe/],
    ["bytes that are no zip", () => strToU8("Nom;Prénom"), "not-docx", /pas un document Word/],
  ])("%s is refused in French", (_name, bytes, code, message) => {
    const got = refusal(() => mergeLetters(bytes(), roster.records, roster));
    expect(got).toMatchObject({ name: "MergeError", code });
    expect(got.message).toMatch(message);
  });

  it("leaves out entries whose names are not plain part names", () => {
    const hostile = withParts(template(), {
      "../../evil.txt": strToU8("x"),
      "/abs/x": strToU8("x"),
      "word/../../../x.xml": strToU8("<x/>"),
      "word\\..\\y.xml": strToU8("<y/>"),
    });
    const out = Object.keys(unzipText(mergeLetters(hostile, roster.records, roster).docx));
    expect(out.filter((name) => !isPlainPartName(name))).toEqual([]);
    expect(out).not.toContain("../../evil.txt");
    expect(out).toContain("word/document.xml");
  });

  it("refuses, before any work, more letters than a zip without ZIP64 holds parts", () => {
    const rows = Array.from({ length: 33000 }, (_, i) => `N${i};P;l${i};pw`).join("\n");
    const many = readRoster(utf8(`Nom;Prénom;Login;Mot de passe\n${rows}\n`), "grand.csv");
    const docx = makeDocx({
      body: p(cc("login", "Login")),
      header: p(cc("lastName", "Nom")),
      footer: p(cc("firstName", "Prénom")),
    });
    const got = refusal(() => mergeLetters(docx, many.records, many));
    expect(got.code).toBe("too-many-parts");
    expect(got.message).toMatch(
      /^33000 courriers .* 66\d{3} parties, .* \(65535\)\. Créez les courriers classe par classe/,
    );
  });
});

describe("workbooks", () => {
  const sheet = () =>
    makeXlsx([
      [{ s: "Login" }, { s: "Mot de passe" }],
      [{ s: "a.b" }, { s: "PW1" }],
    ]);
  it.each([
    ["a zip bomb", hostile("bombe.xlsx"), "too-big", /plus de 200 Mo/],
    ["a zip bomb whose directory lies", hostile("bombe-taille-mensongere.xlsx"), "too-big", /plus de 200 Mo/],
    [
      "a DOCTYPE",
      () => withParts(sheet(), { "xl/styles.xml": strToU8("<!DOCTYPE x><styleSheet/>") }),
      "bad-workbook",
      /DOCTYPE/,
    ],
    ["a password-protected workbook", () => OLE_ENCRYPTED, "protected", /protégé par un mot de passe/],
  ])("%s is refused in French, naming the file", (_name, bytes, code, message) => {
    const got = refusal(() => readRoster(bytes(), "comptes.xlsx"));
    expect(got).toMatchObject({ name: "RosterError", code });
    expect(got.message).toMatch(message);
    expect(got.message).toContain("« comptes.xlsx »");
  });
});

describe("safe unzip", () => {
  it.each([
    ["word/document.xml", true],
    ["[Content_Types].xml", true],
    ["_rels/.rels", true],
    ["../evil", false],
    ["/abs", false],
    ["word/../x", false],
    ["a\\b", false],
    ["C:x", false],
    ["a//b", false],
    ["./a", false],
    ["", false],
  ])("%j is a plain part name: %s", (name, plain) => {
    expect(isPlainPartName(name)).toBe(plain);
  });

  it("counts while inflating, whatever the directory declares", () => {
    const small = zipSync({ "a.bin": new Uint8Array(3000) });
    expect(Object.keys(unzipParts(small, 5000))).toEqual(["a.bin"]);
    expect(() => unzipParts(small, 2000)).toThrow(expect.objectContaining({ code: "too-big" }));
  });
});
