// Where the ready letters of the catalog live in the package: their readable source and
// their built .docx.
import * as path from "path";
import { ReadyLetterName } from "../../core/catalog";

// src/cli/templates and build/cli/templates both sit three folders below the package root.
export const TEMPLATES_DIR = path.join(__dirname, "..", "..", "..", "assets", "templates");

export const sourcePath = (name: ReadyLetterName) => path.join(TEMPLATES_DIR, "src", `${name}.txt`);
export const docxPath = (name: ReadyLetterName) => path.join(TEMPLATES_DIR, `${name}.docx`);
