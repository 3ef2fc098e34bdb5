#!/usr/bin/env node
// Offline checks of the add-in manifest. `office-addin-manifest validate` posts the file to
// an online Microsoft service, which this project cannot reach, so the rules that matter
// are checked here: well-formed XML, the schema's element order, https URLs, icons on
// disk, the Word host and the WordApi 1.3 requirement.
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
  return problems;
}

module.exports = { validateManifest, withBaseUrl, DEV_BASE_URL };

if (require.main === module) {
  const file = process.argv[2] || path.join(__dirname, "..", "manifest.xml");
  const xml = fs.readFileSync(file, "utf8");
  const problems = validateManifest(xml, { rootDir: path.join(__dirname, "..") });
  if (problems.length) {
    console.error(`Manifeste ${file} : ${problems.length} problème(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`Manifeste ${path.basename(file)} valide (vérifications hors ligne).`);
}
