import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Converts .docx files to PDF with LibreOffice in one run; returns the PDF paths. With
 * `blankPages`, the blank pages Word inserts before an odd-page section are kept, as a
 * duplex printer prints them (LibreOffice leaves them out of PDFs by default).
 */
export function toPdf(docxFiles: string[], outDir: string, { blankPages = false } = {}): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  const filter = blankPages ? 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}' : "pdf";
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", outDir, ...docxFiles],
    {
      stdio: "pipe",
      timeout: 240000,
    },
  );
  return docxFiles.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, ".pdf")));
}

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  // pdftotext ends with a form feed: the piece after the last one is not a page.
  return text.split("\f").slice(0, pdfPageCount(pdf));
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

export const outDir = (name: string) => {
  const dir = path.join(__dirname, "..", "out", name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
