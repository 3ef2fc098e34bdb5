export { mergeLetters, compileTemplate, renderLetters, textRuns } from "./merge-letters";
export type { MergeOptions, MergeResult, MergeWarning, CompiledTemplate } from "./merge-letters";
export { MergeError } from "./errors";
export type { MergeSource } from "./resolve";
export { templateFields, editPassages, unchangedPassages, controlTags } from "./inspect";
export type { ControlTag } from "./inspect";
export { flatOpcToDocx } from "./flat-opc";
