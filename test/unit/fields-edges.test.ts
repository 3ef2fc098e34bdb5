// The field reader on the shapes third-party templates hold: content controls with no content
// or an empty one, fields wrapped around table rows whose runs carry attributes, block
// controls without paragraph properties, QR controls, kept controls' properties, and simple
// fields without runs. Each case states the exact text the writer receives.
import { extractFields, FieldSlot } from "../../src/core/merge/fields";
import { MARK } from "../../src/core/merge/markers";

const sdt = (tag: string, content: string | null, pr = "") =>
  `<w:sdt><w:sdtPr>${pr}<w:tag w:val="${tag}"/></w:sdtPr>${content === null ? "" : content}</w:sdt>`;
const body = (inner: string) => `<w:sdtContent>${inner}</w:sdtContent>`;
const run = (t: string, attrs = "") => `<w:r${attrs}><w:t>${t}</w:t></w:r>`;

function read(xml: string, keepFields = false): { out: string; slots: FieldSlot[] } {
  const slots: FieldSlot[] = [];
  const out = extractFields(xml, slots, { keepFields });
  return { out: out.split(MARK).join("¦"), slots };
}

describe("content controls without content", () => {
  it("keeps a control that is not ours exactly as written, with or without an empty content", () => {
    for (const xml of [sdt("autre", null), sdt("autre", "<w:sdtContent/>")]) expect(read(xml).out).toBe(xml);
  });

  it("reads a field control whose content is missing or empty, with the control's own formatting", () => {
    for (const content of [null, "<w:sdtContent/>"]) {
      const { out, slots } = read(sdt("ent:login", content, "<w:rPr><w:b/></w:rPr>"));
      expect(out).toBe("¦F0¦");
      expect(slots).toEqual([{ name: { kind: "tag", tag: "ent:login" }, rPr: "<w:rPr><w:b/></w:rPr>", guards: [] }]);
    }
  });

  it("leaves nothing for an empty passage, an empty edit zone or an empty QR control", () => {
    expect(read(sdt("ent:if:children", null)).out).toBe("¦Cchildren¦¦E¦");
    expect(read(sdt("ent:edit:intro", null)).out).toBe("");
    expect(read(sdt("ent:edit:intro", "<w:sdtContent/>")).out).toBe("");
    expect(read(sdt("ent:qr", null)).out).toBe("¦K¦");
  });
});

describe("the guards a field carries", () => {
  it("has none outside a passage, whatever kind of field it is", () => {
    const simple = '<w:fldSimple w:instr=" MERGEFIELD Nom "><w:r><w:t>«Nom»</w:t></w:r></w:fldSimple>';
    const complex =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Login </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const { slots } = read(`<w:p>${sdt("ent:password", body(run("x")))}${simple}${complex}</w:p>`);
    expect(slots.map((s) => s.guards)).toEqual([[], [], []]);
  });

  it("has exactly the conditions of the passages around it, outermost first", () => {
    const inner = sdt("ent:if:parents", body(`<w:p>${sdt("ent:login", body(run("x")))}</w:p>`));
    const { slots } = read(sdt("ent:if:children", body(inner)));
    expect(slots.map((s) => s.guards)).toEqual([["children", "parents"]]);
  });
});

describe("a field control holding paragraphs", () => {
  it("is a block field, with no paragraph properties when its paragraph has none", () => {
    for (const p of ["<w:p>", '<w:p w:rsidR="00A1">']) {
      const { out, slots } = read(sdt("ent:message", body(`${p}${run("x")}</w:p>`)));
      expect(out).toBe("¦F0¦");
      expect(slots[0].block).toEqual({ pPr: "" });
    }
  });

  it("keeps its paragraph's properties", () => {
    const { slots } = read(sdt("ent:message", body(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("x")}</w:p>`)));
    expect(slots[0].block).toEqual({ pPr: '<w:pPr><w:jc w:val="center"/></w:pPr>' });
  });

  it("is not a block field when it holds runs only", () => {
    expect(read(`<w:p>${sdt("ent:message", body(run("x")))}</w:p>`).slots[0].block).toBeUndefined();
  });
});

describe("a field control around a table row", () => {
  const row = (cell: string) => `<w:tr w:rsidR="00A1"><w:tc w:id="c1">${cell}</w:tc></w:tr>`;

  it("keeps the row, drops its runs (with attributes or self-closing) and puts the value after the paragraph properties", () => {
    const cell = `<w:p w:rsidR="1"><w:pPr><w:jc w:val="right"/></w:pPr>${run("a", ' w:rsidRPr="2"')}<w:r w:rsidR="3"/></w:p><w:p>${run("b")}</w:p>`;
    const { out, slots } = read(sdt("ent:class", body(row(cell))));
    expect(out).toBe(
      '<w:tr w:rsidR="00A1"><w:tc w:id="c1"><w:p w:rsidR="1"><w:pPr><w:jc w:val="right"/></w:pPr>¦F0¦</w:p><w:p></w:p></w:tc></w:tr>',
    );
    expect(slots[0].block).toBeUndefined();
  });

  it("puts the value at the start of a paragraph without properties", () => {
    expect(read(sdt("ent:class", body(row(`<w:p>${run("a")}</w:p>`)))).out).toBe(
      '<w:tr w:rsidR="00A1"><w:tc w:id="c1"><w:p>¦F0¦</w:p></w:tc></w:tr>',
    );
  });

  it("fills an empty paragraph", () => {
    expect(read(sdt("ent:class", body(row("<w:p/>")))).out).toBe(
      '<w:tr w:rsidR="00A1"><w:tc w:id="c1"><w:p>¦F0¦</w:p></w:tc></w:tr>',
    );
  });
});

describe("a QR control", () => {
  it("draws in a paragraph of its own, with the paragraph's properties, when it holds paragraphs", () => {
    expect(read(sdt("ent:qr", body(`<w:p>${run("QR")}</w:p>`))).out).toBe("<w:p>¦K¦</w:p>");
    expect(read(sdt("ent:qr", body(`<w:p w:rsidR="1">${run("QR")}</w:p>`))).out).toBe("<w:p>¦K¦</w:p>");
    expect(read(sdt("ent:qr", body(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run("QR")}</w:p>`))).out).toBe(
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>¦K¦</w:p>',
    );
  });

  it("draws in the line when it holds runs", () => {
    expect(read(`<w:p>${sdt("ent:qr", body(run("QR")))}</w:p>`).out).toBe("<w:p>¦K¦</w:p>");
  });
});

