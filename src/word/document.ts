// Reading the template from Word and handing the merged letters back to it.
import { concatBytes } from "../core/bytes";
import { describeOfficeError, WordError } from "./errors";
import { supportsWordApi } from "./host";

const SLICE = 4 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
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

/** The open document as .docx bytes (getFileAsync, compressed, by slices of 4 MiB). */
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

export type TemplateSource = { kind: "docx"; bytes: Uint8Array } | { kind: "flat-opc"; xml: string };

/** Reads the letter in Word: the whole file when Word allows it, else the body's OOXML. */
export async function readTemplate(): Promise<TemplateSource> {
  try {
    return { kind: "docx", bytes: await readDocumentFile() };
  } catch (first) {
    try {
      return { kind: "flat-opc", xml: await readBodyOoxml() };
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
export async function insertLetterFile(docx: Uint8Array): Promise<void> {
  const base64 = toBase64(docx);
  try {
    await Word.run(async (context) => {
      if (supportsWordApi("1.5"))
        context.document.insertFileFromBase64(base64, "Replace", {
          importStyles: true,
          importPageColor: false,
          importTheme: false,
        });
      else context.document.body.insertFileFromBase64(base64, "Replace");
      await context.sync();
    });
  } catch (err) {
    throw new WordError(
      "insert-failed",
      `Word n'a pas pu insérer le courrier (${describeOfficeError(err)}). Ouvrez un document vide puis réessayez.`,
      { cause: err },
    );
  }
}
