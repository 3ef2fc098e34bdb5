// `npm run templates`: rebuilds assets/templates/*.docx from their sources.
import * as fs from "fs";
import { READY_LETTERS } from "../../core/catalog";
import { buildLetter } from "./build";
import { docxPath, sourcePath } from "./paths";

for (const { name, title } of READY_LETTERS) {
  fs.writeFileSync(docxPath(name), buildLetter(fs.readFileSync(sourcePath(name), "utf8"), title));
  console.log(`écrit : assets/templates/${name}.docx`);
}
