// Parents with e-mail addresses, good and bad, for the sending tests (synthetic people).
export const PEOPLE = [
  ["N'DIAYE", "Aïcha", "aicha.ndiaye", "Xo0lI1aB", "Parent", "5A", "Anaïs N'DIAYE", "aicha@example.test"],
  ["MOREL", "Œlise", "lise.morel", "EGX0HBcr", "Parent", "6B", "Élodie MOREL", "oelise.morel@example.test"],
  ["LÉGER", "Zoé", "zoe.leger", "Kp9qW2zz", "Parent", "4C", "Hugo LÉGER", "zoe@example.test"],
  ["DUPONT", "Jean", "jean.dupont", "Tt7Yy8Uu", "Parent", "3A", "Lou DUPONT", ""],
  ["MARTIN", "Paul", "paul.martin", "Mm1Nn2Oo", "Parent", "3B", "Léa MARTIN", "paul.martin.example.test"],
  [
    "BERNARD",
    "Inès",
    "ines.bernard",
    "Bb3Cc4Dd",
    "Parent",
    "5B",
    "Tom BERNARD",
    "ines@example.test; autre@example.test",
  ],
  ["PETIT", "Noé", "noe.petit", "Pp5Qq6Rr", "Parent", "6A", "Jade PETIT", "noe.petit@example.test"],
];
export const CSV = [
  "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève;Courriel",
  ...PEOPLE.map((p) => p.map((cell) => (cell.includes(";") ? `"${cell}"` : cell)).join(";")),
].join("\r\n");
export const WITH_ADDRESS = PEOPLE.filter((p) => /^[^;\s]+@[^;\s]+\.test$/.test(p[7]));
