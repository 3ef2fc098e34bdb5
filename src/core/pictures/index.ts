export { excelSerialDate, formatDate, parseDate } from "./dates";
export { formatNumber } from "./numbers";
export { applyPicture } from "./picture";
export type { Picture } from "./picture";
