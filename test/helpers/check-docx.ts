// The output checker every merge goes through in the tests (test/helpers/setup-merge-check.ts
// wraps the engine's mergeLetters with it): what Word needs of a package beyond
// well-formed XML, checked without Word. Microsoft's own validator runs in the render tests.
import { strFromU8, unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";

/** The parts holding text: body, headers and footers (and their per-letter copies), notes. */
const STORY = /^word\/(document|header|footer|footnotes|endnotes)[^/]*\.xml$/;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

function resolveTarget(relsPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  // word/_rels/document.xml.rels → relative to word/
  const base = relsPath
    .replace(/_rels\/[^/]*\.rels$/, "")
    .split("/")
    .filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== ".") base.push(piece);
  }
  return base.join("/");
}

/** Every problem found in the package, in French-free plain words for test failures. */
export function docxProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const text: Record<string, string> = {};
  for (const name of names) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    text[name] = strFromU8(files[name]);
    if (/<!DOCTYPE|<!ENTITY/.test(text[name])) problems.push(`${name}: DOCTYPE or ENTITY`);
    const valid = XMLValidator.validate(text[name]);
    if (valid !== true) problems.push(`${name}: not well-formed (${valid.err.msg} at line ${valid.err.line})`);
    if (/^\/|(^|\/)\.\.(\/|$)|\\/.test(name)) problems.push(`${name}: unsafe entry name`);
  }

  // Ids Word wants unique across the document's stories (body, headers, footers, notes).
  const stories = names.filter((n) => STORY.test(n)).map((n) => text[n] ?? "");
  const story = stories.join("\n");
  const checks: Array<[string, string[]]> = [
    ["wp:docPr id", all(story, /<wp:docPr\s[^>]*?\bid="(\d+)"/g)],
    ["content control w:id", all(story, /<w:id w:val="(-?\d+)"\s*\/>/g)],
    ["bookmarkStart w:id", all(story, /<w:bookmarkStart\s[^>]*?\bw:id="(\d+)"/g)],
    ["bookmark name", all(story, /<w:bookmarkStart\s[^>]*?\bw:name="([^"]*)"/g)],
    ["w14:paraId", all(story, /\sw14:paraId="([0-9A-Fa-f]+)"/g)],
    ["VML shape id", all(story, /<v:(?:shape|rect|oval|line|roundrect|group|image)\s[^>]*?\bid="([^"]+)"/g)],
    ["VML o:spid", all(story, /\so:spid="([^"]+)"/g)],
  ];
  for (const [what, values] of checks) {
    const twice = duplicates(values);
    if (twice.length) problems.push(`${what} repeated: ${twice.slice(0, 5).join(", ")}${twice.length > 5 ? "…" : ""}`);
  }
  for (const id of all(story, /\sw14:paraId="([0-9A-Fa-f]+)"/g))
    if (parseInt(id, 16) >= 0x80000000) problems.push(`w14:paraId ${id} is not below 0x80000000`);
  const starts = new Set(all(story, /<w:bookmarkStart\s[^>]*?\bw:id="(\d+)"/g));
  for (const id of all(story, /<w:bookmarkEnd\s[^>]*?\bw:id="(\d+)"/g))
    if (!starts.has(id)) problems.push(`bookmarkEnd ${id} without its start`);

  // Relationships point at parts that exist.
  for (const rels of names.filter((n) => n.endsWith(".rels"))) {
    const ids = all(text[rels], /<Relationship\s[^>]*?\bId="([^"]+)"/g);
    for (const twice of duplicates(ids)) problems.push(`${rels}: relationship ${twice} repeated`);
    for (const m of text[rels].matchAll(/<Relationship\s[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /\sTarget="([^"]*)"/.exec(m[0])?.[1] ?? "";
      const part = resolveTarget(rels, decodeURI(target));
      if (!files[part]) problems.push(`${rels}: target ${target} (${part}) is missing`);
    }
    const owner = rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
    if (rels !== "_rels/.rels" && !files[owner]) problems.push(`${rels}: relationships of a missing part ${owner}`);
    // Every r:id a part uses is one of its relationships.
    if (files[owner] && text[owner]) {
      const known = new Set(ids);
      for (const used of new Set(all(text[owner], /\sr:(?:id|embed|link|pict)="([^"]+)"/g)))
        if (!known.has(used)) problems.push(`${owner}: r:id ${used} has no relationship`);
    }
  }

  // Every part has a content type, and every override names a part.
  const types = text["[Content_Types].xml"];
  if (!types) problems.push("[Content_Types].xml missing");
  else {
    const defaults = new Set(all(types, /<Default\s[^>]*?\bExtension="([^"]+)"/g).map((e) => e.toLowerCase()));
    const overrides = all(types, /<Override\s[^>]*?\bPartName="\/([^"]+)"/g);
    for (const twice of duplicates(overrides)) problems.push(`content type override repeated for ${twice}`);
    const overridden = new Set(overrides.map(decodeURI));
    for (const name of names) {
      if (name === "[Content_Types].xml" || name.endsWith("/")) continue;
      const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
      if (!overridden.has(name) && !defaults.has(ext)) problems.push(`${name}: no content type`);
    }
    for (const part of overridden) if (!files[part]) problems.push(`content type override for missing ${part}`);
  }
  return problems;
}

/** Throws with every problem when the package is not one Word would open cleanly. */
export function assertValidDocx(bytes: Uint8Array, what = "merged document"): void {
  const problems = docxProblems(bytes);
  if (problems.length) throw new Error(`${what} fails the output checker:\n- ${problems.join("\n- ")}`);
}
