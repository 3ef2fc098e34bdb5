// The decoders written out for Word 2016/2019's panes, which have no TextDecoder, held to
// Node's TextDecoder (the WHATWG Encoding standard) on every byte and on random bytes.
import fc from "fast-check";
import { decodeBytes, fallbackDecoders, NotUtf8 } from "../../src/core/roster/text-decoding";
import { decodeText } from "../../src/core/roster/decode";
import { utf8, windows1252 } from "./helpers/encode";

const { decodeUtf8, decodeUtf16 } = fallbackDecoders;
/** TextDecoder keeping a byte order mark, as the hand-written decoders do (decodeBytes drops it, below). */
const native = (bytes: Uint8Array, label: string, fatal = false) =>
  new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
const fatalNative = (bytes: Uint8Array) => {
  try {
    return native(bytes, "utf-8", true);
  } catch {
    return "throws";
  }
};
const fatalFallback = (bytes: Uint8Array) => {
  try {
    return decodeUtf8(bytes, true);
  } catch (err) {
    expect(err).toBeInstanceOf(NotUtf8);
    return "throws";
  }
};
/** Bytes that are mostly UTF-8 lead and continuation bytes, where decoders differ. */
const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => a.map((b) => (b % 3 === 0 ? 0x80 | (b & 0x7f) : b)));

describe("UTF-8 without TextDecoder", () => {
  it("agrees with TextDecoder on random bytes, replacing and refusing alike", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(decodeUtf8(b, false)).toBe(native(b, "utf-8"));
        expect(fatalFallback(b)).toBe(fatalNative(b));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a two-byte letter", [0xc3, 0xa9]],
    ["a three-byte euro", [0xe2, 0x82, 0xac]],
    ["an emoji (surrogate pair)", [0xf0, 0x9f, 0x91, 0xa9]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["an overlong three-byte form", [0xe0, 0x80, 0xaf]],
    ["a surrogate", [0xed, 0xa0, 0x80]],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["an overlong four-byte form", [0xf0, 0x80, 0x80, 0xaf]],
    ["a truncated sequence then ASCII", [0xe2, 0x82, 0x41]],
    ["a lone continuation", [0x80]],
    ["a lead at the very end", [0x41, 0xf0]],
    ["F5 and above", [0xf5, 0xff, 0xfe]],
  ])("%s", (_, list) => {
    const b = Uint8Array.from(list);
    expect(decodeUtf8(b, false)).toBe(native(b, "utf-8"));
    expect(fatalFallback(b)).toBe(fatalNative(b));
  });

  it("decodes more characters than one call of String.fromCharCode takes", () => {
    const long = "é".repeat(100000);
    expect(decodeUtf8(utf8(long), true)).toBe(long);
  });
});

describe("UTF-16 without TextDecoder", () => {
  it("agrees with TextDecoder in both byte orders, an odd last byte included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 41 }), (b) => {
        expect(decodeUtf16(b, true)).toBe(native(b, "utf-16le"));
        expect(decodeUtf16(b, false)).toBe(native(b, "utf-16be"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("an export read where the pane has no TextDecoder", () => {
  const saved = globalThis.TextDecoder;
  afterEach(() => (globalThis.TextDecoder = saved));

  it.each([
    ["Windows-1252", windows1252("Nom;Prénom\nŒUVRE;Hélène – €\n"), "Windows-1252"],
    ["UTF-8", utf8("Nom;Prénom\nN'DIAYE;Océane 👩‍🏫\n"), "UTF-8"],
    ["UTF-8 with its BOM", utf8("Nom;Prénom\nÉLÈVE;Zoë\n", true), "UTF-8 (avec BOM)"],
  ])("%s reads exactly as with it", (_, file, encoding) => {
    const withIt = decodeText(file, "export.csv");
    delete (globalThis as { TextDecoder?: unknown }).TextDecoder;
    const without = decodeText(file, "export.csv");
    expect(without).toEqual(withIt);
    expect(without.encoding).toBe(encoding);
  });

  it.each([
    ["utf-8", [0xef, 0xbb, 0xbf, 0x41]],
    ["utf-16le", [0xff, 0xfe, 0x41, 0x00]],
    ["utf-16be", [0xfe, 0xff, 0x00, 0x41]],
  ] as const)("drops a byte order mark at the start in %s, as TextDecoder does", (encoding, list) => {
    const withIt = decodeBytes(Uint8Array.from(list), encoding);
    delete (globalThis as { TextDecoder?: unknown }).TextDecoder;
    expect(decodeBytes(Uint8Array.from(list), encoding)).toBe(withIt);
    expect(withIt).toBe("A");
  });

  it("decodes every Windows-1252 byte as before", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeBytes(all, "windows-1252");
    expect(text.slice(0x80, 0x84)).toBe("€\u0081‚ƒ");
    expect(text.charCodeAt(0xe9)).toBe(0xe9);
    expect(text.length).toBe(256);
  });
});
