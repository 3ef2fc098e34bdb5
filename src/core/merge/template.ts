// Reads and checks a template once, before any letter is written: its body and final
// section compiled into segments, its headers and footers, the value of every field.
import { XmlError } from "../errors";
import type { RosterRecord } from "../roster";
import { compilePart, Segment } from "./compile";
import { compileConditions, Holds, neverPrinted } from "./conditions";
import { compileNotes, NotesPart } from "./notes";
import { readStyleLists } from "./numbering";
import { DocxPackage, headerFooterParts, numberingPath, openDocx } from "./docx-package";
import { MergeError } from "./errors";
import { ExtractOptions, FieldSlot } from "./fields";
import { displayName, fieldIdOf, MergeSource, resolveField, ValueOf } from "./resolve";
import { printsPageNumbers, splitBody, withNotesRestart } from "./sections";
import { refuseRevisions } from "./revisions";
import { AddressPart, evaluateField, FieldValues, mergeNames, skips } from "./field-code";
import { ADDRESS_HEADERS } from "../catalog";
import { fillRepeatedPassages } from "./repeated-passages";
import { boxBefore, OpenElementTracker, readStyleMetrics, StyleMetrics, textWidthOf } from "./fit";

export interface HeaderPart {
  rId: string;
  type: string;
  path: string;
  contentType: string;
  segments: Segment[];
  /** Holds a field: one copy per letter; otherwise shared by all. */
  perLetter: boolean;
}

/** Ids that parts shared by every letter already use: the letters' counters skip them. */
export interface ReservedIds {
  docPr: Set<number>;
  sdt: Set<number>;
  spid: Set<number>;
}

export interface CompiledTemplate {
  pkg: DocxPackage;
  prefix: string;
  suffix: string;
  body: Segment[];
  finalSect: Segment[];
  slots: FieldSlot[];
  values: ValueOf[];
  /** The template's SKIPIF fields: a person for whom one holds gets no letter. */
  skipIf: Array<(record: RosterRecord) => boolean>;
  /** Which slots print the password: never empty. */
  isPassword: boolean[];
  /** Whether a person's letter keeps each conditional passage. */
  conditions: Map<string, Holds>;
  headers: HeaderPart[];
  reserved: ReservedIds;
  /** Footnotes and endnotes, copied for each letter. */
  notes: NotesPart[];
  /** The numbering part, whose lists each letter restarts. */
  numberingPath?: string;
  /** The template prints page numbers: each letter's restart at 1 (not in recto-verso bundles). */
  printsPageNumbers: boolean;
}

function collectIds(xml: string, re: RegExp, into: Set<number>): void {
  for (const m of xml.matchAll(re)) into.add(Number(m[1]));
}

/** Runs a scan of one part, naming the part if its XML is damaged. */
export function inPart<T>(path: string, scan: () => T): T {
  try {
    return scan();
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    throw new MergeError(
      "bad-template",
      `Le modèle est abîmé : dans sa partie « ${path} », ${err.message}. Ouvrez-le dans Word, enregistrez-le sous un nouveau nom (Document Word .docx) puis réessayez.`,
      [],
      { cause: err },
    );
  }
}

/** Reads and checks the template; throws MergeError naming unknown fields, before any work. */
export function compileTemplate(template: Uint8Array, source: MergeSource, options: ExtractOptions): CompiledTemplate {
  const pkg = openDocx(template);
  const main = pkg.mainPath;
  const printsNumbers = [pkg.text(main)!, ...headerFooterParts(pkg).map((p) => p.xml)].some(printsPageNumbers);
  const body = inPart(main, () => splitBody(pkg.text(main)!, printsNumbers));
  if (!body) throw new MergeError("bad-template", "Le modèle n'a pas de corps de document lisible (w:body).");

  const slots: FieldSlot[] = [];
  const stylesPart = pkg.related(main, "styles")[0];
  const styleLists = readStyleLists(stylesPart && pkg.text(stylesPart.path));
  const bodySegments = inPart(main, () =>
    compilePart(fillRepeatedPassages(body.inner), slots, options, styleLists, { shapeTypesOnce: true }),
  );
  markCredentialBoxes(
    bodySegments,
    slots,
    source,
    textWidthOf(body.finalSect),
    readStyleMetrics(stylesPart && pkg.text(stylesPart.path)),
  );
  // The footnotes and endnotes parts, found once: each letter restarts their numbering.
  const noteParts = (["footnote", "endnote"] as const).flatMap((kind) => {
    const part = pkg.related(main, `${kind}s`)[0];
    const xml = part && pkg.text(part.path);
    return xml === undefined ? [] : [{ kind, path: part.path, xml }];
  });
  const finalSectXml = withNotesRestart(
    body.finalSect,
    noteParts.map((n) => n.kind),
  );
  const finalSect = inPart(main, () => compilePart(finalSectXml, slots, options));
  const notes = noteParts.map((n) => inPart(n.path, () => compileNotes(n.kind, n.path, n.xml, slots, options)));

  refuseRevisions([
    { where: "le corps du courrier", xml: body.inner + body.finalSect },
    ...headerFooterParts(pkg).map((part) => ({ where: "l'en-tête ou le pied de page", xml: part.xml })),
    ...noteParts.map((n) => ({ where: "les notes", xml: n.xml })),
  ]);

  const reserved: ReservedIds = { docPr: new Set(), sdt: new Set(), spid: new Set() };
  const headers: HeaderPart[] = [];
  const types = pkg.contentTypes();
  for (const part of headerFooterParts(pkg)) {
    const before = slots.length;
    const segments = inPart(part.path, () => compilePart(part.xml, slots, options, styleLists));
    const perLetter = slots.length > before;
    if (!perLetter) {
      collectIds(part.xml, /<wp:docPr\s[^>]*?\bid="(\d+)"/g, reserved.docPr);
      collectIds(part.xml, /<w:id w:val="(-?\d+)"/g, reserved.sdt);
      collectIds(part.xml, /\so:spid="_x0000_s(\d+)"/g, reserved.spid);
    }
    const contentType = types.typeOf(part.path) ?? "";
    headers.push({ rId: part.id, type: part.type, path: part.path, contentType, segments, perLetter });
  }

  return {
    pkg,
    prefix: body.prefix,
    suffix: body.suffix,
    body: bodySegments,
    finalSect,
    slots,
    ...fieldValues(slots, source),
    // A field Word evaluates (IF…) prints its own text: an empty one is no empty password.
    isPassword: slots.map((s) => !s.expr && fieldIdOf(s.name, source) === "password"),
    conditions: compileConditions(
      conditionsOf([
        bodySegments,
        finalSect,
        ...headers.map((h) => h.segments),
        ...notes.flatMap((n) => [...n.notes.values()].map((note) => note.segments)),
      ]),
      source,
    ),
    headers,
    reserved,
    numberingPath: numberingPath(pkg),
    notes,
    printsPageNumbers: printsNumbers,
  };
}

