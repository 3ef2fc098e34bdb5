// The school passages of the ready letters (`ent:edit:<what>`), named in French for the
// pane's reminders and the command line's warnings.

const PASSAGE_LABELS: Readonly<Record<string, string>> = {
  etablissement: "nom de l'établissement",
  "adresse-etablissement": "adresse de l'établissement",
  "contact-etablissement": "contact du secrétariat",
  "lieu-date": "lieu et date",
  "adresse-ent": "adresse de l'ENT",
  signataire: "signataire",
  "contact-eleves": "personne à qui s'adresser",
  "referent-ent": "référent ENT",
};

export function passageLabel(what: string): string {
  return Object.prototype.hasOwnProperty.call(PASSAGE_LABELS, what) ? PASSAGE_LABELS[what] : what;
}
