// Who a letter is for: the profiles of the exports, their French names and the words the
// exports (and the command line) use for them.
import { foldKey } from "./fold-key";

export type Profile = "élève" | "parent" | "enseignant" | "personnel" | "autre";

export interface ProfileDef {
  id: Profile;
  /** Plural French label, for counts and filters: "Élèves". */
  label: string;
  /** Words meaning this profile, compared with foldKey. */
  aliases: readonly string[];
}

export const PROFILE_DEFS: readonly ProfileDef[] = [
  { id: "élève", label: "Élèves", aliases: ["élève", "élèves", "eleve", "student", "students"] },
  { id: "parent", label: "Parents", aliases: ["parent", "parents", "responsable", "responsables", "relative"] },
  { id: "enseignant", label: "Enseignants", aliases: ["enseignant", "enseignants", "teacher", "professeur"] },
  {
    id: "personnel",
    label: "Personnels",
    aliases: ["personnel", "personnels", "staff", "personnel de direction"],
  },
  { id: "autre", label: "Autres", aliases: ["autre", "autres", "invité", "guest"] },
];

export const PROFILES: readonly Profile[] = PROFILE_DEFS.map((p) => p.id);

export const PROFILE_LABELS = Object.fromEntries(PROFILE_DEFS.map((p) => [p.id, p.label])) as Record<Profile, string>;

const BY_ALIAS = new Map<string, Profile>();
for (const def of PROFILE_DEFS) for (const alias of def.aliases) BY_ALIAS.set(foldKey(alias), def.id);

/** The profile a word names ("Enseignants", "relative", "invité"), or null. */
export function profileNamed(text: string): Profile | null {
  return BY_ALIAS.get(foldKey(text)) ?? null;
}
