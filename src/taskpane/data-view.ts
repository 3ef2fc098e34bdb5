// Step 1 — Données: pick or drop the export, see what was read, choose the letters to make.
import { FIELDS, FieldId, foldKey, Profile, PROFILE_LABELS, PROFILES } from "../core/catalog";
import {
  delimiterName,
  classesOf,
  distinctValues,
  levelOf,
  fileTooBig,
  MAX_FILE_BYTES,
  noteSeverity,
  Roster,
  SortOrder,
} from "../core/roster";
import { readInBackground } from "./read-file";
import { describeError, PaneContext } from "./context";
import { byId, fileBytes, formatCount, h, plural, replaceChildren } from "./dom";
import { openStep } from "./steps";

const ACCEPTED = /\.(csv|txt|xlsx)$/i;

/** Says, while a file is read, that it is being read (a large one takes a few seconds). */
function reading(fileName: string | null, size: number): void {
  const status = byId("file-reading");
  status.hidden = fileName === null;
  status.textContent = fileName
    ? `Lecture de « ${fileName} »${size > 1024 * 1024 ? ` (${(size / 1024 / 1024).toFixed(1).replace(".", ",")} Mo)` : ""}…`
    : "";
}

async function loadFile(ctx: PaneContext, file: File): Promise<void> {
  ctx.clearError();
  if (!ACCEPTED.test(file.name)) {
    ctx.showError(
      `« ${file.name} » n'est pas un export de l'ENT : choisissez le fichier .csv, .txt ou .xlsx exporté depuis la console d'administration.`,
    );
    return;
  }
  try {
    await ctx.leavePreview();
    // Refused by its size before its bytes are even read into the pane.
    if (file.size > MAX_FILE_BYTES) throw fileTooBig(file.name, file.size);
    const bytes = await fileBytes(file);
    reading(file.name, bytes.length);
    let roster: Roster;
    try {
      roster = ctx.state.load(file.name, bytes, await readInBackground(bytes, file.name));
    } finally {
      reading(null, 0);
    }
    ctx.refresh();
    // On to the letter, whatever the file: the pane fits Word's 350 × 700 without scrolling.
    // The rows set aside are said in the step's summary line (one click away), at Fusion and
    // at Envoyer.
    if (ctx.wordAvailable) openStep(ctx, "letter");
    else
      byId("problems-details").toggleAttribute(
        "open",
        roster.problems.some((p) => p.severity === "error"),
      );
  } catch (err) {
    ctx.showError(describeError(err));
    ctx.refresh();
  }
}

/** Copies the problems, one per line, to hand to the ENT administrator; selects them where copying is refused. */
async function copyProblems(ctx: PaneContext): Promise<void> {
  const roster = ctx.state.roster;
  if (!roster) return;
  const text = roster.problems.map((p) => p.message).join("\n");
  const said = byId("problems-copied");
  try {
    await navigator.clipboard.writeText(text);
    said.textContent = "Liste copiée : collez-la dans un courriel ou un document.";
  } catch {
    // Some Office hosts refuse the clipboard to add-ins: select the list for Ctrl+C instead.
    const range = document.createRange();
    range.selectNodeContents(byId("problems-list"));
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    said.textContent = "La liste est sélectionnée : copiez-la avec Ctrl+C (⌘+C sur Mac).";
  }
}

export function setupData(ctx: PaneContext): void {
  byId("problems-copy").addEventListener("click", () => void copyProblems(ctx));
  byId("people-query").addEventListener("input", () => renderPeople(ctx));
  const input = byId<HTMLInputElement>("file-input");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void loadFile(ctx, file);
  });
  const zone = byId("drop-zone");
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (file) void loadFile(ctx, file);
  });
  byId("clear-data").addEventListener("click", async () => {
    ctx.clearError();
    try {
      await ctx.leavePreview();
    } catch (err) {
      // The document still shows a person's values: keep the data so the user can retry.
      ctx.showError(describeError(err));
      return;
    }
    ctx.state.clear();
    ctx.state.openStep = "data";
    input.value = "";
    byId<HTMLInputElement>("preview-query").value = "";
    ctx.clearError();
    ctx.refresh();
    byId("file-input").focus();
  });
  byId<HTMLSelectElement>("sort-select").addEventListener("change", (e) => {
    ctx.state.setSelection({ sort: (e.target as HTMLSelectElement).value as SortOrder });
    ctx.refresh();
  });
  byId<HTMLSelectElement>("level-filter").addEventListener("change", (e) => {
    const value = (e.target as HTMLSelectElement).value;
    ctx.state.setSelection({ levels: value ? [value] : undefined });
    ctx.refresh();
  });
  byId<HTMLInputElement>("inactive-filter").addEventListener("change", (e) => {
    ctx.state.setSelection({ inactiveOnly: (e.target as HTMLInputElement).checked });
    ctx.refresh();
  });
}

