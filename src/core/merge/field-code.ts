// Word's field grammar, for the fields a mail merge evaluates: a field's code is text with
// nested fields in it (`IF "{ MERGEFIELD Genre }" = "Male" "M." "Mme"`), read into a tree,
// then evaluated per person as Word would: MERGEFIELD with its switches, IF and COMPARE
// (nested fields in the condition, quoted or not, and in both results, nested IF),
// \* MERGEFORMAT/CHARFORMAT and case switches on any field, GREETINGLINE and ADDRESSBLOCK
// with French defaults. What a merge cannot evaluate is refused, its code shown as written.
import { applyFormat, FieldFormat, parseMergeField } from "./field-format";

/** Text with fields in it: what a quoted string, a word or a result of an IF holds. */
export type FieldText = Array<string | FieldNode>;

export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=";

export type FieldNode = { source: string } & (
  | { kind: "merge"; name: string; format: FieldFormat }
  | {
      kind: "if";
      left: FieldText;
      op: CompareOp;
      right: FieldText;
      then: FieldText;
      otherwise: FieldText;
      format: FieldFormat;
    }
  | { kind: "compare"; left: FieldText; op: CompareOp; right: FieldText }
  /** SKIPIF: no letter for a person for whom the comparison holds; prints nothing. */
  | { kind: "skipif"; left: FieldText; op: CompareOp; right: FieldText }
  | { kind: "greeting"; picture: string; fallback: string }
  | { kind: "address"; picture: string }
  | { kind: "next" }
  /** Any other field (DATE, PAGE, a formula…): kept as Word wrote it, or refused where it must be evaluated. */
  | { kind: "other"; type: string }
);

type Token =
  { t: "text"; text: FieldText; quoted: boolean } | { t: "op"; op: CompareOp } | { t: "switch"; name: string };

const OPS = ["<>", "<=", ">=", "=", "<", ">"] as const;

/** The code as Word shows it with Alt+F9: nested fields between braces. */
export function codeText(code: FieldText): string {
  return code
    .map((part) => (typeof part === "string" ? part : `{ ${part.source.trim()} }`))
    .join("")
    .trim()
    .replace(/\s+/g, " ");
}

/** Splits a field's code into words, quoted texts, operators and switches; nested fields stay whole. */
function tokens(code: FieldText): Token[] {
  const out: Token[] = [];
  let current: FieldText | null = null;
  let quoted = false;
  const flush = () => {
    if (current && (quoted || current.length)) out.push({ t: "text", text: current, quoted });
    current = null;
  };
  const add = (part: string | FieldNode) => {
    current ??= [];
    const last = current[current.length - 1];
    if (typeof part === "string" && typeof last === "string") current[current.length - 1] = last + part;
    else current.push(part);
  };
  for (const part of code) {
    if (typeof part !== "string") {
      add(part);
      continue;
    }
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      if (quoted) {
        if (c === '"') {
          flush();
          quoted = false;
        } else add(c);
        continue;
      }
      if (c === '"') {
        flush();
        quoted = true;
        current = [];
        continue;
      }
      if (/\s/.test(c)) {
        flush();
        continue;
      }
      const op = OPS.find((o) => part.startsWith(o, i));
      if (op) {
        flush();
        out.push({ t: "op", op });
        i += op.length - 1;
        continue;
      }
      if (c === "\\" && i + 1 < part.length) {
        flush();
        out.push({ t: "switch", name: part[i + 1] });
        i++;
        continue;
      }
      add(c);
    }
  }
  flush();
  return out;
}

/** The plain text of a token that holds no field ("" when it holds one). */
function plain(text: FieldText): string {
  return text.every((p) => typeof p === "string") ? text.join("") : "";
}

