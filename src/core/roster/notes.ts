// How the importer's findings are ranked wherever they are shown (check, merge, send, their
// --json, the pane): a note on how the file was read is "info", or "attention" when the user
// must look (its text then starts with "Attention"); a row problem is "attention" when the
// row still gives a letter, "ligne écartée" when it does not.
import { RowProblem } from "./types";

export type NoteSeverity = "info" | "attention";
export type ProblemSeverityWord = "attention" | "ligne écartée";

export function noteSeverity(note: string): NoteSeverity {
  return note.startsWith("Attention") ? "attention" : "info";
}

export function problemSeverityWord(problem: Pick<RowProblem, "severity">): ProblemSeverityWord {
  return problem.severity === "error" ? "ligne écartée" : "attention";
}

/** A note as a line of the command line's report: "Remarque : …" or the attention itself. */
export function noteLine(note: string): string {
  return noteSeverity(note) === "attention" ? note : `Remarque : ${note}`;
}
