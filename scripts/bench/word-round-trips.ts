// Word round trips (context.sync) of one "Créer les courriers", counted on the test host.
import * as fs from "fs";
import * as path from "path";
import { readRoster, RosterRecord } from "../../src/core/roster";
import { createLetters } from "../../src/word";
import { installWordMock } from "../../test/host/word-mock";

const root = path.join(__dirname, "..", "..", "..", "..");

export async function syncsPerMerge(count: number): Promise<number> {
  const roster = readRoster(
    fs.readFileSync(path.join(root, "test", "fixtures", "exports", "moncollege-parents.csv")),
    "parents.csv",
  );
  const records: RosterRecord[] = Array.from({ length: count }, (_, i) => roster.records[i % roster.records.length]);
  const { log } = installWordMock({ file: fs.readFileSync(path.join(root, "assets", "templates", "parents.docx")) });
  await createLetters(records, roster);
  return log.syncs;
}
