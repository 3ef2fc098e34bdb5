// A Word package: its main document part, headers and footers, numbering.
import { isEncryptedOffice, OpcError, OpcPackage } from "../opc";
import { MergeError } from "./errors";
import { cleanTemplate } from "./template-cleanup";

export interface DocxPackage extends OpcPackage {
  /** The main document part, "word/document.xml" in files Word writes. */
  readonly mainPath: string;
  /** What was taken out of the template (template-cleanup.ts), for the merge's warnings. */
  readonly cleanupNotes: string[];
}

/** The template's zip refused, in the words of a template. */
function refusal(err: OpcError): MergeError {
  if (err.code === "too-big")
    return new MergeError(
      "too-big",
      `Le modèle est refusé : ${err.message} (images ou parties démesurées). Enregistrez le courrier dans un nouveau document Word, sans ces éléments, puis réessayez.`,
      [],
      { cause: err },
    );
  if (err.code === "doctype" || err.code === "duplicate-part")
    return new MergeError(
      "bad-template",
      `Le modèle est refusé : ${err.message}. Ouvrez-le dans Word et enregistrez-le sous un nouveau nom (Document Word .docx) puis réessayez.`,
      [],
      { cause: err },
    );
  return new MergeError(
    "not-docx",
    "Le modèle n'est pas un document Word (.docx) lisible. Enregistrez-le au format « Document Word (.docx) » puis réessayez.",
    [],
    { cause: err },
  );
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  if (isEncryptedOffice(bytes))
    throw new MergeError(
      "protected",
      "Le modèle est protégé par un mot de passe : Courriers ENT ne peut pas le lire. Dans Word, enregistrez-le sans mot de passe (Fichier › Informations › Protéger le document), puis réessayez.",
    );
  const pkg = OpcPackage.unzip(bytes, refusal);
  const main = pkg.related("", "officeDocument")[0];
  const mainPath = main ? main.path : "word/document.xml";
  if (!pkg.has(mainPath)) {
    throw new MergeError(
      "not-docx",
      "Le modèle n'est pas un document Word (.docx) : la partie principale du document est absente.",
    );
  }
  const { files, notes } = cleanTemplate(pkg, mainPath);
  return Object.assign(new OpcPackage(files), { mainPath, cleanupNotes: notes });
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
