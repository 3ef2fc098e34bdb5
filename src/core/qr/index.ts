// QR codes on the letters: the address a person's code opens (the ENT's activation page
// with their login and code already filled in, or the ENT's address), and its image.
import { encode } from "uqr";
import { monochromePng } from "./png";

/** Pixels per module: crisp at the printed size (about 27 mm). */
const SCALE = 4;

/**
 * A QR code (error correction M, a 4-module quiet zone) as a PNG. The mask is fixed rather
 * than chosen among eight: any mask is valid, and trying all eight made a code ten times
 * slower to make (1,141 letters: 2 s instead of 0.2 s). Scanning is checked page by page.
 */
export function qrPng(text: string): Uint8Array {
  // The quiet zone is drawn with the image rather than added to the matrix (faster).
  return monochromePng(encode(text, { ecc: "M", border: 0, maskPattern: MASK }).data, SCALE, QUIET);
}

const MASK = 0;
/** Four white modules around the code, as the standard asks. */
const QUIET = 4;

/**
 * Open ENT NG's activation page reads the login and the code from its address
 * (ActivationController, entcore auth.js): scanning opens it filled in.
 */
export const ACTIVATION_PATTERN = "{ent}/auth/activation?login={login}&activationCode={password}";

/** The ENT's address as the letter gives it, or null when it is not one (left as a model, or not http(s)). */
export function entAddress(text: string | undefined): string | null {
  const value = (text ?? "").trim().replace(/\/+$/, "");
  return /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(value) || /^https?:\/\/[^\s/?#]+$/i.test(value) ? value : null;
}

/** Fills a pattern's {ent}, {login} and {password}; the person's values are URL-encoded. */
export function fillPattern(pattern: string, values: { ent: string; login: string; password: string }): string {
  return pattern
    .replace(/\{ent\}/g, values.ent)
    .replace(/\{login\}/g, encodeURIComponent(values.login))
    .replace(/\{password\}/g, encodeURIComponent(values.password));
}
