// What the pane and its import worker say to each other.
import type { ColumnMapping, FileErrorCode, Roster } from "../core/roster";

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  mapping: ColumnMapping;
}

export type ImportAnswer =
  /** Sent once the worker's script runs: a failure before it means no worker here. */
  | { ready: true }
  | { ok: true; roster: Roster }
  | {
      ok: false;
      error:
        { kind: "roster"; code: FileErrorCode; fileName: string; message: string } | { kind: "other"; message: string };
    };