describe("a kept field control", () => {
  it("loses its placeholder state, its data binding and its temporary flag, and nothing else", () => {
    const pr =
      '<w:alias w:val="Identifiant"/><w:showingPlcHdr/><w:dataBinding w:xpath="/a" w:storeItemID="{1}"/><w:temporary/>';
    const { slots } = read(sdt("ent:login", body(run("x")), pr), true);
    expect(slots[0].sdtPr).toBe('<w:sdtPr><w:alias w:val="Identifiant"/><w:tag w:val="ent:login"/></w:sdtPr>');
  });
});

describe("simple fields", () => {
  it("reads a MERGEFIELD with no run as a value without formatting", () => {
    const { out, slots } = read('<w:p><w:fldSimple w:instr=" MERGEFIELD Nom "/></w:p>');
    expect(out).toBe("<w:p>¦F0¦</w:p>");
    expect(slots).toEqual([{ name: { kind: "mergefield", name: "Nom" }, rPr: "", guards: [], format: {} }]);
  });

  it("keeps a simple field without an instruction as it is", () => {
    const xml = `<w:p><w:fldSimple>${run("x")}</w:fldSimple></w:p>`;
    expect(read(xml).out).toBe(xml);
  });
});

describe("complex fields", () => {
  const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
  const sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  const code = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
  const field = (text: string, result = "") => `${begin}${code(text)}${result ? sep + result : ""}${end}`;

  it("reads an IF written without a leading space", () => {
    const xml = `<w:p>${begin}${code("IF ")}${field(" MERGEFIELD Profil ")}${code(' = "Parent" "Madame" "Bonjour" ')}${end}</w:p>`;
    const { out, slots } = read(xml);
    expect(out).toBe("<w:p>¦F0¦</w:p>");
    expect(slots[0].expr).toMatchObject({
      kind: "if",
      left: [{ kind: "merge", name: "Profil" }],
      right: ["Parent"],
      then: ["Madame"],
      otherwise: ["Bonjour"],
    });
  });

  it("does not read a field sitting in an IF's result as part of its code", () => {
    const ifCode = `${code(" IF ")}${field(" MERGEFIELD Profil ")}${code(' = "Parent" "Madame" "" ')}`;
    const xml = `<w:p>${begin}${ifCode}${sep}${run("Madame ")}${field(" MERGEFIELD Nom ", run("Nom"))}${end}</w:p>`;
    const { out, slots } = read(xml);
    expect(out).toBe("<w:p>¦F0¦</w:p>");
    expect(slots[0].expr).toMatchObject({ kind: "if", then: ["Madame"], otherwise: [] });
  });

  it("takes the result's formatting when the result has a run, else the first run's", () => {
    const bold = "<w:r><w:rPr><w:b/></w:rPr><w:t>«Nom»</w:t></w:r>";
    expect(read(`<w:p>${field(" MERGEFIELD Nom ", bold)}</w:p>`).slots[0].rPr).toBe("<w:rPr><w:b/></w:rPr>");
    const italicBegin = '<w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>';
    const noRun = `${italicBegin}${code(" MERGEFIELD Nom ")}${sep}${end}`;
    expect(read(`<w:p>${noRun}</w:p>`).slots[0].rPr).toBe("<w:rPr><w:i/></w:rPr>");
  });

  it("marks a Next Record right after a merge field, and leaves one that spans two paragraphs", () => {
    const xml = `<w:p>${field(" MERGEFIELD Nom ")}${field(" NEXT ")}</w:p>`;
    expect(read(xml).out).toBe("<w:p>¦F0¦¦Y¦</w:p>");
    const split = `<w:p>${begin}${code(" NEXT ")}</w:p><w:p>${end}</w:p>`;
    expect(read(split).out).toBe(split);
  });

  it("leaves a Next Record that never ends", () => {
    const open = `<w:p>${begin}${code(" NEXT ")}</w:p>`;
    expect(read(open).out).toBe(open);
  });
});
