// The safe unzip, byte by byte: the end record found behind a comment and never past the
// 64 KiB a comment may take; local and central extra fields and file comments skipped;
// stored and deflated parts read back exactly; directory entries left out; the size limit
// exact on both counts; a damaged directory, a truncated part or an unknown method refused;
// an encrypted Office file recognised by its OLE signature and its stream name.
import { deflateSync, strToU8, zipSync } from "fflate";
import { isEncryptedOffice, isPlainPartName, unzipParts } from "../../src/core/opc";
import { refusal } from "./helpers/refusal";

const text = (parts: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, Buffer.from(data).toString("latin1")]));

/** Offset of the end-of-central-directory record of a zip without a comment. */
const eocdOf = (zip: Uint8Array) => zip.length - 22;
const u32At = (b: Uint8Array, at: number) => Buffer.from(b.buffer, b.byteOffset, b.length).readUInt32LE(at);

/** A copy with the archive comment `comment` (its length written in the end record). */
function withComment(zip: Uint8Array, comment: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip.length + comment.length);
  out.set(zip);
  out.set(comment, zip.length);
  Buffer.from(out.buffer).writeUInt16LE(comment.length, eocdOf(zip) + 20);
  return out;
}

describe("finding the end record", () => {
  const zip = zipSync({ "a.xml": strToU8("<a/>") });

  it("reads a zip without a comment, and one whose comment follows the end record", () => {
    expect(text(unzipParts(zip))).toEqual({ "a.xml": "<a/>" });
    expect(text(unzipParts(withComment(zip, strToU8("commentaire de l'archive"))))).toEqual({ "a.xml": "<a/>" });
  });

  it("reads an empty zip: its end record at the very first byte", () => {
    const empty = zipSync({});
    expect(empty.length).toBe(22);
    expect(unzipParts(empty)).toEqual({});
  });

  it("finds the record behind a comment of 65,535 bytes, and no further back", () => {
    expect(text(unzipParts(withComment(zip, new Uint8Array(65535))))).toEqual({ "a.xml": "<a/>" });
    const junk = new Uint8Array(zip.length + 65536 + 10);
    junk.set(zip);
    expect(refusal(() => unzipParts(junk)).code).toBe("not-zip");
  });
});

describe("entries", () => {
  it("skips extra fields (local and central) and file comments to reach each part", () => {
    const extra = { 0xcafe: new Uint8Array([1, 2, 3, 4, 5]) };
    const zip = zipSync({
      "a.xml": [strToU8("<premier/>"), { extra, comment: "un commentaire" }],
      "b.xml": [strToU8("<second/>"), { extra: { 0xbeef: new Uint8Array(9) } }],
      "c.xml": strToU8("<troisième/>"),
    });
    expect(text(unzipParts(zip))).toEqual({
      "a.xml": "<premier/>",
      "b.xml": "<second/>",
      "c.xml": Buffer.from(strToU8("<troisième/>")).toString("latin1"),
    });
  });

  it("reads stored parts as they are, as copies of the archive's bytes", () => {
    const zip = zipSync({ "img.bin": [new Uint8Array([7, 8, 9]), { level: 0 }] });
    const parts = unzipParts(zip);
    expect([...parts["img.bin"]]).toEqual([7, 8, 9]);
    parts["img.bin"][0] = 0;
    expect([...unzipParts(zip)["img.bin"]]).toEqual([7, 8, 9]);
  });

  it("reads a deflated part across several 64 KiB slices", () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    const parts = unzipParts(zipSync({ "big.bin": [big, { level: 1 }] }));
    expect(Buffer.compare(Buffer.from(parts["big.bin"]), Buffer.from(big))).toBe(0);
  });

  it("leaves directory entries out and keeps what is inside them", () => {
    const zip = zipSync({ "word/": new Uint8Array(0), "word/a.xml": strToU8("<a/>") });
    expect(Object.keys(unzipParts(zip))).toEqual(["word/a.xml"]);
  });

  it.each([
    ["a directory", "word/", true],
    ["a name ending in two slashes", "word//", false],
    ["a NUL byte", "a\u0000b", false],
  ])("%s: %j plain = %s", (_what, name, plain) => expect(isPlainPartName(name)).toBe(plain));
});