/** Gives each login and password field the box it must print in on one line (see fit.ts). */
function markCredentialBoxes(
  segments: Segment[],
  slots: FieldSlot[],
  source: MergeSource,
  textWidth: number,
  styles: StyleMetrics,
): void {
  const tracker = new OpenElementTracker();
  for (const s of segments) {
    if (typeof s === "string") tracker.feed(s);
    else if (s.t === "field" && !slots[s.i].expr && CREDENTIALS.has(fieldIdOf(slots[s.i].name, source) ?? "")) {
      const { xml, open } = tracker.tail();
      slots[s.i].box = boxBefore(xml, textWidth, styles, open);
    }
  }
}

const CREDENTIALS = new Set(["login", "password"]);

function conditionsOf(parts: Segment[][]): string[] {
  return parts.flatMap((segments) =>
    segments.flatMap((s) => (typeof s !== "string" && s.t === "if" ? [s.condition] : [])),
  );
}

/**
 * The value of each field for a record, and the template's SKIPIF tests; refuses a letter
 * without fields or with unknown ones.
 */
function fieldValues(
  slots: FieldSlot[],
  source: MergeSource,
): { values: ValueOf[]; skipIf: CompiledTemplate["skipIf"] } {
  if (slots.length === 0) {
    throw new MergeError(
      "no-fields",
      "Le courrier ne contient aucun champ de fusion (Prénom, Login, Mot de passe…) : tous les courriers seraient identiques. Insérez un courrier prêt ou des champs, puis réessayez.",
    );
  }
  const values: ValueOf[] = [];
  const skipIf: CompiledTemplate["skipIf"] = [];
  const unknown: string[] = [];
  const silent = (slot: FieldSlot) => (neverPrinted(slot.guards, source) ? () => "" : null);
  for (const slot of slots) {
    if (slot.expr) {
      // Every merge field the expression reads must be in the file (unless never printed).
      const reads = new Map<string, ValueOf>();
      for (const name of mergeNames(slot.expr)) {
        const value = resolveField({ kind: "mergefield", name }, source) ?? silent(slot);
        if (value) reads.set(name, value);
        else if (!unknown.includes(name)) unknown.push(name);
      }
      const expr = slot.expr;
      const valuesOf = fieldValuesOf(reads, source);
      values.push((record) => evaluateField(expr, valuesOf(record)));
      if (expr.kind === "skipif") skipIf.push((record) => skips(expr, valuesOf(record)));
      continue;
    }
    const value = resolveField(slot.name, source) ?? silent(slot);
    if (value) values.push(value);
    else if (!unknown.includes(displayName(slot.name))) unknown.push(displayName(slot.name));
  }
  if (unknown.length) {
    const many = unknown.length > 1;
    const list = unknown.map((u) => `« ${u} »`).join(", ");
    throw new MergeError(
      "unknown-fields",
      `Le courrier utilise ${many ? "des champs" : "un champ"} que le fichier ne contient pas : ${list}. Retirez ${many ? "ces champs" : "ce champ"} du courrier ou choisissez un export qui a ${many ? "ces colonnes" : "cette colonne"}.`,
      unknown,
    );
  }
  return { values, skipIf };
}

/** A field Word evaluates reads, per person, its merge fields' values and the address columns it may use. */
function fieldValuesOf(reads: Map<string, ValueOf>, source: MergeSource): (record: RosterRecord) => FieldValues {
  const parts = new Map<AddressPart, ValueOf>();
  const first = resolveField({ kind: "tag", tag: "ent:firstName" }, source);
  const last = resolveField({ kind: "tag", tag: "ent:lastName" }, source);
  if (first) parts.set("first", first);
  if (last) parts.set("last", last);
  for (const [part, headers] of Object.entries(ADDRESS_HEADERS) as Array<[AddressPart, readonly string[]]>) {
    const value = headers.map((h) => resolveField({ kind: "mergefield", name: h }, source)).find(Boolean);
    if (value) parts.set(part, value);
  }
  return (record) => ({
    merge: (name) => reads.get(name)?.(record) ?? "",
    part: (kind) => parts.get(kind)?.(record) ?? "",
  });
}
