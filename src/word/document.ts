// Reading the template from Word and handing the merged letters back to it.
import { concatBytes } from "../core/bytes";
import { describeOfficeError, WordError } from "./errors";
import { supportsWordApi } from "./host";
import { TRACKED, trackingProbe } from "./tracking";

// 64 KiB: the largest slice every Word accepts (Word for iPad fails above it with "Internal Error").
const SLICE = 64 * 1024;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function getFile(): Promise<Office.File> {
  return new Promise((resolve, reject) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, (res) =>
      res.status === Office.AsyncResultStatus.Succeeded ? resolve(res.value) : reject(res.error),
    ),
  );
}

function getSlice(file: Office.File, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    file.getSliceAsync(index, (res) =>
      res.status === Office.AsyncResultStatus.Succeeded
        ? resolve(Uint8Array.from(res.value.data as number[]))
        : reject(res.error),
    ),
  );
}

/** The open document as .docx bytes (getFileAsync, compressed, by slices of 64 KiB). */
async function readDocumentFile(): Promise<Uint8Array> {
  const file = await getFile();
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) slices.push(await getSlice(file, i));
    return concatBytes(slices);
  } finally {
    file.closeAsync();
  }
}

/** Fallback where getFileAsync fails (Word on the web on some hosts): the body as flat OPC. */
async function readBodyOoxml(): Promise<string> {
  return Word.run(async (context) => {
    const ooxml = context.document.body.getOoxml();
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, not a proxy: readable after sync
    return ooxml.value;
  });
}

export type TemplateSource =
  | { kind: "docx"; bytes: Uint8Array }
  /** The body only: `lostParts` names the header and footer texts the letters will lack. */
  | { kind: "flat-opc"; xml: string; lostParts: string[] };

/** Headers and footers holding text: body.getOoxml() leaves them out (WordApi 1.1 reads them). */
async function headerFooterTexts(): Promise<string[]> {
  return Word.run(async (context) => {
    const sections = context.document.sections;
    sections.load("items");
    await context.sync();
    const parts = sections.items.flatMap((section) =>
      (["Primary", "FirstPage", "EvenPages"] as const).flatMap((type) => [
        { name: "en-tête", body: section.getHeader(type) },
        { name: "pied de page", body: section.getFooter(type) },
      ]),
    );
    for (const p of parts) p.body.load("text");
    await context.sync();
    const seen = new Set<string>();
    return parts.flatMap((p) => {
      const text = p.body.text.trim();
      const key = `${p.name} « ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;
      if (!text || seen.has(key)) return [];
      seen.add(key);
      return [key];
    });
  });
}

/** Reads the letter in Word: the whole file when Word allows it, else the body's OOXML. */
export async function readTemplate(): Promise<TemplateSource> {
  try {
    return { kind: "docx", bytes: await readDocumentFile() };
  } catch (first) {
    try {
      const xml = await readBodyOoxml();
      let lostParts: string[];
      try {
        lostParts = await headerFooterTexts();
      } catch {
        lostParts = ["en-tête et pied de page (Word n'a pas pu les lire)"];
      }
      return { kind: "flat-opc", xml, lostParts };
    } catch (second) {
      throw new WordError(
        "read-failed",
        `Word n'a pas pu fournir le courrier (${describeOfficeError(first)} ; ${describeOfficeError(second)}). Enregistrez le document puis réessayez.`,
        { cause: first },
      );
    }
  }
}

/** Opens the letters as a new Word document; throws WordError where Word refuses (offer a download then). */
export async function openAsNewDocument(docx: Uint8Array): Promise<void> {
  if (!supportsWordApi("1.3"))
    throw new WordError(
      "too-old",
      "Cette version de Word ne sait pas ouvrir un nouveau document depuis le complément.",
    );
  try {
    await Word.run(async (context) => {
      context.application.createDocument(toBase64(docx)).open();
      await context.sync();
    });
  } catch (err) {
    throw new WordError("open-failed", `Word n'a pas pu ouvrir le nouveau document (${describeOfficeError(err)}).`, {
      cause: err,
    });
  }
}

/** Replaces the document's content with a ready letter, keeping its footer where Word can. */
export async function insertLetterFile(docx: Uint8Array, footerText = ""): Promise<void> {
  const base64 = toBase64(docx);
  try {
    await Word.run(async (context) => {
      const tracking = trackingProbe(context);
      if (tracking.queued) await context.sync();
      tracking.refuse(TRACKED.letter);
      if (supportsWordApi("1.5"))
        context.document.insertFileFromBase64(base64, "Replace", {
          importStyles: true,
          importPageColor: false,
          importTheme: false,
        });
      else {
        // Below WordApi 1.5 only the body goes in (Word 2019, 2021): the footer is written
        // into the first section's footer instead, centred and small as in the letter.
        context.document.body.insertFileFromBase64(base64, "Replace");
        if (footerText) {
          const footer = context.document.sections.getFirst().getFooter(Word.HeaderFooterType.primary);
          footer.clear();
          const line = footer.insertParagraph(footerText, Word.InsertLocation.start);
          line.alignment = Word.Alignment.centered;
          line.font.size = 8;
        }
      }
      await context.sync();
    });
  } catch (err) {
    if (err instanceof WordError) throw err;
    throw new WordError(
      "insert-failed",
      `Word n'a pas pu insérer le courrier (${describeOfficeError(err)}). Ouvrez un document vide puis réessayez.`,
      { cause: err },
    );
  }
}

/** True when the document holds no text and no content control (a blank document). */
export async function documentIsEmpty(): Promise<boolean> {
  return Word.run(async (context) => {
    const body = context.document.body;
    body.load("text");
    const controls = body.contentControls;
    controls.load("items/id");
    await context.sync();
    return body.text.trim() === "" && controls.items.length === 0;
  });
}
