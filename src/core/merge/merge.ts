// Template .docx × records → one .docx holding one letter per record, each in its own
// section (next page, the template's page setup and headers, numbering from 1).
import { CONTENT_TYPES_PATH, relsPathOf } from "../opc";
import { RosterRecord } from "../roster";
import { MergeError } from "./errors";
import { letterContext, LetterWriter, MergeWarning } from "./letter-writer";
import { notesPartXml } from "./notes";
import { PackageWriter } from "./package-writer";
import { MergeSource } from "./resolve";
import { CompiledTemplate, compileTemplate, HeaderPart } from "./template";
import { withoutTracking } from "./revisions";
import { IMAGE_RELATIONSHIP, QrImages, qrPlan, withDrawingNamespaces } from "./qr-codes";
import {
  BLANK_FOOTER,
  BLANK_HEADER,
  blankPart,
  BundleOptions,
  bundleSection,
  classGroups,
  coverXml,
  pageSetupOf,
  receiptXml,
  placedElsewhere,
  withOddPage,
} from "./bundles";

export interface MergeOptions {
  /** Keep fields as content controls in the output (default: plain text, like Word's merge). */
  keepFields?: boolean;
  /** Called now and then with the number of letters written. */
  onProgress?: (done: number, total: number) => void;
  /** Per-class bundles: a cover, the class's letters, its receipt sheet. */
  bundles?: BundleOptions;
  /** The address each QR code opens, with {ent}, {login}, {password}; default: from the letter's ENT address. */
  qrUrl?: string;
}

export interface MergeResult {
  docx: Uint8Array;
  letters: number;
  /** People on each page: 1 for letters, 8 for the cards (the template's "next person" marks + 1). */
  perPage: number;
  /** With bundles: how many classes, and whether the letters were left out. */
  classes?: number;
  receiptsOnly?: boolean;
  warnings: MergeWarning[];
}

/** A header or footer holding a field, copied for one letter. */
interface PartCopy {
  path: string;
  xml: string;
  rels?: string;
}

