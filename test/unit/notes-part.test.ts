// A footnotes part read and written back: Word's separators stay once and as written, each
// ordinary note is kept under its id for the letters' copies, and a part without notes
// comes back whole.
import { FieldSlot } from "../../src/core/merge/fields";
import { compileNotes, notesPartXml, noteXml } from "../../src/core/merge/notes";

const ROOT = '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';
const separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>';
const continuation =
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
const note = (attrs: string, text: string) =>
  `<w:footnote ${attrs}><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:footnote>`;

const read = (xml: string) =>
  compileNotes("footnote", "word/footnotes.xml", xml, [] as FieldSlot[], { keepFields: false });

describe("compileNotes", () => {
  const xml = `${ROOT}${separator}${continuation}${note('w:id="1"', "Première")}${note('w:id="12" w:type="normal"', "Douzième")}<w:footnote w:id="3"/></w:footnotes>`;

  it("keeps the separators and empty notes once, as written, and the rest of the part around them", () => {
    const part = read(xml);
    expect(part.head).toBe(ROOT);
    expect(part.specials).toBe(`${separator}${continuation}<w:footnote w:id="3"/>`);
    expect(part.tail).toBe("</w:footnotes>");
    expect([...part.notes.keys()]).toEqual(["1", "12"]);
    expect(part.firstId).toBe(13);
  });

  it("gives each letter's copy of a note its new id, and nothing for a note the part lacks", () => {
    const part = read(xml);
    expect(noteXml(part, "12", 40, "<w:p/>")).toBe('<w:footnote w:id="40" w:type="normal"><w:p/></w:footnote>');
    expect(noteXml(part, "1", 41, "<w:p/>")).toBe('<w:footnote w:id="41"><w:p/></w:footnote>');
    expect(noteXml(part, "99", 42, "<w:p/>")).toBeNull();
  });

  it("writes the part back with the separators first, then every copy", () => {
    const part = read(xml);
    expect(notesPartXml(part, ["<a/>", "<b/>"])).toBe(
      `${ROOT}${separator}${continuation}<w:footnote w:id="3"/><a/><b/></w:footnotes>`,
    );
  });

  it("gives back a part without notes whole, copies going before its end", () => {
    const empty = `${ROOT}</w:footnotes>`;
    const part = read(empty);
    expect(part.specials).toBe("");
    expect(part.notes.size).toBe(0);
    expect(part.firstId).toBe(1);
    expect(notesPartXml(part, [])).toBe(empty);
    expect(notesPartXml(part, ["<a/>"])).toBe(`${ROOT}<a/></w:footnotes>`);
  });
});
