// The QR helpers' edges: a pattern naming a value twice, the ENT's address with trailing
// slashes or a path, and the printed size of the image (4 pixels a module, 4 modules of
// white around it).
import { entAddress, fillPattern, qrPng } from "../../src/core/qr";

describe("QR helpers", () => {
  it("fills every occurrence of each value, leaving other braces alone", () => {
    expect(
      fillPattern("{ent}/a?l={login}&c={password}&again={login}&x={other}", {
        ent: "https://e.fr",
        login: "a b",
        password: "p/q",
      }),
    ).toBe("https://e.fr/a?l=a%20b&c=p%2Fq&again=a%20b&x={other}");
    expect(fillPattern("{ent}{ent}", { ent: "x", login: "", password: "" })).toBe("xx");
  });

  it.each([
    ["https://ent.college.fr///", "https://ent.college.fr"],
    ["HTTPS://ENT.COLLEGE.FR/portail?x=1", "HTTPS://ENT.COLLEGE.FR/portail?x=1"],
    ["https://ent", "https://ent"],
    ["https:///ent.fr", null],
    ["mailto:ent@college.fr", null],
    ["https://ent.college.fr/mon espace", null],
  ])("entAddress(%j) = %j", (text, address) => expect(entAddress(text)).toBe(address));

  it("draws a version-1 code 116 pixels wide: (21 modules + 8 of quiet zone) × 4", () => {
    const png = qrPng("https://e.fr");
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([116, 116]);
  });
});