/** Merges the records into the template; the output holds one letter per record, in order. */
export function mergeLetters(
  template: Uint8Array,
  records: readonly RosterRecord[],
  source: MergeSource,
  options: MergeOptions = {},
): MergeResult {
  const steps = mergeSteps(template, records, source, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** How many letters are written between two progress steps. */
export const LETTERS_PER_STEP = 50;

/**
 * The same merge, one step every LETTERS_PER_STEP letters: a caller that waits between
 * steps (the pane) lets the page show progress and offer to cancel; the steps yield the
 * number of letters written so far.
 */
export function* mergeSteps(
  template: Uint8Array,
  selected: readonly RosterRecord[],
  source: MergeSource,
  options: MergeOptions = {},
): Generator<number, MergeResult, void> {
  const t = compileTemplate(template, source, { keepFields: Boolean(options.keepFields) });
  // Word's SKIPIF: the people for whom it holds get no letter, each said.
  // One pass over the people, so a template that skips many of 10,000 stays linear.
  const skipped: RosterRecord[] = [];
  const records: RosterRecord[] = [];
  for (const r of selected) (t.skipIf.some((skip) => skip(r)) ? skipped : records).push(r);
  if (records.length === 0)
    throw new MergeError(
      "no-records",
      "Aucune personne sélectionnée : il n'y a aucun courrier à créer. Vérifiez les filtres.",
    );
  const perLetter = t.headers.filter((h) => h.perLetter);
  refuseTooManyParts(t, perLetter, records.length);
  const out = new PackageWriter(t.pkg.mainPath);
  const writer = new LetterWriter(t);
  // What the template lost on the way (macros, linked images) is said with the merge's warnings.
  for (const message of t.pkg.cleanupNotes) writer.warnings.push({ row: 0, field: "", message });
  for (const r of skipped)
    writer.warnings.push({
      row: r.row,
      field: "",
      message: `Ligne ${r.row} (${[r.values.lastName, r.values.firstName].filter(Boolean).join(" ")}) : pas de courrier, le champ « Ignorer l'enregistrement si » (SKIPIF) du modèle l'écarte.`,
    });
  const qr = t.body.some((s) => typeof s !== "string" && s.t === "qr") ? qrPlan(template, source, options.qrUrl) : null;
  const images = qr && typeof qr !== "string" ? new QrImages(qr) : null;
  if (images) writer.qr = (record, id) => images.run(record, id);
  else if (typeof qr === "string") writer.warnings.push({ row: 0, field: "Code QR", message: qr });
  // A passage "si le code QR est imprimé" (the code and its sentence) goes with the codes.
  if (t.conditions.has("qr")) t.conditions.set("qr", () => images !== null);
  const rels = t.pkg.relationships(t.pkg.mainPath);
  const types = t.pkg.contentTypes();
  const copies: PartCopy[] = [];

  const declared = images ? withDrawingNamespaces(t.prefix) : null;
  if (images && declared === null) images.rootDeclares = false;
  out.write(declared ?? t.prefix);
  const bundles = options.bundles;
  if (bundles?.rectoVerso && t.printsPageNumbers)
    writer.warnings.push({
      row: 0,
      field: "Numéros de page",
      message:
        "Recto verso : le modèle imprime des numéros de page, et ils se suivent d'un courrier à l'autre (Word reconnaît le recto au numéro de page : une reprise à 1 imprimerait un courrier au dos d'un autre). Retirez les numéros de page du modèle pour des courriers sans numéro.",
    });
  const groups = bundles ? classGroups(records) : [{ name: "", records: records.slice() }];
  // Cards and labels: the template holds several people, each "next person" mark starts the next.
  const perPage = 1 + t.body.filter((s) => typeof s !== "string" && s.t === "next").length;
  const section = bundles
    ? bundleSection(
        pageSetupOf(writer.render(t.finalSect, letterContext(0, records[0]), true)),
        Boolean(bundles.rectoVerso),
      )
    : "";
  let i = 0;
  for (const [g, group] of groups.entries()) {
    if (bundles && !bundles.receiptsOnly) out.write(coverXml(group, bundles.school ?? "", section));
    const letters = bundles?.receiptsOnly ? [] : group.records;
    for (let first = 0; first < letters.length; first += perPage) {
      const people = letters.slice(first, first + perPage);
      const record = people[0];
      const ctx = letterContext(i, record, people);
      perLetter.forEach((h, k) => {
        const rId = `rIdEnt${k + 1}L${i + 1}`;
        const path = h.path.replace(/(\.xml)$/, `-ent${i + 1}$1`);
        ctx.rels.set(h.rId, rId);
        copies.push({ path, xml: writer.render(h.segments, ctx, true), rels: t.pkg.text(relsPathOf(h.path)) });
        rels.add({ id: rId, type: h.type, target: path.slice(path.lastIndexOf("/") + 1) });
        types.addOverride(path, h.contentType);
      });
      // In bundles, the last letter is followed by its class's receipt: it keeps its section break.
      const isLast = !bundles && i + people.length === records.length;
      const letter = writer.render(t.body, ctx, isLast);
      out.write(bundles?.rectoVerso ? withOddPage(letter) : letter);
      if (isLast) out.write(writer.render(t.finalSect, ctx, true));
      const before = i;
      i += people.length;
      if (Math.floor(i / LETTERS_PER_STEP) > Math.floor(before / LETTERS_PER_STEP) || i === records.length) {
        options.onProgress?.(i, records.length);
        yield i;
      }
    }
    if (bundles)
      out.write(
        receiptXml(group, bundles.school ?? "", section, g === groups.length - 1, placedElsewhere(group, groups)),
      );
  }
  for (const image of images?.parts ?? []) {
    rels.add({ id: image.rId, type: IMAGE_RELATIONSHIP, target: image.path.slice("word/".length) });
    types.addOverride(image.path, "image/png");
  }
  if (bundles) {
    for (const part of [BLANK_HEADER, BLANK_FOOTER]) {
      const blank = blankPart(part);
      rels.add({ id: part.rId, type: blank.type, target: part.path.slice("word/".length) });
      types.addOverride(part.path, blank.contentType);
      copies.push({ path: part.path, xml: blank.xml });
    }
  }
  out.endMain(t.suffix);

  types.asDocument(t.pkg.mainPath);
  for (const path of Object.keys(t.pkg.files)) {
    if (path === t.pkg.mainPath) continue;
    if (path === CONTENT_TYPES_PATH) out.add(path, types.toXml());
    else if (path === relsPathOf(t.pkg.mainPath)) out.add(path, rels.toXml());
    else out.add(path, rewritten(t, path, writer) ?? t.pkg.files[path]);
  }
  for (const image of images?.parts ?? []) out.add(image.path, image.png);
  for (const copy of copies) {
    out.add(copy.path, copy.xml);
    if (copy.rels) out.add(relsPathOf(copy.path), copy.rels);
  }
  const result: MergeResult = { docx: out.finish(), letters: records.length, perPage, warnings: writer.warnings };
  if (bundles) Object.assign(result, { classes: groups.length, receiptsOnly: Boolean(bundles.receiptsOnly) });
  return result;
}

/** A zip without ZIP64 holds 65,535 entries; we write no ZIP64, so we refuse beyond, before any work. */
const MAX_ZIP_ENTRIES = 65535;

function refuseTooManyParts(t: CompiledTemplate, perLetter: HeaderPart[], letters: number): void {
  const perCopy = perLetter.reduce((n, h) => n + 1 + (t.pkg.has(relsPathOf(h.path)) ? 1 : 0), 0);
  const entries = Object.keys(t.pkg.files).length + perCopy * letters;
  if (entries <= MAX_ZIP_ENTRIES) return;
  throw new MergeError(
    "too-many-parts",
    `${letters} courriers avec des champs dans l'en-tête ou le pied de page feraient un document de ${entries} parties, plus qu'un fichier Word ne peut en contenir (${MAX_ZIP_ENTRIES}). Créez les courriers classe par classe (filtre « Classe »), ou retirez les champs de l'en-tête et du pied de page.`,
  );
}

/** Parts the merged document changes: notes (a copy per letter), numbering (lists restarted), mail-merge settings. */
function rewritten(t: CompiledTemplate, path: string, writer: LetterWriter): string | undefined {
  const notes = t.notes.find((n) => n.path === path);
  if (notes) return notesPartXml(notes, writer.noteCopies.get(notes.kind) ?? []);
  if (path === t.numberingPath) return writer.lists.apply(t.pkg.text(path)!);
  // The merged document must not point Word back at the template's data source.
  if (/(^|\/)settings\.xml$/.test(path))
    return withoutTracking(t.pkg.text(path)!.replace(/<w:mailMerge>[\s\S]*?<\/w:mailMerge>|<w:mailMerge\/>/g, ""));
  if (/_rels\/settings\.xml\.rels$/.test(path)) {
    const settingsRels = t.pkg.relationships(path.replace(/_rels\/(settings\.xml)\.rels$/, "$1"));
    settingsRels.removeKinds("mailMergeSource", "mailMergeHeaderSource", "recipientData");
    return settingsRels.toXml();
  }
  return undefined;
}