/** A field's switches (`\* Upper`, `\* MERGEFORMAT`…) and its other tokens. */
function withoutSwitches(list: Token[]): { args: Token[]; format: FieldFormat; switches: Map<string, string> } {
  const args: Token[] = [];
  const format: FieldFormat = {};
  const switches = new Map<string, string>();
  for (let i = 0; i < list.length; i++) {
    const token = list[i];
    if (token.t !== "switch") {
      args.push(token);
      continue;
    }
    const next = list[i + 1];
    const arg = next && next.t === "text" ? plain(next.text) : "";
    if (next && next.t === "text") i++;
    switches.set(token.name, arg);
    if (token.name === "*") {
      const c = arg.toLowerCase();
      if (c === "upper" || c === "lower" || c === "caps" || c === "firstcap") format.case = c;
    }
  }
  return { args, format, switches };
}

function comparison(args: Token[]): { left: FieldText; op: CompareOp; right: FieldText; rest: Token[] } | null {
  const [left, op, right, ...rest] = args;
  if (!left || !op || !right || left.t !== "text" || op.t !== "op" || right.t !== "text") return null;
  return { left: left.text, op: op.op, right: right.text, rest };
}

/** A field's code (text with its nested fields already read) → the field. */
export function parseFieldCode(code: FieldText): FieldNode {
  const source = codeText(code);
  const list = tokens(code);
  const first = list[0];
  const type = first && first.t === "text" ? plain(first.text).toUpperCase() : first?.t === "op" ? first.op : "";
  if (type === "MERGEFIELD") {
    const parsed = parseMergeField(source);
    if (parsed) return { source, kind: "merge", name: parsed.name, format: parsed.format };
  }
  if (type === "NEXT") return { source, kind: "next" };
  const { args, format, switches } = withoutSwitches(list.slice(1));
  if (type === "IF") {
    const c = comparison(args);
    if (c && c.rest.length <= 2 && c.rest.every((t) => t.t === "text")) {
      const [then, otherwise] = c.rest as Array<Extract<Token, { t: "text" }>>;
      return {
        source,
        kind: "if",
        left: c.left,
        op: c.op,
        right: c.right,
        then: then?.text ?? [],
        otherwise: otherwise?.text ?? [],
        format,
      };
    }
  }
  if (type === "COMPARE") {
    const c = comparison(args);
    if (c && c.rest.length === 0) return { source, kind: "compare", left: c.left, op: c.op, right: c.right };
  }
  if (type === "SKIPIF") {
    const c = comparison(args);
    if (c && c.rest.length === 0) return { source, kind: "skipif", left: c.left, op: c.op, right: c.right };
  }
  if (type === "GREETINGLINE")
    return {
      source,
      kind: "greeting",
      picture: switches.get("f") ?? "",
      fallback: switches.get("e") || "Madame, Monsieur,",
    };
  if (type === "ADDRESSBLOCK") return { source, kind: "address", picture: switches.get("f") ?? "" };
  return { source, kind: "other", type };
}

/** The merge fields a field reads (nested ones included), in order. */
export function mergeNames(node: FieldNode): string[] {
  const ofText = (text: FieldText) => text.flatMap((p) => (typeof p === "string" ? [] : mergeNames(p)));
  switch (node.kind) {
    case "merge":
      return [node.name];
    case "if":
      return [...ofText(node.left), ...ofText(node.right), ...ofText(node.then), ...ofText(node.otherwise)];
    case "compare":
    case "skipif":
      return [...ofText(node.left), ...ofText(node.right)];
    default:
      return [];
  }
}

/** The first field inside that a merge cannot evaluate (a formula, a DATE in a condition…), or null. */
export function unevaluable(node: FieldNode): FieldNode | null {
  const inText = (text: FieldText): FieldNode | null => {
    for (const p of text) {
      if (typeof p === "string") continue;
      const bad = p.kind === "other" || p.kind === "next" ? p : unevaluable(p);
      if (bad) return bad;
    }
    return null;
  };
  switch (node.kind) {
    case "if":
      return inText(node.left) ?? inText(node.right) ?? inText(node.then) ?? inText(node.otherwise);
    case "compare":
    case "skipif":
      return inText(node.left) ?? inText(node.right);
    default:
      return null;
  }
}

