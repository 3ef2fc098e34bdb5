// Stage 4: who each clean row is. A row without a login, or without a password while its
// account is not activated, or with a login already met, gets no letter and is said; an
// activated account keeps its row for the « Mot de passe oublié » letter; logins differing
// only by case or spaces are said.
import { FIELD_IDS, FieldId, fieldDef } from "../../catalog";
import { applyPicture, Picture } from "../../pictures";
import { looseLoginKey } from "../row-checks";
import { RosterRecord, RowProblem } from "../types";
import { normaliseProfile, parseInactive, splitMulti } from "../values";
import { CleanRow } from "./cells";
import { Columns } from "./columns";
import { problem } from "./problem";

export class PeopleStage {
  readonly records: RosterRecord[] = [];
  private readonly firstRowOfLogin = new Map<string, number>();
  private readonly firstOfLooseLogin = new Map<string, { line: number; login: string }>();

  constructor(
    private readonly c: Columns,
    private readonly problems: RowProblem[],
  ) {}

  add({ line, cells, clean, raw, at }: CleanRow): void {
    const { headers, loginIndex, passwordIndex, aliasColumn, stateColumn, codeColumn, byField } = this.c;
    const problems = this.problems;
    const alias = aliasColumn !== undefined ? clean[aliasColumn] : "";
    const login = alias.trim() !== "" ? alias : loginIndex !== undefined ? clean[loginIndex] : "";
    const password = passwordIndex !== undefined ? clean[passwordIndex] : "";
    if (loginIndex !== undefined && login.trim() === "") {
      problems.push(
        problem(
          line,
          headers[loginIndex],
          "missing-login",
          `${at} : identifiant (« ${headers[loginIndex]} ») vide ; pas de courrier possible. Vérifiez ce compte dans l'ENT.`,
        ),
      );
      return;
    }
    // Without a state column, an activation-code export (Open ENT NG) says an account is
    // already activated by leaving its code empty: no password is ever exported.
    const inactive =
      stateColumn !== undefined
        ? parseInactive(cells[stateColumn])
        : codeColumn && password.trim() === ""
          ? false
          : undefined;
    // The export says the account is already active: its letter says « Mot de passe oublié ».
    const activated = passwordIndex !== undefined && password.trim() === "" && inactive === false;
    if (passwordIndex === undefined) {
      // No password column: nothing to check.
    } else if (activated) {
      problems.push(
        problem(
          line,
          headers[passwordIndex],
          "already-active",
          `${at} : compte déjà activé, sans « ${headers[passwordIndex]} » ; un courrier prêt à l'emploi lui indique le lien « Mot de passe oublié ». (Filtre « inactifs seulement » pour l'écarter.)`,
          "warning",
        ),
      );
    } else if (password.trim() === "") {
      problems.push(
        problem(
          line,
          headers[passwordIndex],
          "missing-password",
          `${at} : « ${headers[passwordIndex]} » vide ; le compte est probablement déjà activé. Donnez-lui plutôt la procédure « mot de passe oublié ».`,
        ),
      );
      return;
    }
    if (loginIndex !== undefined && !this.firstTime(login, line, headers[loginIndex], at)) return;

    const values = {} as Record<FieldId, string>;
    const lists: RosterRecord["lists"] = {};
    for (const id of FIELD_IDS) {
      const index = byField[id];
      const def = fieldDef(id);
      let value = id === "login" ? login : index === undefined ? "" : clean[index];
      if (def.format && index !== undefined) value = this.formatted(value, def.format, line, headers[index], at);
      if (def.multi) {
        const items = splitMulti(value);
        lists[id] = items;
        values[id] = items.join(", ");
      } else values[id] = value;
    }
    const profile = normaliseProfile(values.profile, values.children !== "");
    this.records.push({ row: line, values, lists, profile, inactive, raw });
  }

  /** The value in the catalog's format; as written, and said, when it cannot be read so. */
  private formatted(value: string, picture: Picture, line: number, header: string, at: string): string {
    const shown = applyPicture(value, picture);
    if (shown !== null) return shown;
    const [what, kept] =
      "date" in picture
        ? ["une date lisible", "elle est imprimée telle quelle"]
        : ["un nombre lisible", "il est imprimé tel quel"];
    this.problems.push(
      problem(
        line,
        header,
        "unreadable-format",
        `${at}, colonne « ${header} » : « ${value} » n'est pas ${what} ; ${kept}. Corrigez la valeur dans l'ENT si elle doit paraître sur les courriers.`,
        "warning",
      ),
    );
    return value;
  }

  /** False for a login met before (one letter: the first row's); says a login met before but for case or spaces. */
  private firstTime(login: string, line: number, header: string, at: string): boolean {
    const first = this.firstRowOfLogin.get(login);
    if (first !== undefined) {
      this.problems.push(
        problem(
          line,
          header,
          "duplicate-login",
          `${at} : l'identifiant « ${login} » figure déjà ligne ${first} ; un seul courrier est fait (celui de la ligne ${first}). Vérifiez le fichier.`,
        ),
      );
      return false;
    }
    this.firstRowOfLogin.set(login, line);
    const loose = this.firstOfLooseLogin.get(looseLoginKey(login));
    if (loose)
      this.problems.push(
        problem(
          line,
          header,
          "probable-duplicate",
          `${at} : l'identifiant « ${login} » ne diffère de celui de la ligne ${loose.line} (« ${loose.login} ») que par les majuscules ou des espaces : sans doute la même personne saisie deux fois. Vérifiez dans l'ENT ; deux courriers sont faits.`,
          "warning",
        ),
      );
    else this.firstOfLooseLogin.set(looseLoginKey(login), { line, login });
    return true;
  }
}
