// Value rules: multi-values, profiles and account state, applied to the exact text of the file.
import { ACTIVE_VALUES, foldKey, INACTIVE_VALUES, Profile, profileNamed } from "../catalog";

/** "6A, 4B" → ["6A", "4B"]; the 2015 exports' trailing ", " ("3D, ") leaves no empty item. */
export function splitMulti(value: string): string[] {
  if (value.trim() === "") return [];
  const items = value.split(/,\s+|,$/);
  while (items.length && items[items.length - 1].trim() === "") items.pop();
  return items;
}

/** Normalises a profile label; a row with children and no profile is a parent. */
export function normaliseProfile(value: string, hasChildren: boolean): Profile {
  if (foldKey(value) === "") return hasChildren ? "parent" : "autre";
  return profileNamed(value) ?? "autre";
}

const INACTIVE = new Set(INACTIVE_VALUES.map(foldKey));
const ACTIVE = new Set(ACTIVE_VALUES.map(foldKey));

/** "Inactif" → true, "Actif"/"Activé" → false, anything else → undefined. */
export function parseInactive(value: string): boolean | undefined {
  const key = foldKey(value);
  if (INACTIVE.has(key)) return true;
  if (ACTIVE.has(key)) return false;
  return undefined;
}
