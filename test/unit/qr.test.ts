// QR codes: the address each opens, the PNG drawn by hand, and the merge that places them.
import { strFromU8, unzipSync, unzlibSync } from "fflate";
import { encode } from "uqr";
import { run } from "../../src/cli/main";
import { ACTIVATION_PATTERN, entAddress, fillPattern, qrPng } from "../../src/core/qr";
import { monochromePng } from "../../src/core/qr/png";
import { exportPath } from "../fixtures";
import { memoryIo } from "./helpers/memory-io";
import * as path from "path";

describe("the address a code opens", () => {
  it.each([
    ["https://ent.college.fr", "https://ent.college.fr"],
    ["  https://ent.college.fr/  ", "https://ent.college.fr"],
    ["http://localhost", "http://localhost"],
    ["https://www.monent.fr/college-jean-moulin", "https://www.monent.fr/college-jean-moulin"],
    ["ent.college.fr", null],
    ["ftp://ent.college.fr", null],
    ["https://ent college.fr", null],
    ["", null],
    [undefined, null],
  ])("%j → %j", (text, address) => {
    expect(entAddress(text)).toBe(address);
  });

  it("fills the activation pattern, URL-encoding the person's values", () => {
    expect(fillPattern(ACTIVATION_PATTERN, { ent: "https://e.fr", login: "zoé.l", password: "a&b=c+d/ e" })).toBe(
      "https://e.fr/auth/activation?login=zo%C3%A9.l&activationCode=a%26b%3Dc%2Bd%2F%20e",
    );
  });
});

describe("the PNG", () => {
  it("is a valid 1-bit greyscale PNG whose pixels are the modules, black on white", () => {
    const png = monochromePng(
      [
        [true, false],
        [false, true],
      ],
      3,
    );
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(strFromU8(png.subarray(12, 16))).toBe("IHDR");
    expect([view.getUint32(16), view.getUint32(20), png[24], png[25]]).toEqual([6, 6, 1, 0]);
    // IHDR's CRC, as any PNG reader checks it.
    expect(view.getUint32(29)).toBe(0xc8b7d2e5); // zlib.crc32(b"IHDR" + header), computed by Python
    const idatLength = view.getUint32(33);
    expect(strFromU8(png.subarray(37, 41))).toBe("IDAT");
    const raw = unzlibSync(png.subarray(41, 41 + idatLength));
    // 6 rows of (filter byte + 1 byte): black = 0 bits, padding bits white. Row 0: 000111|11.
    expect([...raw]).toEqual([0, 0x1f, 0, 0x1f, 0, 0x1f, 0, 0xe3, 0, 0xe3, 0, 0xe3]);
    expect(strFromU8(png.subarray(png.length - 8, png.length - 4))).toBe("IEND");
  });

  it("draws the quiet zone around the modules, white", () => {
    const png = monochromePng([[true]], 1, 1);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([3, 3]);
    const raw = unzlibSync(png.subarray(41, 41 + view.getUint32(33)));
    // Rows of 3 pixels: white, white, white / white, black, white / white, white, white.
    expect([...raw]).toEqual([0, 0xff, 0, 0xbf, 0, 0xff]);
  });

  it("draws a code with its quiet zone, 4 pixels a module", () => {
    const png = qrPng("https://e.fr");
    const size = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(size).toBe(encode("https://e.fr", { ecc: "M", border: 4 }).size * 4);
  });
});

describe("merge with QR codes", () => {
  it("--qr-url sets the address of every code; identical addresses share one image", async () => {
    const io = memoryIo();
    const template = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
    const args = ["merge", exportPath("moncollege-parents.csv"), "--template", template, "--out", "q.docx"];
    expect(await run([...args, "--qr-url", "https://ent.autre.fr/connexion?u={login}"], io)).toBe(0);
    const files = unzipSync(io.files.get("q.docx")!);
    expect(Object.keys(files).filter((f) => f.startsWith("word/media/ent-qr-"))).toHaveLength(40);
    expect(strFromU8(files["[Content_Types].xml"])).toContain(
      'PartName="/word/media/ent-qr-1.png" ContentType="image/png"',
    );
    expect(io.stdout()).not.toContain("Codes QR non imprimés");
    const same = memoryIo();
    expect(await run([...args, "--qr-url", "https://ent.autre.fr"], same)).toBe(0);
    const shared = unzipSync(same.files.get("q.docx")!);
    expect(Object.keys(shared).filter((f) => f.startsWith("word/media/ent-qr-"))).toEqual(["word/media/ent-qr-1.png"]);
    expect(strFromU8(shared["word/document.xml"]).match(/r:embed="rIdEntQr1"/g)).toHaveLength(40);
    const doc = strFromU8(shared["word/document.xml"]);
    expect(doc).toContain("Code QR : adresse de l&apos;ENT (https://ent.autre.fr)");
    // The drawing prefixes are declared once, on the document, not on each of the 40 pictures.
    expect(doc.match(/xmlns:pic=/g)).toHaveLength(1);
    expect(
      /<w:document\b[^>]*xmlns:pic="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/picture"/.test(doc),
    ).toBe(true);
  });

  it("says why the codes are left out when the letter's ENT address is the model", async () => {
    const io = memoryIo();
    const template = path.join(__dirname, "..", "..", "assets", "templates", "parents.docx");
    expect(
      await run(["merge", exportPath("moncollege-parents.csv"), "--template", template, "--out", "q.docx"], io),
    ).toBe(0);
    expect(io.stdout()).toContain("! Codes QR non imprimés : l'adresse de l'ENT du courrier n'est pas complétée");
  });
});
