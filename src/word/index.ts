// Everything the pane may ask of Word. Only this folder calls Office.js.
export { whenOfficeReady, supportsWordApi, officeThemeIsDark } from "./host";
export type { HostInfo } from "./host";
export { insertField, insertConditionalPassage, insertQrField, documentFields, repairTags } from "./fields";
export type { DocumentFields, InsertedField } from "./fields";
export { fillPreview, maskedPassword, restoreLeftoverPreview, restorePreview } from "./preview";
export { readTemplate, openAsNewDocument, insertLetterFile, documentIsEmpty, toBase64 } from "./document";
export type { TemplateSource } from "./document";
export { WordError } from "./errors";
export { createLetters, openIsConfirmed, readTemplateFile } from "./merge";
export type { LettersOutcome, MergePhase } from "./merge";
export { storedJournal, storeJournal } from "./send-journal";
export type { AuthWay, DialogAnswer, SignedIn } from "./auth";
/** Signing in to Microsoft 365 (MSAL), loaded with the pane's e-mail step only: chunk "mail". */
export const loadSignIn = () => import(/* webpackChunkName: "mail" */ "./auth");
