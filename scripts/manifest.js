#!/usr/bin/env node
// Offline checks of the add-in manifest. `office-addin-manifest validate` posts the file to
// an online Microsoft service, which this project cannot reach, so the rules of Microsoft's
// schema (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd) for every element
// we use are checked here: well-formed XML, required children and their order, containers
// that may not be empty, string lengths (ShortString 125, LongString 250), resource ids
// (unique, at most 32 characters, every resid defined), https URLs, icons on disk at their
// declared size, the Word host and the WordApi 1.3 requirement.
"use strict";
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const DEV_BASE_URL = "https://localhost:3000/";

// Child order of <OfficeApp> for a TaskPaneApp (OfficeApp 1.1 schema).
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "DefaultSettings",
  "Permissions",
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Replaces the development base URL with the production one (must end with "/"). */
function withBaseUrl(xml, baseUrl) {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return xml.split(DEV_BASE_URL).join(base);
}

/** Returns a list of problems (empty when the manifest is valid). */
function validateManifest(xml, { rootDir, allowLocalhost = true } = {}) {
  const problems = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    return [`XML mal formé, ligne ${wellFormed.err.line} : ${wellFormed.err.msg}`];
  }
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: "@" });
  const doc = parser.parse(xml);
  const appNode = doc.find((n) => n.OfficeApp);
  if (!appNode) return ["Élément racine <OfficeApp> absent."];
  const attrs = appNode[":@"] || {};
  if (attrs["@xsi:type"] !== "TaskPaneApp") problems.push('OfficeApp doit avoir xsi:type="TaskPaneApp".');
  const children = appNode.OfficeApp.filter((n) => !n["#text"]).map((n) => Object.keys(n).find((k) => k !== ":@"));
  for (const name of REQUIRED) if (!children.includes(name)) problems.push(`Élément obligatoire <${name}> absent.`);
  let last = -1;
  for (const name of children) {
    const at = OFFICE_APP_ORDER.indexOf(name);
    if (at < 0) problems.push(`Élément inattendu <${name}> dans <OfficeApp>.`);
    else if (at < last) problems.push(`<${name}> n'est pas à sa place dans l'ordre du schéma.`);
    else last = at;
  }
  const id = (xml.match(/<Id>([^<]*)<\/Id>/) || [])[1];
  if (!id || !GUID.test(id)) problems.push("<Id> doit être un GUID.");
  if (!/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/.test(xml)) problems.push("<Version> doit avoir la forme 1.0.0.0.");
  if (!/<Host Name="Document"\s*\/>/.test(xml)) problems.push('<Host Name="Document"/> (Word) absent.');
  if (!/<Set Name="WordApi" MinVersion="1\.3"\s*\/>/.test(xml))
    problems.push("Exigence WordApi 1.3 absente de <Requirements>.");
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml))
    problems.push("Permission ReadWriteDocument attendue.");

  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  if (urls.length === 0) problems.push("Aucune URL trouvée.");
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`URL non https : ${url}`);
    if (!allowLocalhost && url.startsWith(DEV_BASE_URL))
      problems.push(`URL de développement dans un manifeste de production : ${url}`);
    const asset = url.match(/\/(assets\/[^"?#]+\.png)$/);
    if (asset && rootDir && !fs.existsSync(path.join(rootDir, asset[1])))
      problems.push(`Icône introuvable : ${asset[1]}`);
  }
  for (const size of [16, 32, 80]) {
    if (!new RegExp(`<bt:Image size="${size}"`).test(xml)) problems.push(`Icône ${size}×${size} absente du bouton.`);
  }
  problems.push(...schemaRules(xml, rootDir));
  return problems;
}

// Containers the schema requires to hold at least one child (minOccurs="1").
const NON_EMPTY = {
  AppDomains: "AppDomain",
  Hosts: "Host",
  Sets: "Set",
  "bt:Images": "bt:Image",
  "bt:Urls": "bt:Url",
  "bt:ShortStrings": "bt:String",
  "bt:LongStrings": "bt:String",
};

/** The rules of the XSDs that the checks above do not cover. */
function schemaRules(xml, rootDir) {
  const problems = [];
  for (const [container, child] of Object.entries(NON_EMPTY)) {
    const empty = new RegExp(`<${container}\\s*/>|<${container}>\\s*</${container}>`);
    if (empty.test(xml)) problems.push(`<${container}> doit contenir au moins un <${child}> (ou être retiré).`);
  }
  for (const m of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g))
    if (!/^https:\/\/[^/\s]+/.test(m[1].trim())) problems.push(`<AppDomain> doit être une URL https : ${m[1]}`);
  const length = (value, max, what) => {
    if (value.length < 1 || value.length > max) problems.push(`${what} : ${value.length} caractères (1 à ${max}).`);
  };
  const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}="([^"]*)"`)) || [])[1];
  const displayName = /<DisplayName\s[^>]*>/.exec(xml);
  if (displayName) length(attr(displayName[0], "DefaultValue") || "", 125, "<DisplayName>");
  const description = /<Description\s[^>]*DefaultValue="[^"]*"[^>]*>/.exec(xml);
  if (description) length(attr(description[0], "DefaultValue") || "", 250, "<Description>");
  for (const [list, max] of [
    ["bt:ShortStrings", 125],
    ["bt:LongStrings", 250],
    ["bt:Urls", 2048],
  ]) {
    const block = new RegExp(`<${list}>([\\s\\S]*?)</${list}>`).exec(xml);
    for (const m of (block ? block[1] : "").matchAll(/(?:DefaultValue|Value)="([^"]*)"/g))
      length(m[1], max, `Valeur de <${list}> « ${m[1].slice(0, 30)} »`);
  }
  // Resource ids: unique, at most 32 characters, and every resid refers to one.
  const ids = [...xml.matchAll(/<bt:(?:Image|Url|String)\s[^>]*\bid="([^"]*)"/g)].map((m) => m[1]);
  for (const id of ids) if (id.length > 32) problems.push(`Identifiant de ressource trop long (32 au plus) : ${id}`);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
    problems.push(`Identifiant de ressource en double : ${id}`);
  for (const m of xml.matchAll(/\bresid="([^"]*)"/g))
    if (!ids.includes(m[1])) problems.push(`resid « ${m[1]} » sans ressource correspondante.`);
  const controls = [...xml.matchAll(/<(?:Control|Group|OfficeTab|CustomTab)\s[^>]*\bid="([^"]*)"/g)].map((m) => m[1]);
  for (const id of new Set(controls.filter((id, i) => controls.indexOf(id) !== i)))
    problems.push(`Identifiant de contrôle en double : ${id}`);
  // Icons at the size they are declared for (the PNG's IHDR width and height).
  const declared = [
    [/<IconUrl DefaultValue="[^"]*\/(assets\/[^"]+\.png)"/, 32],
    [/<HighResolutionIconUrl DefaultValue="[^"]*\/(assets\/[^"]+\.png)"/, 64],
  ];
  for (const m of xml.matchAll(/<bt:Image\s[^>]*\bid="([^"]*)"[^>]*DefaultValue="[^"]*\/(assets\/[^"]+\.png)"/g)) {
    const size = Number((xml.match(new RegExp(`<bt:Image size="(\\d+)" resid="${m[1]}"`)) || [])[1]);
    if (size) declared.push([new RegExp(m[2].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), size, m[2]]);
  }
  for (const [re, size, known] of declared) {
    const file = known || (xml.match(re) || [])[1];
    if (!file || !rootDir || !fs.existsSync(path.join(rootDir, file))) continue;
    const png = fs.readFileSync(path.join(rootDir, file));
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    if (w !== size || h !== size) problems.push(`Icône ${file} : ${w}×${h} au lieu de ${size}×${size}.`);
  }
  return problems;
}

module.exports = { validateManifest, withBaseUrl, DEV_BASE_URL };

if (require.main === module) {
  // The source manifest, and the one the build deployed (dist/, with its base URL) when there is one.
  const root = path.join(__dirname, "..");
  const files = process.argv.slice(2);
  if (files.length === 0) files.push(path.join(root, "manifest.xml"));
  const deployed = path.join(root, "dist", "manifest.xml");
  if (fs.existsSync(deployed) && !files.some((f) => path.resolve(f) === deployed)) files.push(deployed);
  let failed = false;
  for (const file of files) {
    const problems = validateManifest(fs.readFileSync(file, "utf8"), { rootDir: root });
    if (problems.length) {
      failed = true;
      console.error(`Manifeste ${path.relative(root, path.resolve(file))} : ${problems.length} problème(s)`);
      for (const p of problems) console.error(`  - ${p}`);
    } else console.log(`Manifeste ${path.relative(root, path.resolve(file))} valide (règles du schéma, hors ligne).`);
  }
  process.exitCode = failed ? 1 : 0;
}
