// E-mail from the letters: the message engine the command line (SMTP) and the pane (Microsoft
// Graph) share. No Node and no DOM here: sending is the caller's.
export { checkAddress } from "./address";
export type { AddressCheck } from "./address";
export { MailError } from "./errors";
export type { MailErrorCode } from "./errors";
export { exportStem, journalEntries, journalFileName, journalKey, journalLine, sentKeys } from "./journal";
export type { JournalEntry } from "./journal";
export { letterHtml, escapeHtml } from "./letter-html";
export { readLetter } from "./letter-model";
export type { LetterModel, Block } from "./letter-model";
export { letterText } from "./letter-text";
export { DEFAULT_SUBJECT, letterMessage, recipients, subjectFor } from "./messages";
export type { LetterMessage, PaperLetter, Recipient } from "./messages";
export { base64, GRAPH_ENDPOINT, graphMessage, sendWithGraph } from "./graph";
export type { GraphClient, GraphResult, HttpPost } from "./graph";
export { formatMinutes, limitsText, PER_DAY, PER_MINUTE, runMinutes, waitBeforeNext } from "./exchange";
export { sendAllWithGraph } from "./graph-run";
export type { RunControl, RunEnd, RunEvents } from "./graph-run";
