// E-mail from the letters: the message engine and the one sending loop the command line
// (SMTP) and the pane (Microsoft Graph) share. No Node and no DOM here: each channel's
// transport is the caller's.
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
export { base64, GRAPH_ENDPOINT, graphChannel, graphMessage, REQUEST_TIMEOUT_MS } from "./graph";
export type { GraphClient, GraphOptions, HttpPost } from "./graph";
export { formatMinutes, limitsText, PER_DAY, PER_MINUTE, runMinutes } from "./exchange";
export { LATER_WAIT_MS, RETRY_DELAYS_MS, sendAll, WAIT_CAP_MS } from "./send-loop";
export type { Attempt, Channel, LoopControl, LoopEnd, LoopEvents } from "./send-loop";
