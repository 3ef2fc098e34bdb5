// The merge engine: template .docx × records → letters .docx, and what a template uses.
export { mergeLetters, mergeSteps, LETTERS_PER_STEP } from "./merge";
export type { MergeOptions, MergeResult } from "./merge";
export type { MergeWarning } from "./letter-writer";
export { IdCounter } from "./letter-writer";
export { MergeError } from "./errors";
export type { MergeErrorCode } from "./errors";
export { resolveField, displayName, fieldIdOf } from "./resolve";
export type { MergeSource } from "./resolve";
export type { FieldName } from "./fields";
export {
  templateFields,
  templateConditions,
  editPassages,
  unchangedPassages,
  controlTags,
  readyLetterOf,
  footerText,
} from "./inspect";
export type { ControlTag } from "./inspect";
export { flatOpcToDocx } from "./flat-opc";
export { classGroups, NO_CLASS, paperPages, schoolName } from "./bundles";
export { qrAddress } from "./qr-codes";
export type { BundleOptions } from "./bundles";
