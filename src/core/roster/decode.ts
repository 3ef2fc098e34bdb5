// Bytes → text. A BOM decides; otherwise strict UTF-8, then Windows-1252 (what French Excel
// writes). The encoding used is always reported, never guessed silently.
import { isEncryptedOffice } from "../opc";
import { EXPORT_HINT, RosterError } from "./errors";
import { decodeBytes } from "./text-decoding";

export interface DecodedText {
  text: string;
  encoding: string;
  notes: string[];
}

// Bytes Windows-1252 leaves undefined: their presence means the guess is doubtful.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Recognises formats that are not text exports, to say what the file really is. */
export function sniffBinary(bytes: Uint8Array, fileName: string): void {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new RosterError(
      "pdf",
      fileName,
      `« ${fileName} » est un document PDF, pas un export de comptes. ${EXPORT_HINT}`,
    );
  }
  if (isEncryptedOffice(bytes)) {
    throw new RosterError(
      "protected",
      fileName,
      `« ${fileName} » est protégé par un mot de passe : Courriers ENT ne peut pas le lire. Enregistrez-le sans mot de passe dans Excel (Fichier › Informations › Protéger le classeur) ou, mieux, reprenez l'export CSV de l'ENT.`,
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new RosterError(
      "old-excel",
      fileName,
      `« ${fileName} » est un classeur Excel ancien format (.xls). Enregistrez-le au format .xlsx ou, mieux, reprenez l'export CSV de l'ENT.`,
    );
  }
}

/**
 * Well-formed UTF-8 sequences of two bytes or more, and bytes that start none: which way a
 * file that is not valid UTF-8 leans (Windows-1252 text has no well-formed sequence).
 */
export function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length - 1;
    } else invalid++;
  }
  return { valid, invalid };
}

function looksLikeUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  // Text in UTF-16 without a BOM: every other byte is NUL for Latin text.
  const n = Math.min(bytes.length - (bytes.length % 2), 2000);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return "utf-16le";
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return "utf-16be";
  return null;
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const notes: string[] = [];
  let text: string;
  let encoding: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = decodeBytes(bytes.subarray(3), "utf-8");
    encoding = "UTF-8 (avec BOM)";
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = decodeBytes(bytes.subarray(2), "utf-16le");
    encoding = "UTF-16LE (avec BOM)";
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = decodeBytes(bytes.subarray(2), "utf-16be");
    encoding = "UTF-16BE (avec BOM)";
  } else {
    const utf16 = looksLikeUtf16(bytes);
    if (utf16) {
      text = decodeBytes(bytes, utf16);
      encoding = utf16 === "utf-16le" ? "UTF-16LE (sans BOM)" : "UTF-16BE (sans BOM)";
      notes.push(`Fichier en ${encoding} sans marque d'ordre : encodage déduit des octets nuls.`);
    } else {
      try {
        text = decodeBytes(bytes, "utf-8", true);
        encoding = "UTF-8";
      } catch {
        const evidence = utf8Evidence(bytes);
        if (evidence.valid > evidence.invalid) {
          // Mostly UTF-8 with a few bad bytes (a line pasted from elsewhere): read as UTF-8, the
          // bad bytes marked; their rows are set aside rather than every name garbled.
          text = decodeBytes(bytes, "utf-8");
          encoding = "UTF-8";
          notes.push(
            `Attention : le fichier est en UTF-8, mais ${evidence.invalid > 1 ? `${evidence.invalid} octets n'y sont pas valides` : "un octet n'y est pas valide"} : ${evidence.invalid > 1 ? "les lignes qui les contiennent sont écartées ou corrigées" : "la ligne qui le contient est écartée ou corrigée"} (voir la liste).`,
          );
          return finish(text, encoding, notes, fileName);
        }
        text = decodeBytes(bytes, "windows-1252");
        encoding = "Windows-1252";
        if (bytes.some((b) => CP1252_UNDEFINED.has(b))) {
          notes.push(
            "Attention : le fichier n'est ni en UTF-8 ni tout à fait en Windows-1252 : vérifiez les accents dans l'aperçu, ou réexportez le fichier depuis l'ENT.",
          );
        }
      }
    }
  }
  return finish(text, encoding, notes, fileName);
}

/** Checks common to every encoding: binary content, accents encoded twice. */
function finish(text: string, encoding: string, notes: string[], fileName: string): DecodedText {
  // eslint-disable-next-line no-control-regex -- looking for NUL bytes is the point
  if (/\u0000/.test(text.slice(0, 4096))) {
    throw new RosterError(
      "not-text",
      fileName,
      `« ${fileName} » n'est pas un fichier texte (il contient des octets binaires). ${EXPORT_HINT}`,
    );
  }
  if (/Ã[\u00a0-\u00bf]/.test(text)) {
    notes.push(
      "Attention : des accents semblent avoir été encodés deux fois (« Ã© » au lieu de « é ») : le fichier a sans doute été réenregistré. Préférez l'export d'origine de l'ENT.",
    );
  }
  return { text, encoding, notes };
}
