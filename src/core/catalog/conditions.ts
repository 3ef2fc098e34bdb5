// Conditions of conditional passages (`ent:if:<condition>`): the grammar of the tag
// contract, in one place. A field condition holds when the field is non-empty.
import { FieldId, isFieldId } from "./fields";
import { IF_PREFIX } from "./tags";

export type Condition =
  | { kind: "field"; id: FieldId; negated: boolean }
  | { kind: "credential"; is: "activation-code" | "password" }
  | { kind: "state"; is: "active" | "inactive" };

const NAMED: Record<string, Condition> = {
  "activation-code": { kind: "credential", is: "activation-code" },
  password: { kind: "credential", is: "password" },
  active: { kind: "state", is: "active" },
  inactive: { kind: "state", is: "inactive" },
};

/**
 * `ent:if:not:email` → the condition; null when the tag is not a condition we know.
 * `password` names what the credential column holds (every record has a password value).
 */
export function parseCondition(tag: string): Condition | null {
  if (!tag.startsWith(IF_PREFIX)) return null;
  const body = tag.slice(IF_PREFIX.length);
  if (Object.prototype.hasOwnProperty.call(NAMED, body)) return NAMED[body];
  const negated = body.startsWith("not:");
  const id = negated ? body.slice("not:".length) : body;
  return isFieldId(id) ? { kind: "field", id, negated } : null;
}

export function conditionTag(condition: Condition): string {
  const body = condition.kind === "field" ? `${condition.negated ? "not:" : ""}${condition.id}` : condition.is;
  return `${IF_PREFIX}${body}`;
}