function renderColumns(ctx: PaneContext, roster: Roster): void {
  const rows = roster.columns.map((c) => {
    const select = h("select", { dataset: { focusKey: `column:${c.index}` } });
    // The attribute, not the ariaLabel property, which older Word webviews do not reflect.
    select.setAttribute("aria-label", `Champ rempli par la colonne ${c.header}`);
    select.append(h("option", { value: "" }, c.state ? "État du compte" : "— colonne libre —"));
    for (const f of FIELDS) select.append(h("option", { value: f.id, selected: c.field === f.id }, f.label));
    select.addEventListener("change", async () => {
      try {
        const field = select.value as FieldId | "";
        const change = field
          ? ctx.state.remapping(field, c.header)
          : c.field
            ? ctx.state.remapping(c.field, null)
            : null;
        if (change)
          ctx.state.useMapping(
            change.mapping,
            await readInBackground(change.bytes, ctx.state.fileName, change.mapping),
          );
      } catch (err) {
        ctx.showError(describeError(err));
      }
      ctx.refresh();
    });
    const label = c.header || `(colonne ${c.index + 1} sans nom)`;
    return h("tr", {}, h("td", {}, c.alias ? `${label} (alias)` : label), h("td", {}, select));
  });
  replaceChildren(byId("columns-body"), ...rows);
}

/**
 * A group of checkboxes with counts, led by "Tous" (ticked when none of the others is, which
 * means all; ticking it unticks them).
 */
function checkList(
  ctx: PaneContext,
  groupId: string,
  all: { label: string; count: number },
  items: Array<{ value: string; label: string; count: number; checked: boolean }>,
  choose: (chosen: string[]) => void,
): void {
  const group = byId(groupId);
  const everyone = h("input", {
    type: "checkbox",
    checked: !items.some((i) => i.checked),
    dataset: { focusKey: `${groupId}:*`, all: "" },
  });
  everyone.addEventListener("change", () => {
    choose([]);
    ctx.refresh();
  });
  const boxes = items.map((item) => {
    const box = h("input", {
      type: "checkbox",
      value: item.value,
      checked: item.checked,
      dataset: { focusKey: `${groupId}:${item.value}` },
    });
    box.addEventListener("change", () => {
      choose([...group.querySelectorAll<HTMLInputElement>("input:checked:not([data-all])")].map((b) => b.value));
      ctx.refresh();
    });
    return h("label", { className: "check" }, box, `${item.label} (${formatCount(item.count)})`);
  });
  replaceChildren(
    group,
    h("label", { className: "check all" }, everyone, `${all.label} (${formatCount(all.count)})`),
    ...boxes,
  );
}

function renderFilters(ctx: PaneContext, roster: Roster): void {
  const { selection } = ctx.state;
  checkList(
    ctx,
    "profile-filters",
    { label: "Tous", count: roster.records.length },
    PROFILES.filter((p) => roster.records.some((r) => r.profile === p)).map((p) => ({
      value: p,
      label: PROFILE_LABELS[p],
      count: roster.records.filter((r) => r.profile === p).length,
      checked: Boolean(selection.profiles?.includes(p)),
    })),
    (chosen) => ctx.state.setSelection({ profiles: chosen.length ? (chosen as Profile[]) : undefined }),
  );
  checkList(
    ctx,
    "class-filters",
    { label: "Toutes", count: roster.records.length },
    distinctValues(roster.records, classesOf).map((c) => ({
      value: c,
      label: c,
      count: roster.records.filter((r) => classesOf(r).includes(c)).length,
      checked: Boolean(selection.classes?.includes(c)),
    })),
    (chosen) => ctx.state.setSelection({ classes: chosen.length ? chosen : undefined }),
  );
  const levels = distinctValues(roster.records, levelOf);
  replaceChildren(
    byId("level-filter"),
    h("option", { value: "" }, "Tous les niveaux"),
    ...levels.map((l) => h("option", { value: l, selected: selection.levels?.[0] === l }, l)),
  );
  byId("inactive-wrap").hidden = !roster.columns.some((c) => c.state);
  byId<HTMLInputElement>("inactive-filter").checked = Boolean(selection.inactiveOnly);
  byId<HTMLSelectElement>("sort-select").value = selection.sort ?? "class";
}

