// A field's format as the catalog states it (FieldDef.format): a date or number picture in
// Word's syntax, applied to a value when the record is read.
import { formatDate, parseDate } from "./dates";
import { formatNumber } from "./numbers";

export type Picture = { date: string } | { number: string };

/** The value printed with the picture; "" stays ""; null when the value is no date or number. */
export function applyPicture(value: string, picture: Picture): string | null {
  if (value.trim() === "") return value;
  if ("date" in picture) {
    const date = parseDate(value);
    return date ? formatDate(date, picture.date) : null;
  }
  return formatNumber(value, picture.number);
}
