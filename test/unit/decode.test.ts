// Bytes → text, case by case: each BOM, UTF-16 without BOM (either byte order, and text
// that only looks like it), strict UTF-8, Windows-1252's 0x80–0x9F block, its undefined
// bytes, binary files, double-encoded accents, and the formats that are not text exports.
import { decodeText, sniffBinary } from "../../src/core/roster/decode";

const bytes = (...b: number[]) => new Uint8Array(b);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(le);
};

describe("decodeText", () => {
  it.each([
    ["UTF-8 with BOM", bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x41), "éA", "UTF-8 (avec BOM)"],
    ["UTF-16LE with BOM", bytes(0xff, 0xfe, 0xe9, 0x00, 0x41, 0x00), "éA", "UTF-16LE (avec BOM)"],
    ["UTF-16BE with BOM", bytes(0xfe, 0xff, 0x00, 0xe9, 0x00, 0x41), "éA", "UTF-16BE (avec BOM)"],
    ["UTF-8", bytes(0xc3, 0xa9, 0x3b, 0x41), "é;A", "UTF-8"],
    ["Windows-1252", bytes(0xe9, 0x80, 0x9c, 0x92, 0x8c), "é€œ’Œ", "Windows-1252"],
  ])("%s", (_name, input, text, encoding) => {
    const decoded = decodeText(input, "f.csv");
    expect([decoded.text, decoded.encoding, decoded.notes]).toEqual([text, encoding, []]);
  });

  it.each([
    ["utf-16le", utf16le("Nom;Prénom\r\nA;B\r\n"), "UTF-16LE (sans BOM)"],
    ["utf-16be", utf16be("Nom;Prénom\r\nA;B\r\n"), "UTF-16BE (sans BOM)"],
  ])("finds %s without a BOM from its NUL bytes, and says so", (_n, input, encoding) => {
    const decoded = decodeText(input, "f.txt");
    expect(decoded.text).toBe("Nom;Prénom\r\nA;B\r\n");
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.notes).toEqual([`Fichier en ${encoding} sans marque d'ordre : encodage déduit des octets nuls.`]);
  });

  it("needs two UTF-16 characters at least, and mostly NULs on one side only", () => {
    // 3 bytes: too short to tell.
    expect(() => decodeText(bytes(0x41, 0x00, 0x42), "f.csv")).toThrow("n'est pas un fichier texte");
    // As many NULs on both sides: binary, not UTF-16.
    expect(() => decodeText(bytes(0x00, 0x00, 0x00, 0x00, 0x41, 0x42), "f.csv")).toThrow("n'est pas un fichier texte");
    // 60 % of NULs on one side exactly is not enough (strictly more than 60 %).
    const sixty = bytes(0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x44, 0x45, 0x46, 0x47);
    expect(() => decodeText(sixty, "f.csv")).toThrow("n'est pas un fichier texte");
    // 80 % of NULs on the odd side, none on the even side: UTF-16LE.
    const eighty = bytes(0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x44, 0x00, 0x45, 0x46);
    expect(decodeText(eighty, "f.csv").encoding).toBe("UTF-16LE (sans BOM)");
    // 10 % of NULs on the other side is too many for UTF-16 (strictly fewer than 10 %).
    const mixed = new Uint8Array(40);
    for (let i = 0; i < 40; i += 2) [mixed[i], mixed[i + 1]] = [0x41, 0x00];
    mixed[0] = 0x00;
    mixed[2] = 0x00;
    expect(() => decodeText(mixed, "f.csv")).toThrow("n'est pas un fichier texte");
  });

  it.each([
    // 10 % of NULs exactly on the other side: not UTF-16 (each would be a CJK character, not a NUL).
    ["LE, 10 % on the other side", [...Array(18).fill([0x41, 0x00]), [0x00, 0x41], [0x00, 0x42]].flat(), null],
    ["BE, 10 % on the other side", [...Array(18).fill([0x00, 0x41]), [0x41, 0x00], [0x42, 0x00]].flat(), null],
    // 60 % exactly on the even side: not UTF-16BE.
    ["BE, 60 %", [0x00, 0x41, 0x00, 0x42, 0x00, 0x43, 0x44, 0x45, 0x46, 0x47], null],
    // Four NULs of five pairs, the last one NUL: UTF-16LE.
    ["LE, 80 % ending on a NUL", [0x41, 0x00, 0x42, 0x00, 0x43, 0x44, 0x45, 0x00, 0x46, 0x00], "UTF-16LE (sans BOM)"],
    // Two characters are enough.
    ["LE, two characters", [0x41, 0x00, 0x42, 0x00], "UTF-16LE (sans BOM)"],
    // An odd last byte is not counted: 3 NULs of 4 pairs.
    ["LE, odd length", [0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x44, 0x45, 0x46], "UTF-16LE (sans BOM)"],
  ])("UTF-16 without BOM at its thresholds: %s", (_name, input, encoding) => {
    const run = () => decodeText(new Uint8Array(input as number[]), "f.csv");
    if (encoding === null) expect(run).toThrow("n'est pas un fichier texte");
    else expect(run().encoding).toBe(encoding);
  });

  it("reads only the first 2,000 bytes to guess UTF-16", () => {
    const head = utf16le("A".repeat(1000));
    const tail = new Uint8Array(4000).fill(0x42);
    const decoded = decodeText(new Uint8Array([...head, ...tail]), "f.csv");
    expect(decoded.encoding).toBe("UTF-16LE (sans BOM)");
  });

  it("warns when Windows-1252 bytes include one it leaves undefined", () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const decoded = decodeText(bytes(0xe9, b), "f.csv");
      expect(decoded.encoding).toBe("Windows-1252");
      expect(decoded.text).toBe(`é${String.fromCharCode(b)}`);
      expect(decoded.notes).toEqual([
        "Attention : le fichier n'est ni en UTF-8 ni tout à fait en Windows-1252 : vérifiez les accents dans l'aperçu, ou réexportez le fichier depuis l'ENT.",
      ]);
    }
    expect(decodeText(bytes(0xe9, 0x80), "f.csv").notes).toEqual([]);
  });

  it("refuses binary bytes only in the first 4,096 characters, naming the file", () => {
    expect(() => decodeText(bytes(0x41, 0x00, 0x00, 0x00, 0x00, 0x42, 0x43), "photo.csv")).toThrow(
      "« photo.csv » n'est pas un fichier texte (il contient des octets binaires).",
    );
    const late = new Uint8Array(5000).fill(0x41);
    late[4500] = 0;
    expect(decodeText(late, "f.csv").encoding).toBe("UTF-8");
  });

  it("notes accents encoded twice (Ã© for é)", () => {
    expect(decodeText(new Uint8Array(Buffer.from("PrÃ©nom", "utf8")), "f.csv").notes).toEqual([
      "Attention : des accents semblent avoir été encodés deux fois (« Ã© » au lieu de « é ») : le fichier a sans doute été réenregistré. Préférez l'export d'origine de l'ENT.",
    ]);
    expect(decodeText(new Uint8Array(Buffer.from("Ãx", "utf8")), "f.csv").notes).toEqual([]);
  });
});

describe("sniffBinary", () => {
  it.each([
    ["a PDF", bytes(0x25, 0x50, 0x44, 0x46, 0x2d), "« x.csv » est un document PDF"],
    ["an old .xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), "est un classeur Excel ancien format (.xls)"],
  ])("names %s", (_n, input, message) => {
    expect(() => sniffBinary(input, "x.csv")).toThrow(message);
  });

  it("lets text through, even text starting like a signature", () => {
    expect(() => sniffBinary(bytes(0x25, 0x50, 0x44, 0x47), "x.csv")).not.toThrow();
    expect(() => sniffBinary(bytes(0xd0, 0xcf, 0x11), "x.csv")).not.toThrow();
    expect(() => sniffBinary(bytes(0x4e, 0x6f, 0x6d), "x.csv")).not.toThrow();
  });
});