/** What the fields of a person read: a merge field's value by name, and the columns a greeting uses. */
export interface FieldValues {
  merge(name: string): string;
  /** A person's value for a kind of column (first name, title, street…), "" when the file has none. */
  part(kind: AddressPart): string;
}

export type AddressPart = "title" | "first" | "last" | "street" | "postcode" | "city" | "country";

function textValue(text: FieldText, values: FieldValues): string {
  return text.map((p) => (typeof p === "string" ? p : evaluateField(p, values))).join("");
}

/** Word's comparison: numbers as numbers, else text; `=` and `<>` take ? and * as wildcards. */
export function compare(a: string, op: CompareOp, b: string): boolean {
  const num = (s: string) =>
    s.trim() !== "" && Number.isFinite(Number(s.replace(",", "."))) ? Number(s.replace(",", ".")) : null;
  const [na, nb] = [num(a), num(b)];
  if ((op === "=" || op === "<>") && /[?*]/.test(b)) {
    const pattern = new RegExp(
      `^${b
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\?/g, ".")
        .replace(/\*/g, ".*")}$`,
      "i",
    );
    return pattern.test(a) === (op === "=");
  }
  const cmp = na !== null && nb !== null ? na - nb : a === b ? 0 : a < b ? -1 : 1;
  return { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, "<=": cmp <= 0, ">": cmp > 0, ">=": cmp >= 0 }[op];
}

/** GREETINGLINE and ADDRESSBLOCK pictures: `<<_FIRST0_ >>` prints the first name and the text after it, if any. */
const PICTURE_PART = /<<_([A-Z]+)0?_([^>]*)>>/g;
const PART_CODES: Record<string, AddressPart> = {
  TITLE: "title",
  FIRST: "first",
  LAST: "last",
  STREET: "street",
  POSTAL: "postcode",
  CITY: "city",
  COUNTRY: "country",
};

function fillPicture(picture: string, values: FieldValues): { text: string; named: boolean } {
  let named = false;
  const text = picture.replace(PICTURE_PART, (_m, code: string, after: string) => {
    // "<<_BEFORE_ Bonjour >>": the text after the code's space, as Word writes it.
    if (code === "BEFORE" || code === "AFTER") return after.replace(/^ /, "");
    const kind = PART_CODES[code];
    const value = kind ? values.part(kind).trim() : "";
    if (value && (kind === "first" || kind === "last")) named = true;
    return value ? value + after : "";
  });
  return { text: text.replace(/ +([,.])/g, "$1").trim(), named };
}

/** The lines of an address: the person's name, street, postcode and city, country; empty lines left out. */
function addressLines(picture: string, values: FieldValues): string {
  const name = picture
    ? fillPicture(picture, values).text
    : [values.part("title"), values.part("first"), values.part("last")].filter(Boolean).join(" ");
  const city = [values.part("postcode"), values.part("city")].filter(Boolean).join(" ");
  return [name, values.part("street"), city, values.part("country")].filter((l) => l.trim() !== "").join("\n");
}

/** Whether a SKIPIF field leaves this person without a letter. */
export function skips(node: FieldNode, values: FieldValues): boolean {
  return node.kind === "skipif" && compare(textValue(node.left, values), node.op, textValue(node.right, values));
}

/** The text a field prints for a person. */
export function evaluateField(node: FieldNode, values: FieldValues): string {
  switch (node.kind) {
    case "merge":
      return applyFormat(values.merge(node.name), node.format);
    case "if": {
      const holds = compare(textValue(node.left, values), node.op, textValue(node.right, values));
      return applyFormat(textValue(holds ? node.then : node.otherwise, values), node.format);
    }
    case "compare":
      return compare(textValue(node.left, values), node.op, textValue(node.right, values)) ? "1" : "0";
    case "greeting": {
      // Without a picture, or without a name to put in it: French's neutral greeting.
      if (!node.picture) return node.fallback;
      const { text, named } = fillPicture(node.picture, values);
      return named ? text : node.fallback;
    }
    case "address":
      return addressLines(node.picture, values);
    default:
      return "";
  }
}