describe("the size limit", () => {
  const data = new Uint8Array(1000).fill(65);

  it("refuses stored parts whose declared sizes pass the limit, and accepts exactly the limit", () => {
    const zip = zipSync({ "a.bin": [data, { level: 0 }], "b.bin": [data, { level: 0 }] });
    expect(Object.keys(unzipParts(zip, 2000))).toEqual(["a.bin", "b.bin"]);
    expect(refusal(() => unzipParts(zip, 1999)).code).toBe("too-big");
  });

  it("counts inflated bytes up to exactly the limit", () => {
    const zip = zipSync({ "a.bin": [data, { level: 9 }] });
    expect(Object.keys(unzipParts(zip, 1000))).toEqual(["a.bin"]);
    // The directory may lie: it says 10 bytes, the part inflates to 1000.
    Buffer.from(zip.buffer).writeUInt32LE(10, u32At(zip, eocdOf(zip) + 16) + 24);
    expect(refusal(() => unzipParts(zip, 999)).code).toBe("too-big");
  });
});

describe("damaged archives", () => {
  const zip = () => zipSync({ "a.xml": [strToU8("<a>contenu</a>"), { level: 0 }] });
  const cd = (z: Uint8Array) => u32At(z, eocdOf(z) + 16);

  it("refuses a part whose data runs past the end of the file", () => {
    const z = zip();
    Buffer.from(z.buffer).writeUInt32LE(z.length, cd(z) + 20);
    expect(refusal(() => unzipParts(z)).code).toBe("not-zip");
  });

  it("refuses a part compressed with a method other than stored or deflate", () => {
    const deflated = zipSync({ "a.xml": [strToU8("<a>contenu</a>"), { level: 6 }] });
    Buffer.from(deflated.buffer).writeUInt16LE(12, cd(deflated) + 10);
    expect(refusal(() => unzipParts(deflated)).code).toBe("not-zip");
  });

  it("refuses deflate data that does not inflate", () => {
    const z = zip();
    Buffer.from(z.buffer).writeUInt16LE(8, cd(z) + 10);
    // A first block of the reserved type 3.
    z[u32At(z, cd(z) + 42) + 30 + "a.xml".length] = 0xff;
    expect(refusal(() => unzipParts(z)).code).toBe("not-zip");
  });

  it("refuses a directory entry or a local header that is not where the directory says", () => {
    const z1 = zip();
    z1[0] = 0; // the local header's signature
    expect(refusal(() => unzipParts(z1)).code).toBe("not-zip");
    const z2 = zip();
    Buffer.from(z2.buffer).writeUInt32LE(cd(z2) + 1, eocdOf(z2) + 16);
    expect(refusal(() => unzipParts(z2)).code).toBe("not-zip");
  });

  it("refuses an XML part that declares a DOCTYPE, whatever the case of its extension", () => {
    const z = zipSync({ "word/x.XML": strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>') });
    expect(refusal(() => unzipParts(z)).code).toBe("doctype");
    const notXml = zipSync({ "word/x.xmlz": strToU8("<!DOCTYPE x>") });
    expect(Object.keys(unzipParts(notXml))).toEqual(["word/x.xmlz"]);
  });
});

describe("encrypted Office files", () => {
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const file = (head: number[], body: number[]) => new Uint8Array([...head, ...new Array(40).fill(0), ...body]);

  it("is an OLE container naming an EncryptedPackage stream, even at its very end", () => {
    expect(isEncryptedOffice(file(OLE, utf16("EncryptedPackage")))).toBe(true);
  });

  it.each([
    ["another OLE file", file(OLE, utf16("WordDocument"))],
    ["the name in 8-bit characters", file(OLE, [...strToU8("EncryptedPackage")])],
    ["the name cut short", file(OLE, utf16("EncryptedPackag"))],
    ["an OLE signature wrong in its last byte", file([...OLE.slice(0, 7), 0], utf16("EncryptedPackage"))],
    ["an OLE signature wrong in its first byte", file([0, ...OLE.slice(1)], utf16("EncryptedPackage"))],
    ["a zip", deflateSync(strToU8("EncryptedPackage"))],
  ])("%s is not", (_what, bytes) => expect(isEncryptedOffice(bytes)).toBe(false));
});
