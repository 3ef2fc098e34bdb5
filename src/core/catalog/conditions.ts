// Conditions of conditional passages (`ent:if:<condition>`): the grammar of the tag
// contract, in one place. A field condition holds when the field is non-empty.
import { fieldDef, FieldId, isFieldId } from "./fields";
import { IF_PREFIX } from "./tags";

export type Condition =
  | { kind: "field"; id: FieldId; negated: boolean }
  | { kind: "credential"; is: "activation-code" | "password" }
  | { kind: "state"; is: "active" | "inactive" }
  /** The parent has one child (or none the export names), or several. */
  | { kind: "children"; is: "one-child" | "several-children" }
  /** The letter prints QR codes (the merge can make them: the ENT's address is a web address). */
  | { kind: "qr"; is: "qr" };

const NAMED: Record<string, Condition> = {
  "activation-code": { kind: "credential", is: "activation-code" },
  password: { kind: "credential", is: "password" },
  active: { kind: "state", is: "active" },
  inactive: { kind: "state", is: "inactive" },
  qr: { kind: "qr", is: "qr" },
  "one-child": { kind: "children", is: "one-child" },
  "several-children": { kind: "children", is: "several-children" },
};

/**
 * `ent:if:not:email` → the condition; null when the tag is not a condition we know.
 * `password` names what the credential column holds (every record has a password value).
 */
export function parseCondition(tag: string): Condition | null {
  return tag.startsWith(IF_PREFIX) ? parseConditionBody(tag.slice(IF_PREFIX.length)) : null;
}

/** The condition a tag's body names (`not:email`, `activation-code`…), or null. */
export function parseConditionBody(body: string): Condition | null {
  if (Object.prototype.hasOwnProperty.call(NAMED, body)) return NAMED[body];
  const negated = body.startsWith("not:");
  const id = negated ? body.slice("not:".length) : body;
  return isFieldId(id) ? { kind: "field", id, negated } : null;
}

/** The condition in French, as a passage's title in Word: "Si « Enfant(s) » est rempli". */
export function conditionLabel(condition: Condition): string {
  switch (condition.kind) {
    case "field":
      return `Si « ${fieldDef(condition.id).label} » est ${condition.negated ? "vide" : "rempli"}`;
    case "credential":
      return condition.is === "activation-code"
        ? "Si l'export donne des codes d'activation"
        : "Si l'export donne des mots de passe provisoires";
    case "state":
      return condition.is === "active" ? "Si le compte est déjà activé" : "Si le compte n'est pas encore activé";
    case "qr":
      return "Si le code QR est imprimé";
    case "children":
      return condition.is === "one-child" ? "Si un seul enfant" : "Si plusieurs enfants";
  }
}

export function conditionTag(condition: Condition): string {
  const body = condition.kind === "field" ? `${condition.negated ? "not:" : ""}${condition.id}` : condition.is;
  return `${IF_PREFIX}${body}`;
}
