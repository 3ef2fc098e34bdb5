// A Word package: its main document part, headers and footers, numbering.
import { OpcPackage } from "../opc";
import { MergeError } from "./errors";

export interface DocxPackage extends OpcPackage {
  /** The main document part, "word/document.xml" in files Word writes. */
  readonly mainPath: string;
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  const pkg = OpcPackage.unzip(
    bytes,
    () =>
      new MergeError(
        "not-docx",
        "Le modèle n'est pas un document Word (.docx) lisible. Enregistrez-le au format « Document Word (.docx) » puis réessayez.",
      ),
  );
  const main = pkg.related("", "officeDocument")[0];
  const mainPath = main ? main.path : "word/document.xml";
  if (!pkg.has(mainPath)) {
    throw new MergeError(
      "not-docx",
      "Le modèle n'est pas un document Word (.docx) : la partie principale du document est absente.",
    );
  }
  return Object.assign(pkg, { mainPath });
}

/** The headers and footers the main part uses, with their XML; missing parts are skipped. */
export function headerFooterParts(pkg: DocxPackage): Array<{ id: string; type: string; path: string; xml: string }> {
  return pkg.related(pkg.mainPath, "header", "footer").flatMap((p) => {
    const xml = pkg.text(p.path);
    return xml === undefined ? [] : [{ ...p, xml }];
  });
}

/** The numbering part (lists), if the document has one. */
export function numberingPath(pkg: DocxPackage): string | undefined {
  return pkg.related(pkg.mainPath, "numbering")[0]?.path;
}
