// The streaming package writer: the main part comes out exactly as written, across its
// 1 MiB flushes; other parts are deflated, images stored as they are (they are compressed
// already, and deflating them again costs time for nothing).
import { strFromU8, unzipSync } from "fflate";
import { PackageWriter } from "../../src/core/merge/package-writer";

/** Each entry's compression method, from the zip's central directory (0 stored, 8 deflated). */
function methods(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out: Record<string, number> = {};
  for (let at = view.getUint32(eocd + 16, true), n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    out[strFromU8(zip.subarray(at + 46, at + 46 + nameLength))] = view.getUint16(at + 10, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe("PackageWriter", () => {
  it("writes the main part exactly, across flushes", () => {
    const writer = new PackageWriter("word/document.xml");
    const pieces = ["<w:document>", "é".repeat(600_000), "x".repeat(700_000), "<w:p/>".repeat(200_000)];
    for (const piece of pieces) writer.write(piece);
    writer.endMain("</w:document>");
    const files = unzipSync(writer.finish());
    expect(strFromU8(files["word/document.xml"])).toBe(`${pieces.join("")}</w:document>`);
  });

  it("stores images and deflates the other parts", () => {
    const writer = new PackageWriter("word/document.xml");
    writer.write("<w:document/>");
    writer.endMain("");
    const png = new Uint8Array(4000).fill(7);
    writer.add("word/media/qr1.png", png);
    writer.add("word/media/logo.JPEG", png);
    writer.add("word/styles.xml", "<w:styles/>".repeat(100));
    const zip = writer.finish();
    expect(methods(zip)).toEqual({
      "word/document.xml": 8,
      "word/media/qr1.png": 0,
      "word/media/logo.JPEG": 0,
      "word/styles.xml": 8,
    });
    expect(unzipSync(zip)["word/media/qr1.png"]).toEqual(png);
  });
});
