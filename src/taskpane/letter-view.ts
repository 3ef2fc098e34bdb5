// Step 2 — Courrier: insert a ready letter or fields, and check what the document uses.
import {
  Condition,
  conditionLabel,
  FIELDS,
  labelOf,
  parseConditionBody,
  passageLabel,
  READY_LETTERS,
} from "../core/catalog";

import {
  controlTags,
  displayName,
  FieldName,
  footerText,
  resolveField,
  templateConditions,
  templateFields,
} from "../core/merge";
import { mayReplaceDocument } from "./confirm";
import {
  documentFields,
  insertConditionalPassage,
  insertField,
  insertLetterFile,
  insertQrField,
  readTemplateFile,
  repairTags,
} from "../word";
import { describeError, PaneContext } from "./context";
import { byId, h, replaceChildren } from "./dom";
import { passageDefaults, readyLetterBytes } from "./letters";
import { openStep } from "./steps";

async function run(ctx: PaneContext, action: () => Promise<void>): Promise<void> {
  ctx.clearError();
  try {
    await ctx.leavePreview();
    await action();
  } catch (err) {
    ctx.showError(describeError(err));
  }
}

export function setupLetter(ctx: PaneContext): void {
  const buttons = READY_LETTERS.map((def) => {
    const { name, label } = def;
    const button = h("button", { className: "button", type: "button", dataset: { letter: name } }, label);
    button.addEventListener("click", () =>
      run(ctx, async () => {
        const letter = readyLetterBytes(name);
        // The ready letter replaces the whole document: ask first when there is anything in it.
        if (!(await mayReplaceDocument())) return;
        await insertLetterFile(letter, footerText(letter));
        await repairTags(controlTags(letter));
        ctx.state.useReadyLetter(def);
        ctx.refresh();
        await checkDocument(ctx);
        openStep(ctx, "preview");
      }),
    );
    return button;
  });
  replaceChildren(byId("ready-letters"), ...buttons);
  byId("check-document").addEventListener("click", () => run(ctx, () => checkDocument(ctx)));
  const choices = conditionChoices();
  const select = byId<HTMLSelectElement>("condition-select");
  replaceChildren(select, ...choices.map((c, i) => h("option", { value: String(i) }, lowerFirst(conditionLabel(c)))));
  byId("conditional-insert").addEventListener("click", () =>
    run(ctx, async () => {
      await insertConditionalPassage(choices[Number(select.value)]);
      await checkDocument(ctx);
    }),
  );
}

/**
 * Every field and conditional passage the letter uses, read from the document's file as the
 * merge reads it (fields nested in passages, Word's MERGEFIELDs, headers and footers); the
 * content controls Word lists where it cannot give the file.
 */
async function lettersUse(tags: string[]): Promise<{ fields: FieldName[]; conditions: string[] }> {
  try {
    const { bytes } = await readTemplateFile();
    return { fields: templateFields(bytes), conditions: templateConditions(bytes) };
  } catch {
    return { fields: tags.map((tag) => ({ kind: "tag", tag })), conditions: [] };
  }
}

async function checkDocument(ctx: PaneContext): Promise<void> {
  const { tags, unchangedPassages } = await documentFields(passageDefaults());
  const uses = await lettersUse(tags);
  const names = [...new Map(uses.fields.map((f) => [displayName(f), f])).entries()];
  ctx.state.letterReport = { fields: names.length, unchangedPassages };
  const roster = ctx.state.roster;
  const items = names.map(([label, name]) => {
    const missing = roster && !resolveField(name, roster);
    return h("li", missing ? { className: "missing" } : {}, missing ? `${label} — absent du fichier chargé` : label);
  });
  const conditions = uses.conditions
    .map((body) => parseConditionBody(body))
    .flatMap((c) => (c ? [conditionLabel(c)] : []));
  const report: Node[] = [
    h("p", {}, names.length ? "Champs utilisés :" : "Le document n'a encore aucun champ."),
    h("ul", {}, ...items),
  ];
  if (conditions.length)
    report.push(h("p", {}, "Passages conditionnels :"), h("ul", {}, ...conditions.map((c) => h("li", {}, c))));
  if (unchangedPassages.length) {
    report.push(
      h(
        "p",
        { className: "pink" },
        `Passages en rose à compléter : ${unchangedPassages.map(passageLabel).join(", ")}.`,
      ),
    );
  }
  replaceChildren(byId("document-report"), ...report);
}

/** The conditions the pane offers: what the credential is, the account state, then each field filled or empty. */
function conditionChoices(): Condition[] {
  return [
    { kind: "credential", is: "activation-code" },
    { kind: "credential", is: "password" },
    { kind: "state", is: "inactive" },
    { kind: "state", is: "active" },
    ...FIELDS.flatMap((f): Condition[] => [
      { kind: "field", id: f.id, negated: false },
      { kind: "field", id: f.id, negated: true },
    ]),
  ];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function renderLetter(ctx: PaneContext): void {
  const buttons = ctx.state.insertable().map((ref) => {
    const button = h(
      "button",
      { type: "button", className: ref.kind === "column" ? "button column" : "button", disabled: !ctx.wordAvailable },
      labelOf(ref),
    );
    button.title = `Insérer « ${labelOf(ref)} » à l'endroit du curseur`;
    button.addEventListener("click", () => run(ctx, async () => void (await insertField(ref))));
    return button;
  });
  const qr = h("button", { type: "button", className: "button", disabled: !ctx.wordAvailable }, "Code QR");
  qr.title = "Insérer le code QR de la personne (page d'activation de l'ENT) à l'endroit du curseur";
  qr.addEventListener("click", () => run(ctx, insertQrField));
  replaceChildren(byId("field-buttons"), ...buttons, qr);
  for (const b of byId("step-letter").querySelectorAll<HTMLButtonElement>(
    "#ready-letters button, #check-document, #conditional-insert",
  ))
    b.disabled = !ctx.wordAvailable;
}
