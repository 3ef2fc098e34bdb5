import * as fs from "fs";
import * as path from "path";

export const SAMPLES_DIR = path.join(__dirname, "..", "..", "..", "..", "shared", "samples");
export const FIXTURES_DIR = path.join(__dirname, "..", "..", "fixtures");

export interface TruthRecord {
  prenom: string;
  nom: string;
  login: string;
  password: string;
  classe: string;
  enfants: string;
}

/** Every shared sample export with its expected records. */
export function sampleFiles(): Array<{ file: string; truth: TruthRecord[] }> {
  return fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(csv|txt)$/.test(f))
    .map((file) => ({
      file,
      truth: JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, file.replace(/\.(csv|txt)$/, ".truth.json")), "utf8")),
    }));
}

export function readSample(file: string): Uint8Array {
  return fs.readFileSync(path.join(SAMPLES_DIR, file));
}
