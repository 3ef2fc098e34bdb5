// An Open Packaging Conventions package (.docx, .xlsx): a zip of parts, read with fflate.
import { strFromU8 } from "fflate";
import { CONTENT_TYPES_PATH, ContentTypes } from "./content-types";
import { OpcError, unzipParts } from "./unzip";
import { Relationships, relsPathOf, resolveTarget } from "./relationships";

export class OpcPackage {
  private readonly texts = new Map<string, string>();

  constructor(readonly files: Readonly<Record<string, Uint8Array>>) {}

  /**
   * Unzips the bytes safely (size limit, plain part names, no DOCTYPE); `refuse` turns an
   * OpcError into the caller's own (it knows what the file should be).
   */
  static unzip(bytes: Uint8Array, refuse: (err: OpcError) => Error): OpcPackage {
    try {
      return new OpcPackage(unzipParts(bytes));
    } catch (err) {
      throw err instanceof OpcError ? refuse(err) : err;
    }
  }

  has(path: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.files, path);
  }

  /** A part as text (UTF-8), or undefined when the package does not have it. */
  text(path: string): string | undefined {
    if (!this.has(path)) return undefined;
    let text = this.texts.get(path);
    if (text === undefined) this.texts.set(path, (text = strFromU8(this.files[path])));
    return text;
  }

  /** The package's content types, to read or to extend for output. */
  contentTypes(): ContentTypes {
    return new ContentTypes(this.text(CONTENT_TYPES_PATH) ?? "");
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(part: string): Relationships {
    return new Relationships(this.text(part === "" ? "_rels/.rels" : relsPathOf(part)) ?? "");
  }

  /** The parts a part points at with relationships of these kinds, resolved to paths. */
  related(part: string, ...kinds: string[]): Array<{ id: string; type: string; path: string }> {
    return this.relationships(part)
      .ofKind(...kinds)
      .map((r) => ({ id: r.id, type: r.type, path: resolveTarget(part, r.target) }));
  }
}
