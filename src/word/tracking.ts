// Track Changes applies to every write an add-in makes: a field inserted, a person's value
// shown by the preview, the names put back. Each would stay in the document's revision
// history (a child's password among them), so every write path asks Word first and refuses
// while it tracks. Word says so from WordApi 1.4; older Words cannot tell.
import { WordError } from "./errors";
import { supportsWordApi } from "./host";

export interface TrackingProbe {
  /** True when the probe queued a read: the caller must sync before `refuse`. */
  readonly queued: boolean;
  /** After the sync: throws WordError "tracking-changes" while Word tracks changes. */
  refuse(consequence: string, retry?: string): void;
}

/** Queues, in the caller's batch, the read of Word's change tracking (nothing below WordApi 1.4). */
export function trackingProbe(context: Word.RequestContext): TrackingProbe {
  const queued = supportsWordApi("1.4");
  if (queued) context.document.load("changeTrackingMode");
  return {
    queued,
    refuse(consequence, retry = "réessayez") {
      if (queued && context.document.changeTrackingMode !== Word.ChangeTrackingMode.off)
        throw new WordError(
          "tracking-changes",
          `Le suivi des modifications est activé : ${consequence}. Désactivez-le (onglet Révision › Suivi des modifications), puis ${retry}.`,
        );
    },
  };
}

/** What each write would leave in the revision history, said to the user. */
export const TRACKED = {
  field: "le champ inséré resterait une modification suivie, recopiée dans chaque courrier",
  passage: "le passage conditionnel resterait une modification suivie, recopiée dans chaque courrier",
  letter: "le courrier inséré resterait une modification suivie, recopiée dans chaque courrier",
  preview: "l'aperçu laisserait les valeurs des personnes dans l'historique des révisions du modèle",
  restore: "remettre les noms des champs laisserait les valeurs de la personne dans l'historique des révisions",
} as const;