/** At most this many people are listed at once; the search narrows the list. */
const PEOPLE_SHOWN = 100;

/** The people the filters keep, each with a checkbox; the search narrows the list. */
function renderPeople(ctx: PaneContext): void {
  const query = foldKey(byId<HTMLInputElement>("people-query").value);
  const all = ctx.state.candidates();
  const matching = query
    ? all.filter((r) =>
        [r.values.lastName, r.values.firstName, r.values.login, r.values.class].some((v) => foldKey(v).includes(query)),
      )
    : all;
  const boxes = matching.slice(0, PEOPLE_SHOWN).map((r) => {
    const box = h("input", {
      type: "checkbox",
      checked: !ctx.state.excluded.has(r.row),
      dataset: { focusKey: `person:${r.row}` },
    });
    box.addEventListener("change", () => {
      ctx.state.include(r.row, box.checked);
      ctx.refresh();
    });
    const who = `${r.values.lastName} ${r.values.firstName} — ${r.values.login}${r.values.class ? `, ${r.values.class}` : ""}`;
    return h("label", { className: "check" }, box, who);
  });
  replaceChildren(byId("people-list"), ...boxes);
  const more = byId("people-more");
  more.hidden = matching.length <= PEOPLE_SHOWN;
  more.textContent = `… et ${formatCount(matching.length - PEOPLE_SHOWN)} autres : précisez la recherche.`;
  const off = all.filter((r) => ctx.state.excluded.has(r.row)).length;
  byId("people-summary").textContent = off
    ? `Personnes retenues : ${formatCount(all.length - off)} sur ${formatCount(all.length)} (${plural(off, "décochée", "décochées")})`
    : "Personnes retenues : décocher celles qui n'auront pas de courrier";
}

export function renderData(ctx: PaneContext): void {
  const roster = ctx.state.roster;
  byId("data-summary").hidden = !roster;
  // Once a file is read, the drop zone shrinks to one button: the pane keeps its height for the rest.
  byId("drop-hint").hidden = Boolean(roster);
  byId("file-choose").textContent = roster ? "Choisir un autre fichier…" : "Choisir le fichier…";
  byId("file-choose").classList.toggle("primary", !roster);
  byId("drop-zone").classList.toggle("loaded", Boolean(roster));
  if (!roster) {
    // Nothing read from a file may stay in the page once the data is cleared.
    for (const id of [
      "file-line",
      "profile-counts",
      "file-notes",
      "columns-body",
      "problems-summary",
      "problems-list",
      "problems-copied",
      "profile-filters",
      "class-filters",
      "level-filter",
      "letter-count",
      "people-list",
    ])
      replaceChildren(byId(id));
    return;
  }
  const { file } = roster;
  byId("file-line").textContent =
    `${file.name} — ${file.encoding}${file.kind === "csv" ? `, séparateur ${delimiterName(file.delimiter)}` : ""} — ${plural(roster.records.length, "compte lu", "comptes lus")}`;
  replaceChildren(
    byId("profile-counts"),
    ...PROFILES.map((p) => [p, roster.records.filter((r) => r.profile === p).length] as const)
      .filter(([, n]) => n > 0)
      .map(([p, n]) => h("li", {}, `${PROFILE_LABELS[p]} : ${formatCount(n)}`)),
  );
  byId("file-notes").textContent = file.notes.join(" ");
  // Coloured as a warning only when a note asks the user to look.
  byId("file-notes").classList.toggle(
    "warning",
    file.notes.some((n) => noteSeverity(n) === "attention"),
  );
  renderColumns(ctx, roster);
  const errors = roster.problems.filter((p) => p.severity === "error");
  const warnings = roster.problems.filter((p) => p.severity === "warning");
  byId("problems-summary").textContent = errors.length
    ? `${plural(errors.length, "ligne écartée", "lignes écartées")} : voir pourquoi`
    : `Aucune ligne écartée${warnings.length ? ` (${plural(warnings.length, "avertissement", "avertissements")})` : ""}`;
  replaceChildren(byId("problems-list"), ...[...errors, ...warnings].map((p) => h("li", {}, p.message)));
  renderFilters(ctx, roster);
  renderPeople(ctx);
  const n = ctx.state.selected().length;
  byId("letter-count").textContent = n
    ? `${plural(n, "courrier sera créé", "courriers seront créés")}.`
    : "Aucun courrier : aucune personne ne correspond aux filtres.";
}
