// `npm run templates`: rebuilds assets/templates/*.docx from their sources.
import * as fs from "fs";
import { buildLetter } from "./build";
import { docxPath, LETTERS, LetterName, sourcePath } from "./catalog";

for (const name of Object.keys(LETTERS) as LetterName[]) {
  fs.writeFileSync(docxPath(name), buildLetter(fs.readFileSync(sourcePath(name), "utf8"), LETTERS[name]));
  console.log(`écrit : assets/templates/${name}.docx`);
}
