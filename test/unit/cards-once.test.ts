// On a sheet of cards the school fills its passages once, on the first card: every card
// prints them, and every card gets its QR code.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { editPassages, mergeLetters, unchangedPassages } from "../../src/core/merge";
import { readRoster, Roster } from "../../src/core/roster";
import { readyLetter, TEMPLATES_DIR } from "../fixtures";
import * as fs from "fs";
import * as path from "path";
import { utf8 } from "./helpers/encode";

const ENT = "https://ent.college-exemple.fr";

/** The cards as a school completes them: the ENT's address typed in the first card only. */
function firstCardFilled(): Uint8Array {
  const files = unzipSync(fs.readFileSync(path.join(TEMPLATES_DIR, "cartes.docx")));
  const xml = strFromU8(files["word/document.xml"]).replace(
    /(<w:tag w:val="ent:edit:adresse-ent"\/><w:id w:val="\d+"\/>)<w:showingPlcHdr\/>(<\/w:sdtPr><w:sdtContent><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>)[^<]*/,
    `$1$2${ENT}`,
  );
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files);
}

let roster: Roster;
beforeEach(() => {
  const rows = Array.from(
    { length: 8 },
    (_, i) => `NOM${i};Prénom${i};login${i};Pass${i}x;Parent;6A;Enfant${i} NOM${i}`,
  );
  roster = readRoster(utf8(["Nom;Prénom;Login;Mot de passe;Profil;Classe;Élève", ...rows].join("\n")), "p.csv");
});

describe("cards filled once", () => {
  it("count a passage as completed when one card has it, and read it from that card", () => {
    const cards = firstCardFilled();
    expect(unchangedPassages(cards)).not.toContain("adresse-ent");
    expect(editPassages(cards).get("adresse-ent")).toBe(ENT);
  });

  it("print the completed passage on every card, and a QR code on every card", () => {
    const out = mergeLetters(firstCardFilled(), roster.records, roster);
    const xml = strFromU8(unzipSync(out.docx)["word/document.xml"]);
    expect(xml.split(`>${ENT}<`).length - 1).toBe(8);
    expect(xml).not.toContain("https://ent.exemple.fr");
    // Eight drawings of the one code (a provisional password: every code opens the ENT).
    expect(xml.match(/<pic:blipFill><a:blip r:embed="/g)).toHaveLength(8);
    expect(out.warnings).toEqual([]);
  });

  it("leave a letter's single passages as they are", () => {
    expect(unchangedPassages(readyLetter("parents"))).toContain("adresse-ent");
  });
});
