// Value rules: multi-values, profiles and account state, applied to the exact text of the file.
import { Profile } from "./types";
import { headerKey } from "./headers";

/** "6A, 4B" → ["6A", "4B"]; the 2015 exports' trailing ", " ("3D, ") leaves no empty item. */
export function splitMulti(value: string): string[] {
  if (value.trim() === "") return [];
  const items = value.split(/,\s+|,$/);
  while (items.length && items[items.length - 1].trim() === "") items.pop();
  return items;
}

const PROFILE_KEYS: Record<string, Profile> = {
  eleve: "élève",
  eleves: "élève",
  student: "élève",
  students: "élève",
  enseignant: "enseignant",
  enseignants: "enseignant",
  teacher: "enseignant",
  professeur: "enseignant",
  parent: "parent",
  parents: "parent",
  responsable: "parent",
  responsables: "parent",
  relative: "parent",
  personnel: "personnel",
  personnels: "personnel",
  staff: "personnel",
  personneldedirection: "personnel",
  invite: "autre",
  autre: "autre",
  guest: "autre",
};

/** Normalises a profile label; a row with children and no profile is a parent. */
export function normaliseProfile(value: string, hasChildren: boolean): Profile {
  const key = headerKey(value);
  if (key === "") return hasChildren ? "parent" : "autre";
  return PROFILE_KEYS[key] ?? "autre";
}

export const PROFILE_LABELS: Record<Profile, string> = {
  élève: "Élèves",
  parent: "Parents",
  enseignant: "Enseignants",
  personnel: "Personnels",
  autre: "Autres",
};

/** "Inactif" → true, "Actif"/"Activé" → false, anything else → undefined. */
export function parseInactive(value: string): boolean | undefined {
  const key = headerKey(value);
  if (/^(inactif|inactive|nonactive|nonactif|bloque|aactiver)$/.test(key)) return true;
  if (/^(actif|active|activee|active|enabled)$/.test(key)) return false;
  return undefined;
}
