// The fields a letter can show: one entry per field, read by the importer (synonyms), the
// engine (multi-values, fonts, elision), the pane and the ready letters (labels, fonts).
import type { Picture } from "../pictures";
import { foldKey } from "./fold-key";

export type FieldId =
  | "firstName"
  | "lastName"
  | "login"
  | "password"
  | "class"
  | "level"
  | "profile"
  | "children"
  | "email"
  | "birthDate"
  | "school"
  | "uai"
  | "functions";

export interface FieldDef {
  id: FieldId;
  /** French label: the content control's title and the «placeholder» text. */
  label: string;
  /** Export headers that fill this field, compared with foldKey. */
  synonyms: readonly string[];
  /** Several values joined with ", " in the export. */
  multi?: boolean;
  /**
   * How the value is printed, in Word's picture syntax: applied once when the record is
   * read, so content controls, MERGEFIELDs, the preview and e-mails print the same. A
   * value it cannot read is printed as written, with a warning on its row.
   */
  format?: Picture;
  /** A font the value must keep (the password, so that O/0 and l/1 differ). */
  font?: string;
  /** The value is a name: a "de"/"que" before it elides before a vowel sound (d'Anaïs). */
  elision?: boolean;
}

export const PASSWORD_FONT = "Consolas";

export const FIELDS: readonly FieldDef[] = [
  { id: "firstName", label: "Prénom", synonyms: ["Prénom", "firstName", "first_name", "Prénoms"], elision: true },
  {
    id: "lastName",
    label: "Nom",
    synonyms: ["Nom", "Nom de famille", "lastName", "last_name", "Nom d'usage"],
    elision: true,
  },
  {
    id: "login",
    label: "Login",
    synonyms: ["Identifiant", "Login", "Identifiant ENT", "Nom d'utilisateur", "Username", "Identifiant de connexion"],
  },
  {
    id: "password",
    label: "Mot de passe",
    font: PASSWORD_FONT,
    synonyms: [
      "Mot de passe",
      "Code d'activation",
      "Mot de passe provisoire",
      "Mot de passe temporaire",
      "Mot de passe initial",
      "MDP",
      "Password",
      "activationCode",
      "Code activation",
    ],
  },
  { id: "class", label: "Classe", multi: true, synonyms: ["Classe", "Classes", "Classe(s)", "Division"] },
  { id: "level", label: "Niveau", synonyms: ["Niveau", "Niveaux", "Level"] },
  { id: "profile", label: "Profil", synonyms: ["Type", "Profil", "Profils", "Profile"] },
  {
    id: "children",
    label: "Enfant(s)",
    multi: true,
    elision: true,
    // « Élève » names the children in MonCollège's export only (roster/formats/moncollege.ts).
    synonyms: ["Enfants", "Enfant(s)", "Enfant", "Responsable de"],
  },
  {
    id: "email",
    label: "Courriel",
    synonyms: ["Courriel", "Email", "E-mail", "Mail", "Adresse électronique", "Adresse mail"],
  },
  {
    id: "birthDate",
    label: "Date de naissance",
    synonyms: ["Date de naissance", "birthDate"],
    format: { date: "dd/MM/yyyy" },
  },
  {
    id: "school",
    label: "Établissement",
    multi: true,
    synonyms: ["Établissements", "Établissement", "Structure(s)", "Structure"],
  },
  { id: "uai", label: "UAI", synonyms: ["UAI", "RNE", "Code UAI"] },
  { id: "functions", label: "Fonction(s)", multi: true, synonyms: ["Fonctions", "Fonction(s)", "Fonction"] },
];

export const FIELD_IDS: readonly FieldId[] = FIELDS.map((f) => f.id);

const BY_ID = Object.fromEntries(FIELDS.map((f) => [f.id, f])) as Record<FieldId, FieldDef>;

export function fieldDef(id: FieldId): FieldDef {
  return BY_ID[id];
}

export function isFieldId(value: string): value is FieldId {
  return Object.prototype.hasOwnProperty.call(BY_ID, value);
}

/** Login columns holding an alias (Open ENT NG): preferred, row by row, when filled. */
export const LOGIN_ALIAS_HEADERS: readonly string[] = ["Login personnalisé (Alias)", "Alias de login", "Alias"];

/** Columns that are never the login, whatever their values look like (internal ids). */
export const NOT_LOGIN_HEADERS: readonly string[] = [
  "Id",
  "externalId",
  "Identifiant SIECLE",
  "Id SIECLE",
  "uid",
  "INE",
  "Identifiant interne",
];

/** The account state column ("Etat du compte": Actif / Inactif). */
export const STATE_HEADERS: readonly string[] = [
  "Etat du compte",
  "Etat",
  "Etat compte",
  "Statut",
  "Statut du compte",
  "Activation",
];

/** Credential columns holding an activation code (the others hold a provisional password). */
export const ACTIVATION_CODE_HEADERS: readonly string[] = ["Code d'activation", "activationCode", "Code activation"];

const ACTIVATION_KEYS = new Set(ACTIVATION_CODE_HEADERS.map(foldKey));

/** The credential column of this header holds activation codes (compared with foldKey). */
export function isActivationCodeHeader(header: string): boolean {
  return ACTIVATION_KEYS.has(foldKey(header));
}

/** Values of the state column, folded: the account is not yet activated / already active. */
export const INACTIVE_VALUES: readonly string[] = [
  "Inactif",
  "Inactive",
  "Non active",
  "Non actif",
  "Bloqué",
  "À activer",
];
export const ACTIVE_VALUES: readonly string[] = ["Actif", "Active", "Activé", "Activée", "Enabled"];

/**
 * The columns Word's GREETINGLINE and ADDRESSBLOCK read beside the first and last names,
 * by their usual French headers (compared with foldKey). None is required: a part the file
 * lacks is left out of the greeting or the address.
 */
export const ADDRESS_HEADERS: Readonly<
  Record<"title" | "street" | "postcode" | "city" | "country", readonly string[]>
> = {
  title: ["Civilité", "Titre", "Civ"],
  street: ["Adresse", "Adresse 1", "Adresse ligne 1", "Rue", "Adresse postale"],
  postcode: ["Code postal", "CP"],
  city: ["Ville", "Commune", "Localité"],
  country: ["Pays"],
};
