export * from "./types";
export { RosterError } from "./errors";
export type { FileErrorCode } from "./errors";
export { readRoster, delimiterName } from "./read";
export type { ReadOptions } from "./read";
export { selectRecords, distinctValues, DEFAULT_SORT } from "./select";
export type { Selection, SortOrder } from "./select";
export { fieldForHeader } from "./headers";
export { splitMulti } from "./values";
