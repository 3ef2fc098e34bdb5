// Writes the output package as a stream: the main part is pushed in pieces as letters are
// written, so 10,000 letters never sit in memory as one string.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { concatBytes } from "../bytes";

const FLUSH_AT = 1 << 20;

export class PackageWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((err, data) => {
    if (err) throw err;
    this.chunks.push(data);
  });
  private readonly main: ZipDeflate;
  private pending = "";

  constructor(mainPath: string) {
    this.main = new ZipDeflate(mainPath, { level: 6 });
    this.zip.add(this.main);
  }

  /** Appends text to the main part. */
  write(text: string): void {
    this.pending += text;
    if (this.pending.length > FLUSH_AT) {
      this.main.push(strToU8(this.pending));
      this.pending = "";
    }
  }

  /** Adds a whole part; images, compressed already, are stored as they are. */
  add(path: string, data: Uint8Array | string): void {
    const file = /\.(png|jpe?g|gif)$/i.test(path) ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    this.zip.add(file);
    file.push(typeof data === "string" ? strToU8(data) : data, true);
  }

  /** Ends the main part with `text` (once every letter is written). */
  endMain(text: string): void {
    this.main.push(strToU8(this.pending + text), true);
    this.pending = "";
  }

  finish(): Uint8Array {
    this.zip.end();
    return concatBytes(this.chunks);
  }
}
