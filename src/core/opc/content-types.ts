// `[Content_Types].xml`: which content type each part has (by override or by extension).
import { attrText } from "../xml";

export const CONTENT_TYPES_PATH = "[Content_Types].xml";

const DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

export class ContentTypes {
  private readonly overrides = new Map<string, string>();
  private readonly added: Array<{ part: string; type: string }> = [];

  constructor(private xml: string) {
    for (const m of xml.matchAll(/<Override\s[^>]*>/g)) {
      const part = attrText(m[0], "PartName");
      const type = attrText(m[0], "ContentType");
      if (part && type) this.overrides.set(part.replace(/^\//, ""), type);
    }
  }

  /** The content type a part is declared with, or undefined. */
  typeOf(part: string): string | undefined {
    return this.overrides.get(part);
  }

  addOverride(part: string, type: string): void {
    this.overrides.set(part, type);
    this.added.push({ part, type });
  }

  /** A template (.dotx, .dotm) merged is a document (.docx). */
  asDocument(mainPath: string): void {
    if (this.typeOf(mainPath) !== TEMPLATE_MAIN) return;
    this.overrides.set(mainPath, DOCUMENT_MAIN);
    this.xml = this.xml.replace(TEMPLATE_MAIN, DOCUMENT_MAIN);
  }

  toXml(): string {
    const added = this.added.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
    return this.xml.replace("</Types>", `${added}</Types>`);
  }
}
