import * as fs from "fs";
import * as path from "path";
const { validateManifest, withBaseUrl } = require("../../scripts/manifest");

const root = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml (offline validation)", () => {
  it("passes every offline check", () => {
    expect(validateManifest(xml, { rootDir: root })).toEqual([]);
  });

  it("declares Word, WordApi 1.3, ReadWriteDocument, fr-FR with en-US strings", () => {
    expect(xml).toContain('<Host Name="Document"/>');
    expect(xml).toContain('<Set Name="WordApi" MinVersion="1.3"/>');
    expect(xml).toContain("<DefaultLocale>fr-FR</DefaultLocale>");
    expect(xml).toContain('<Override Locale="en-US"');
    expect(xml).toMatch(/<DisplayName DefaultValue="Courriers ENT">/);
  });

  it("has real PNG icons of every declared size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });

  const cases: Array<[string, (x: string) => string, RegExp]> = [
    ["malformed XML", (x) => x.replace("</Hosts>", ""), /XML mal formé/],
    [
      "elements out of schema order",
      (x) =>
        x
          .replace(/(<Permissions>.*<\/Permissions>)\s*/, "")
          .replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions><Hosts>"),
      /n'est pas à sa place/,
    ],
    [
      "an http URL",
      (x) => x.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"),
      /non https/,
    ],
    ["a missing icon", (x) => x.replace("icon-80.png", "icon-81.png"), /Icône introuvable : assets\/icon-81.png/],
    ["no WordApi requirement", (x) => x.replace('<Set Name="WordApi" MinVersion="1.3"/>', ""), /WordApi 1.3/],
    ["a non-GUID id", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>courriers</Id>"), /GUID/],
    ["a missing Permissions", (x) => x.replace(/<Permissions>.*<\/Permissions>/, ""), /<Permissions> absent/],
    // The rules of Microsoft's XSDs beyond order and presence.
    [
      "an empty <AppDomains/>",
      (x) => x.replace("<Hosts>", "<AppDomains/><Hosts>"),
      /<AppDomains> doit contenir au moins un <AppDomain>/,
    ],
    [
      "an http AppDomain",
      (x) => x.replace("<Hosts>", "<AppDomains><AppDomain>http://x.fr</AppDomain></AppDomains><Hosts>"),
      /<AppDomain> doit être une URL https/,
    ],
    [
      "a DisplayName over 125 characters",
      (x) => x.replace('DisplayName DefaultValue="Courriers ENT"', `DisplayName DefaultValue="${"x".repeat(126)}"`),
      /<DisplayName> : 126 caractères \(1 à 125\)/,
    ],
    [
      "a ShortString over 125 characters",
      (x) => x.replace('DefaultValue="Courriers ENT est prêt"', `DefaultValue="${"x".repeat(126)}"`),
      /Valeur de <bt:ShortStrings>/,
    ],
    [
      "a LongString over 250 characters",
      (x) => x.replace(/(bt:String id="TaskpaneButton.Tooltip" DefaultValue=")[^"]*/, `$1${"x".repeat(251)}`),
      /Valeur de <bt:LongStrings>/,
    ],
    [
      "a resource id over 32 characters",
      (x) => x.split("GetStarted.Description").join("GetStarted.DescriptionBeaucoupTropLongue"),
      /trop long \(32 au plus\)/,
    ],
    [
      "a resid with no resource",
      (x) => x.replace('resid="Taskpane.Url"', 'resid="Volet.Url"'),
      /resid « Volet.Url » sans ressource/,
    ],
    [
      "two resources with one id",
      (x) => x.replace('<bt:Url id="Commands.Url"', '<bt:Url id="Taskpane.Url"'),
      /ressource en double : Taskpane.Url/,
    ],
    [
      "an icon of the wrong size",
      (x) => x.replace("assets/icon-64.png", "assets/icon-80.png"),
      /icon-80.png : 80×80 au lieu de 64×64/,
    ],
  ];
  it.each(cases)("reports %s", (_name, mutate, message) => {
    const problems: string[] = validateManifest(mutate(xml), { rootDir: root });
    expect(problems.join("\n")).toMatch(message);
  });

  it("refuses the manifest as it was (an empty <AppDomains/>), which Word may refuse to sideload", () => {
    expect(validateManifest(xml.replace("<Hosts>", "<AppDomains/>\n  <Hosts>"), { rootDir: root })).toEqual([
      "<AppDomains> doit contenir au moins un <AppDomain> (ou être retiré).",
    ]);
  });

  it("rewrites every development URL to the production base URL", () => {
    const prod = withBaseUrl(xml, "https://ent.example.fr/courriers");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('DefaultValue="https://ent.example.fr/courriers/taskpane.html"');
    expect(validateManifest(prod, { rootDir: root, allowLocalhost: false })).toEqual([]);
    expect(validateManifest(xml, { rootDir: root, allowLocalhost: false }).length).toBeGreaterThan(0);
  });
});
