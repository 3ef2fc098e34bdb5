// A parent of several children, as a letter names them: "d’Anaïs (6A), d’Océane (5B) et
// d’Ismaël N'DIAYE (3C)". Each child takes the preposition, elided as its first name asks;
// "et" comes before the last; a family name all the children share is said once, at the
// end; each child's class follows it where the export pairs them (as many classes as
// children, in the same order).
import { Preposition, withPreposition } from "../catalog";
import { RosterRecord } from "../roster";

/** A name's family name: its last words written in capitals ("N'DIAYE", "DE LA FONTAINE"). */
function splitName(name: string): { first: string; family: string } {
  const words = name.trim().split(/\s+/);
  let at = words.length;
  const capitals = (w: string) => w === w.toLocaleUpperCase("fr") && w !== w.toLocaleLowerCase("fr");
  while (at > 1 && capitals(words[at - 1])) at--;
  return { first: words.slice(0, at).join(" "), family: words.slice(at).join(" ") };
}

/** The values of a multi-valued field of a record, one by one. */
export function valuesOf(record: RosterRecord, id: "children" | "class"): string[] {
  return (record.lists[id] ?? record.values[id].split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

export function familyPhrase(word: Preposition, children: readonly string[], classes: readonly string[]): string {
  const names = children.map((c) => c.trim()).filter((c) => c !== "");
  if (names.length <= 1) return withPreposition(word, names[0] ?? "");
  const paired = classes.length === names.length;
  const parts = names.map(splitName);
  const shared = parts[0].family !== "" && parts.every((p) => p.family === parts[0].family);
  const items = names.map((name, i) => {
    const last = i === names.length - 1;
    const who = shared ? (last ? `${parts[i].first} ${parts[i].family}` : parts[i].first) : name;
    return `${withPreposition(i === 0 ? word : lower(word), who)}${paired ? ` (${classes[i]})` : ""}`;
  });
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** "De" starts the phrase only: the other children take "de". */
function lower(word: Preposition): Preposition {
  return word.toLowerCase() as Preposition;
}
