// Reading a zip we did not write, safely: parts are inflated as a stream and counted, so a
// zip bomb is refused at the limit instead of filling memory; entries whose names are not
// plain relative part names are left out; XML parts may not declare a DOCTYPE or entities.
import { Inflate, strFromU8 } from "fflate";
import { concatBytes } from "../bytes";
import { CourriersError } from "../errors";

/** What a package may unpack to, in all: far above any letter or export, far below a bomb. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type OpcErrorCode = "not-zip" | "too-big" | "doctype" | "duplicate-part";

/** A package that cannot be read safely; the caller says it in its own words (template, workbook). */
export class OpcError extends CourriersError {
  declare readonly code: OpcErrorCode;

  constructor(
    code: OpcErrorCode,
    readonly part = "",
    options: { cause?: unknown } = {},
  ) {
    super(code, OPC_MESSAGES[code](part), options);
  }
}

const OPC_MESSAGES: Record<OpcErrorCode, (part: string) => string> = {
  "not-zip": () => "le fichier n'est pas une archive Office lisible",
  "too-big": () => `le fichier se décompresse en plus de ${MAX_UNPACKED_BYTES / 1024 / 1024} Mo`,
  doctype: (part) => `sa partie « ${part} » déclare un DOCTYPE ou des entités, refusés par sécurité`,
  "duplicate-part": (part) =>
    `l'archive contient deux fois la partie « ${part} » (un fichier modifié à la main, ou piégé : laquelle lire ?)`,
};

/** "word/document.xml" yes; "../x", "/x", "a\\b", "C:x", "a//b", "word/../x" no. */
export function isPlainPartName(name: string): boolean {
  return (
    name !== "" &&
    !name.startsWith("/") &&
    !name.includes("\\") &&
    !name.includes(":") &&
    !name.includes(String.fromCharCode(0)) &&
    name.split("/").every((piece, i, all) => piece !== ".." && piece !== "." && (piece !== "" || i === all.length - 1))
  );
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * The central directory's entries. Read by hand because fflate cannot stop an entry's
 * inflation midway: here each entry is inflated in slices and abandoned at the limit.
 */
function entries(bytes: Uint8Array): Entry[] {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--)
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw new OpcError("not-zip");
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new OpcError("not-zip");
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new OpcError("not-zip");
    out.push({
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      dataStart: local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}

const SLICE = 64 * 1024;

/** The parts of a zip, each checked; throws OpcError. Directory entries and unsafe names are left out. */
export function unzipParts(bytes: Uint8Array, limit = MAX_UNPACKED_BYTES): Record<string, Uint8Array> {
  const list = entries(bytes).filter((e) => isPlainPartName(e.name) && !e.name.endsWith("/"));
  // Two entries with one name: readers disagree on which one wins, so none is chosen.
  const seen = new Set<string>();
  for (const e of list) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw new OpcError("duplicate-part", e.name);
    seen.add(key);
  }
  // What the directory declares, first: a bomb that admits its size costs nothing.
  if (list.reduce((n, e) => n + e.size, 0) > limit) throw new OpcError("too-big");
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of list) {
    const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (data.length !== e.compressedSize) throw new OpcError("not-zip");
    let part: Uint8Array;
    if (e.method === 0) part = data.slice();
    else if (e.method === 8) {
      // Counted while inflating, whatever the directory said.
      const chunks: Uint8Array[] = [];
      const inflate = new Inflate((chunk) => {
        total += chunk.length;
        if (total > limit) throw new OpcError("too-big");
        chunks.push(chunk);
      });
      try {
        for (let at = 0; at < data.length || at === 0; at += SLICE)
          inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
      } catch (err) {
        // fflate's own words stay as the cause, for COURRIERS_DEBUG and the pane's detail.
        throw err instanceof OpcError ? err : new OpcError("not-zip", e.name, { cause: err });
      }
      part = concatBytes(chunks);
    } else throw new OpcError("not-zip");
    files[e.name] = checkedPart(e.name, part);
  }
  return files;
}

const DECLARATIONS = ["DOCTYPE", "ENTITY"].map((word) => [...word].map((c) => c.charCodeAt(0)));

/** Whether `<!DOCTYPE` or `<!ENTITY` (any case) occurs anywhere in the bytes: one pass, no text made. */
function declaresDoctype(data: Uint8Array): boolean {
  for (let i = data.indexOf(0x3c); i >= 0 && i + 2 < data.length; i = data.indexOf(0x3c, i + 1)) {
    if (data[i + 1] !== 0x21) continue;
    for (const word of DECLARATIONS) if (word.every((c, k) => (data[i + 2 + k] & 0xdf) === c)) return true;
  }
  return false;
}

/** An XML part may not declare a DOCTYPE (entity expansion, external entities), wherever it stands. */
function checkedPart(name: string, data: Uint8Array): Uint8Array {
  if (/\.(xml|rels)$/i.test(name) && declaresDoctype(data)) throw new OpcError("doctype", name);
  return data;
}

/** An Office file encrypted with a password: an OLE container holding an "EncryptedPackage". */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
  if (!ole) return false;
  const marker = "EncryptedPackage";
  // Stream names are UTF-16LE in the OLE directory.
  outer: for (let i = 0; i + marker.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < marker.length; k++)
      if (bytes[i + 2 * k] !== marker.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}
