// `npm run templates`: rebuilds assets/templates/*.docx from their sources.
import * as fs from "fs";
import { READY_LETTERS } from "../../core/catalog";
import { buildLetter } from "./build";
import { docxPath, sourcePath } from "./paths";

for (const letter of READY_LETTERS) {
  fs.writeFileSync(docxPath(letter.name), buildLetter(fs.readFileSync(sourcePath(letter.name), "utf8"), letter));
  console.log(`écrit : assets/templates/${letter.name}.docx`);
}
