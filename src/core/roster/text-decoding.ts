// Bytes → string in the four encodings exports come in. The Encoding API (TextDecoder) does
// it where the runtime has it; Word 2016/2019's panes (Internet Explorer 11, Edge Legacy) do
// not, so the same decoding is written out here for them. Both agree byte for byte (tests
// compare them on every byte value and on malformed UTF-8).

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

// Windows-1252's 0x80–0x9F block. Browsers decode it, but Node's TextDecoder treats the
// "windows-1252" label as ISO-8859-1 and returns C1 controls, so the block is mapped here.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Thrown where `fatal` UTF-8 decoding meets bytes that are not UTF-8, as TextDecoder throws. */
export class NotUtf8 extends Error {}

/** Code units → string, by slices: String.fromCharCode takes a bounded number of arguments. */
function fromCodes(codes: number[]): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 0x2000) out += String.fromCharCode(...codes.slice(i, i + 0x2000));
  return out;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const codes: number[] = [];
  const n = bytes.length - (bytes.length % 2);
  for (let i = 0; i < n; i += 2)
    codes.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  // A surrogate without its other half, and an odd last byte, are U+FFFD, as TextDecoder
  // gives; a leading surrogate cut by the end of the file and its odd byte make one U+FFFD.
  let cutLead = false;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && codes[i + 1] >= 0xdc00 && codes[i + 1] <= 0xdfff) i++;
    else {
      codes[i] = 0xfffd;
      cutLead = c <= 0xdbff && i === codes.length - 1;
    }
  }
  if (n < bytes.length && !cutLead) codes.push(0xfffd);
  return fromCodes(codes);
}

/** The byte count of a UTF-8 sequence by its lead byte; 0 when it leads none (C0, C1, F5–FF, continuations). */
function utf8Length(b: number): number {
  return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

/** UTF-8 by the WHATWG rules: a malformed sequence throws NotUtf8 when `fatal`, else gives U+FFFD. */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  const codes: number[] = [];
  const bad = () => {
    if (fatal) throw new NotUtf8("not UTF-8");
    codes.push(0xfffd);
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      codes.push(b);
      i++;
      continue;
    }
    const length = utf8Length(b);
    if (!length) {
      bad();
      i++;
      continue;
    }
    let cp = b & (0xff >> (length + 1));
    let j = 1;
    for (; j < length; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
      // Overlong, surrogate and beyond-U+10FFFF forms fail at their second byte, as WHATWG says.
      if (
        j === 1 &&
        ((length === 3 && cp < 0x20) ||
          (b === 0xed && c > 0x9f) ||
          (b === 0xf4 && c > 0x8f) ||
          (length === 4 && cp < 0x10))
      )
        break;
    }
    if (j < length) {
      // The byte that broke the sequence is read again as the start of the next one.
      bad();
      i += j;
      continue;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else codes.push(cp);
    i += length;
  }
  return fromCodes(codes);
}

function decodeWindows1252(bytes: Uint8Array): string {
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
  }
  return fromCodes(codes);
}

/** Decodes `bytes`; `fatal` (UTF-8 only) throws NotUtf8 on bytes that are not UTF-8. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName, fatal = false): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  if (typeof TextDecoder === "undefined") {
    const text = encoding === "utf-8" ? decodeUtf8(bytes, fatal) : decodeUtf16(bytes, encoding === "utf-16le");
    // TextDecoder drops a byte order mark at the start.
    return text.startsWith("\ufeff") ? text.slice(1) : text;
  }
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch (err) {
    if (fatal) throw new NotUtf8("not UTF-8");
    throw err;
  }
}

/** The hand-written decoders, for the tests that hold them to TextDecoder. */
export const fallbackDecoders = { decodeUtf8, decodeUtf16 };
