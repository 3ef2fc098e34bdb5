// Reading an export without blocking Word: in a Web Worker (import-worker.js) where the host
// has workers, with a time limit after which the worker is stopped and the file refused; on
// the pane's own thread only where there is no worker at all.
import { ColumnMapping, Roster, RosterError } from "../core/roster";
import { InternalError } from "../core/errors";
import type { ImportAnswer, ImportRequest } from "./import-messages";

/**
 * The importer on the pane's own thread, where no worker can run: loaded then, so that its
 * code (workbook reader, number formats, CSV parser) is not in the pane's first script.
 */
function readHere(bytes: Uint8Array, fileName: string, mapping: ColumnMapping): Promise<Roster> {
  return import(/* webpackChunkName: "import" */ "../core/roster/read").then(({ readRoster }) =>
    readRoster(bytes, fileName, { mapping }),
  );
}

/** Far beyond what any export needs (a 50 MB file reads in a few seconds). */
const READ_TIME_LIMIT_MS = 60_000;

function fromAnswer(answer: Exclude<ImportAnswer, { ready: true }>): Roster {
  if (answer.ok) return answer.roster;
  const { error } = answer;
  if (error.kind === "roster") throw new RosterError(error.code, error.fileName, error.message);
  throw new InternalError(error.message);
}

export function readInBackground(bytes: Uint8Array, fileName: string, mapping: ColumnMapping = {}): Promise<Roster> {
  if (typeof Worker === "undefined") return readHere(bytes, fileName, mapping);
  return new Promise<Roster>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker("import-worker.js");
    } catch {
      // A host that forbids workers (a stricter policy): read here, as before.
      resolve(readHere(bytes, fileName, mapping));
      return;
    }
    const timer = setTimeout(() => {
      worker.terminate();
      reject(
        new RosterError(
          "too-big",
          fileName,
          `La lecture de « ${fileName} » a été arrêtée après ${READ_TIME_LIMIT_MS / 1000} secondes : ce n'est pas un export de comptes ordinaire. Vérifiez le fichier, ou reprenez l'export CSV de l'ENT.`,
        ),
      );
    }, READ_TIME_LIMIT_MS);
    let started = false;
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ImportAnswer>) => {
      const answer = event.data;
      if ("ready" in answer) {
        started = true;
        worker.postMessage({ bytes, fileName, mapping } satisfies ImportRequest);
        return;
      }
      done();
      try {
        resolve(fromAnswer(answer));
      } catch (err) {
        reject(err);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      if (started)
        // The file exhausted the worker (its memory): never retried on Word's own thread.
        return reject(
          new RosterError(
            "too-big",
            fileName,
            `« ${fileName} » n'a pas pu être lu : il a épuisé la mémoire du lecteur. Ce n'est pas un export de comptes ordinaire ; reprenez l'export CSV de l'ENT.`,
          ),
        );
      // The worker's script could not run here (refused or missing): read on this thread.
      readHere(bytes, fileName, mapping).then(resolve, reject);
    };
  });
}
