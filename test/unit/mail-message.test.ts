// One person's message as the engine builds it: the name beside the address, the subject with
// spaces tidied, the attachment's file name made safe from the login, and the HTML and text
// bodies carrying that person's own letter.
import { DEFAULT_SUBJECT, letterMessage, Recipient, recipients, subjectFor } from "../../src/core/mail";
import { readRoster, Roster } from "../../src/core/roster";
import { readyLetter } from "../fixtures";
import { utf8 } from "./helpers/encode";

let roster: Roster;
// Per test, not at load: see 'Static mutants' in docs/testing.md.
beforeEach(() => {
  roster = readRoster(
    utf8(
      "Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève;Courriel\n" +
        "N'DIAYE;Aïcha;../aicha.ndiaye;Xo0lI1aB;Parent;5A;Anaïs N'DIAYE;aicha@example.test\n" +
        ";;é è;Pw2bbbbbb;Parent;5A;Lou;lou@example.test\n" +
        "ROI;Léo;.__;Pw3cccccc;Parent;5A;Max;leo@example.test\n",
    ),
    "parents.csv",
  );
});

describe("letterMessage", () => {
  let aicha: Recipient, nameless: Recipient, dots: Recipient;
  beforeEach(() => {
    [aicha, nameless, dots] = recipients(roster.records, roster).send;
  });
  const subject = () => subjectFor("  Identifiants  de {Prénom}\t{Nom} ", roster);
  const message = (r: Recipient) =>
    letterMessage(readyLetter("parents"), r, roster, { subject: subject(), attach: true });

  it("addresses the person by name, with the subject's spaces tidied", () => {
    const m = message(aicha);
    expect([m.to, m.toName, m.subject]).toEqual([
      "aicha@example.test",
      "Aïcha N'DIAYE",
      "Identifiants de Aïcha N'DIAYE",
    ]);
    expect(message(nameless).toName).toBe("");
    expect(message(nameless).subject).toBe("Identifiants de");
  });

  it("names the attachment after the login, safely", () => {
    expect(message(aicha).attachment?.filename).toBe("courrier-ENT-aicha.ndiaye.docx");
    expect(message(nameless).attachment?.filename).toBe("courrier-ENT-e_e_.docx");
    expect(message(dots).attachment?.filename).toBe("courrier-ENT-courrier.docx");
  });

  it("carries the person's own letter in both bodies, and no attachment unless asked", () => {
    const m = letterMessage(readyLetter("parents"), aicha, roster, { subject: subject() });
    expect(m.attachment).toBeUndefined();
    expect(m.html).toContain("Xo0lI1aB");
    expect(m.text).toContain("Xo0lI1aB");
    expect(m.html).toContain(`<title>Identifiants de Aïcha N&#39;DIAYE</title>`);
    expect(m.html).not.toContain("Pw2bbbbbb");
  });

  it("has a default subject", () => {
    expect(DEFAULT_SUBJECT).toBe("Vos identifiants pour l'ENT du collège");
  });
});
