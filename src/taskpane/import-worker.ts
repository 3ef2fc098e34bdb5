// The importer off Word's UI thread: the pane posts a file's bytes, this worker reads them
// (decode, parse, recognise, report) and posts the roster back, or the refusal. A hostile
// file can then take its time here, or be stopped, without ever freezing Word's pane.
import { readRoster, RosterError } from "../core/roster";
import type { ImportRequest, ImportAnswer } from "./import-messages";

const scope = self as unknown as {
  onmessage: ((event: { data: ImportRequest }) => void) | null;
  postMessage(answer: ImportAnswer): void;
};

scope.postMessage({ ready: true });

scope.onmessage = (event) => {
  const { bytes, fileName, mapping } = event.data;
  try {
    scope.postMessage({ ok: true, roster: readRoster(bytes, fileName, { mapping }) });
  } catch (err) {
    scope.postMessage({
      ok: false,
      error:
        err instanceof RosterError
          ? { kind: "roster", code: err.code, fileName: err.fileName, message: err.message }
          : { kind: "other", message: err instanceof Error ? err.message : String(err) },
    });
  }
};
