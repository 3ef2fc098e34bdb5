// The QR code of each letter: the address it opens, from the letter's ENT address (the
// activation page filled in for an activation code) or a pattern given by the user; one
// PNG part per distinct address, drawn about 27 mm wide with its alt text.
import { RELATIONSHIP_TYPES } from "../opc";
import { ACTIVATION_PATTERN, entAddress, fillPattern, qrPng } from "../qr";
import { RosterRecord } from "../roster";
import { escapeXml } from "../xml";
import { credentialKind } from "./conditions";
import { editPassages, unchangedPassages } from "./inspect";
import { MergeSource } from "./resolve";

/** 27 mm in EMU: scans from paper with any phone. */
const SIZE_EMU = 27 * 36000;

export interface QrPlan {
  /** The address a person's code opens. */
  urlOf(record: RosterRecord): string;
}

/** How the letters' QR codes are made, or why there are none (a French sentence). */
export function qrPlan(template: Uint8Array, source: MergeSource, pattern?: string): QrPlan | string {
  const passage = unchangedPassages(template).includes("adresse-ent")
    ? undefined
    : editPassages(template).get("adresse-ent");
  const ent = entAddress(passage);
  if (pattern) return { urlOf: (r) => qrAddress(r, source, ent ?? "", pattern) };
  if (!ent)
    return passage === undefined
      ? "Codes QR non imprimés : l'adresse de l'ENT du courrier n'est pas complétée (passage rose « adresse de l'ENT »). Complétez-la, ou indiquez l'adresse des codes QR (dans le volet, « Adresse des codes QR » ; en ligne de commande, --qr-url)."
      : `Codes QR non imprimés : « ${passage} » n'est pas une adresse web (https://…). Corrigez l'adresse de l'ENT du courrier.`;
  return { urlOf: (r) => qrAddress(r, source, ent) };
}

/**
 * The address a person's code opens for an ENT address: the activation page filled in for
 * an account still to activate with a code, else the ENT itself (the pane's preview too).
 */
export function qrAddress(record: RosterRecord, source: MergeSource, ent: string, pattern?: string): string {
  const values = { ent, login: record.values.login, password: record.values.password };
  if (pattern) return fillPattern(pattern, values);
  const activation =
    credentialKind(source) === "activation-code" && record.inactive !== false && record.values.password;
  return activation ? fillPattern(ACTIVATION_PATTERN, values) : ent;
}

/** Images shared by the letters whose codes are the same; each new one a PNG part. */
export class QrImages {
  private readonly byUrl = new Map<string, string>();
  readonly parts: Array<{ path: string; png: Uint8Array; rId: string }> = [];

  /** Whether the document's root declares the drawing prefixes (else each picture does). */
  rootDeclares = true;

  constructor(private readonly plan: QrPlan) {}

  /** The drawing (a run) for this person. */
  run(record: RosterRecord, docPrId: number): string {
    const url = this.plan.urlOf(record);
    let rId = this.byUrl.get(url);
    if (!rId) {
      const n = this.parts.length + 1;
      rId = `rIdEntQr${n}`;
      this.parts.push({ path: `word/media/ent-qr-${n}.png`, png: qrPng(url), rId });
      this.byUrl.set(url, rId);
    }
    const alt = escapeXml(
      url.includes("/auth/activation")
        ? `Code QR : page d'activation de l'ENT pour ${record.values.login}`
        : `Code QR : adresse de l'ENT (${url})`,
    );
    const ext = `cx="${SIZE_EMU}" cy="${SIZE_EMU}"`;
    // The wp, a, pic and r prefixes are declared once on the document (withDrawingNamespaces).
    return (
      `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"${this.rootDeclares ? "" : LOCAL_NAMESPACES}><wp:extent ${ext}/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
      `<wp:docPr id="${docPrId}" name="Code QR ${docPrId}" descr="${alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      `<a:graphic><a:graphicData uri="${PICTURE}"><pic:pic>` +
      `<pic:nvPicPr><pic:cNvPr id="0" name="code-qr.png" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ${ext}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
    );
  }
}

export const IMAGE_RELATIONSHIP = `${RELATIONSHIP_TYPES}/image`;

const PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const DRAWING_NAMESPACES: ReadonlyArray<[string, string]> = [
  ["wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"],
  ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  ["pic", PICTURE],
  ["r", RELATIONSHIP_TYPES],
];
const LOCAL_NAMESPACES = DRAWING_NAMESPACES.map(([name, uri]) => ` xmlns:${name}="${uri}"`).join("");

/**
 * The main part's opening with the drawing prefixes declared on its root element, once,
 * rather than on each letter's picture (1,141 copies of four namespace URIs otherwise).
 */
export function withDrawingNamespaces(prefix: string): string | null {
  if (!/<w:document\b/.test(prefix)) return null;
  return prefix.replace(/<w:document\b[^>]*/, (root) =>
    DRAWING_NAMESPACES.reduce(
      (tag, [name, uri]) => (new RegExp(`\\sxmlns:${name}=`).test(tag) ? tag : `${tag} xmlns:${name}="${uri}"`),
      root,
    ),
  );
}
