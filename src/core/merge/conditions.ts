// Conditional passages (`ent:if:<condition>`): whether a person's letter keeps each one.
// A field absent from the file counts as empty; without a state column, an account is
// inactive while it has a credential (an activation code or a provisional password).
import { Condition, isActivationCodeHeader, parseConditionBody } from "../catalog";
import { RosterRecord } from "../roster";
import { MergeError } from "./errors";
import { MergeSource } from "./resolve";
import { valuesOf } from "./family";

export type Holds = (record: RosterRecord) => boolean;

/** What the credential column of this export holds. */
export function credentialKind(source: MergeSource): "activation-code" | "password" {
  const column = source.columns.find((c) => c.field === "password");
  return column && isActivationCodeHeader(column.header) ? "activation-code" : "password";
}

function holds(condition: Condition, source: MergeSource): Holds {
  const kind = credentialKind(source);
  switch (condition.kind) {
    case "field": {
      const present = source.columns.some((c) => c.field === condition.id);
      const filled: Holds = (r) => present && (r.values[condition.id] ?? "").trim() !== "";
      return condition.negated ? (r) => !filled(r) : filled;
    }
    case "credential":
      return () => condition.is === kind;
    case "state": {
      const inactive: Holds = (r) => r.inactive ?? (r.values.password ?? "").trim() !== "";
      return condition.is === "inactive" ? inactive : (r) => !inactive(r);
    }
    case "children": {
      const several: Holds = (r) => valuesOf(r, "children").length > 1;
      return condition.is === "several-children" ? several : (r) => !several(r);
    }
    case "qr":
      // Decided by the merge, which knows whether it can make the codes (merge.ts).
      return () => true;
  }
}

/** Each condition the template uses, compiled; an unknown one is refused by name. */
export function compileConditions(conditions: Iterable<string>, source: MergeSource): Map<string, Holds> {
  const out = new Map<string, Holds>();
  const unknown: string[] = [];
  for (const body of conditions) {
    if (out.has(body)) continue;
    const condition = parseConditionBody(body);
    if (condition) out.set(body, holds(condition, source));
    else if (!unknown.includes(body)) unknown.push(body);
  }
  if (unknown.length) {
    throw new MergeError(
      "unknown-condition",
      `Le courrier contient un passage conditionnel que Courriers ENT ne sait pas évaluer : ${unknown.map((u) => `« ${u} »`).join(", ")}. Conditions possibles : un champ (rempli), not:champ (vide), activation-code, password, active, inactive, qr, one-child, several-children.`,
      unknown,
    );
  }
  return out;
}

/**
 * A field under a passage that needs a field the file does not have is never printed:
 * it may be absent from the file too (the ready letters' child line with an activation-code export).
 */
export function neverPrinted(guards: readonly string[], source: MergeSource): boolean {
  return guards.some((body) => {
    const c = parseConditionBody(body);
    return c?.kind === "field" && !c.negated && !source.columns.some((col) => col.field === c.id);
  });
}
