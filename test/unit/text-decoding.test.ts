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
    // Each boundary of the WHATWG ranges, on both sides.
    ["U+0080, the first two-byte character", [0xc2, 0x80]],
    ["U+0800, the first three-byte one", [0xe0, 0xa0, 0x80]],
    ["E0 9F: overlong", [0xe0, 0x9f, 0xbf]],
    ["U+D7FF, the last before the surrogates", [0xed, 0x9f, 0xbf]],
    ["ED A0: a surrogate", [0xed, 0xa0, 0x80]],
    ["U+FFFF", [0xef, 0xbf, 0xbf]],
    ["U+10000, the first four-byte one", [0xf0, 0x90, 0x80, 0x80]],
    ["F0 8F: overlong", [0xf0, 0x8f, 0xbf, 0xbf]],
    ["U+10FFFF, the last", [0xf4, 0x8f, 0xbf, 0xbf]],
    ["F4 90: beyond", [0xf4, 0x90, 0x80, 0x80]],
    ["F1 80: an ordinary four-byte lead", [0xf1, 0x80, 0x80, 0x80]],
    ["a three-byte lead then a four-byte character", [0xe2, 0xf0, 0x9f, 0x98, 0x80]],
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
  it.each([
    ["a lone lead surrogate D800", [0x00, 0xd8, 0x41, 0x00]],
    ["a lone lead surrogate DBFF", [0xff, 0xdb, 0x41, 0x00]],
    ["a lone trail surrogate DC00", [0x00, 0xdc]],
    ["a lone trail surrogate DFFF", [0xff, 0xdf]],
    ["a pair D800 DC00", [0x00, 0xd8, 0x00, 0xdc]],
    ["a pair DBFF DFFF", [0xff, 0xdb, 0xff, 0xdf]],
    ["U+D7FF and U+E000 around the surrogates", [0xff, 0xd7, 0x00, 0xe0]],
    ["a lead surrogate then another lead", [0x00, 0xd8, 0x00, 0xd8, 0x00, 0xdc]],
    ["a lead cut by an odd last byte", [0x41, 0x00, 0x00, 0xd8, 0x41]],
    ["a trail before an odd last byte", [0x00, 0xdc, 0x41]],
  ])("%s", (_, list) => {
    const b = Uint8Array.from(list);
    expect(decodeUtf16(b, true)).toBe(native(b, "utf-16le"));
    const swapped = Uint8Array.from(list.map((_, i) => list[i ^ 1] ?? list[i]));
    if (list.length % 2 === 0) expect(decodeUtf16(swapped, false)).toBe(native(swapped, "utf-16be"));
  });

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
