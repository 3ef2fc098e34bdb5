// Open ENT NG exports no password: an account already activated has an empty activation
// code. Such an account gets the ready letters' "already activated" version, as MonCollège's
// state column gives it, instead of being set aside.
import { strFromU8, unzipSync } from "fflate";
import { mergeLetters } from "../../src/core/merge";
import { readRoster } from "../../src/core/roster";
import { readyLetter } from "../fixtures";
import { utf8 } from "./helpers/encode";

const ENTNG =
  '\ufeff"Type";"Nom";"Prénom";"Login";"Alias de login";"Code d\'activation"\r\n' +
  '"Personnel";"LEROY";"Françoise";"francoise.leroy";"";"f3ne853z"\r\n' +
  '"Personnel";"PETIT";"Louis";"louis.petit";"";""\r\n';

it("makes an account with an empty activation code an already-activated record, with a warning", () => {
  const roster = readRoster(utf8(ENTNG), "entng.csv");
  expect(roster.records.map((r) => [r.values.login, r.inactive])).toEqual([
    ["francoise.leroy", undefined],
    ["louis.petit", false],
  ]);
  expect(roster.problems).toEqual([expect.objectContaining({ code: "already-active", severity: "warning", row: 3 })]);
});

it("gives it the letter's « Mot de passe oublié » paragraph, and no code", () => {
  const roster = readRoster(utf8(ENTNG), "entng.csv");
  const xml = strFromU8(
    unzipSync(mergeLetters(readyLetter("personnels"), roster.records, roster).docx)["word/document.xml"],
  );
  const second = xml.slice(xml.indexOf("PETIT"));
  expect(second).toContain("Votre compte est déjà activé");
  expect(second).not.toContain("Code d’activation");
});

it("still sets aside an empty password: a provisional password is exported for every account", () => {
  const roster = readRoster(utf8("Nom;Prénom;Login;Mot de passe\nA;B;a.b;\nC;D;c.d;x1\n"), "p.csv");
  expect(roster.records.map((r) => r.values.login)).toEqual(["c.d"]);
  expect(roster.problems.map((p) => p.code)).toEqual(["missing-password"]);
});
