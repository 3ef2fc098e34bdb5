// Markers left in a part's text where something changes per letter. They use U+0001,
// which XML cannot contain, so they never collide with content.
export const MARK = "\u0001";

/** A marker of this kind (one letter) with its payload: a slot number, an old id… */
export function marker(kind: string, payload: string | number = ""): string {
  return `${MARK}${kind}${payload}${MARK}`;
}

/** The section break between letters: inside the body's last paragraph, or as its own. */
export const SECT_MARK = marker("S");
export const SECT_PARA_MARK = marker("Q");
/** Where the next person's part starts (cards, labels). */
export const NEXT_MARK = marker("Y");
/** Where the person's QR code is drawn. */
export const QR_MARK = marker("K");
