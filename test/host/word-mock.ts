// A Word host for tests, built on office-addin-mock: a document with content controls,
// a selection, getFileAsync, createDocument; every context.sync() is counted.
import { OfficeMockObject } from "office-addin-mock";

export interface MockControl {
  tag: string;
  title: string;
  text: string;
  appearance?: string;
  font: { name?: string; color?: string };
  insertText(text: string, location: string): void;
}

export interface WordLog {
  syncs: number;
  inserted: Array<{ text: string; location: string }>;
  created: string[];
  opened: number;
  insertedFiles: string[];
  selected: string[];
}

export interface MockOptions {
  controls?: Array<Partial<MockControl>>;
  /** Text of the paragraph before the selection. */
  textBefore?: string;
  /** Tags of the content controls before the selection in its paragraph. */
  tagsBefore?: string[];
  /** Tag of the content control the selection is in, if any. */
  insideTag?: string;
  /** The document file getFileAsync returns; null makes it fail (Word on the web on some hosts). */
  file?: Uint8Array | null;
  ooxml?: string;
  openFails?: boolean;
  apiVersion?: string;
}

export function makeControl(init: Partial<MockControl>): MockControl {
  const control: MockControl = {
    tag: "",
    title: "",
    text: "",
    font: {},
    ...init,
    insertText(text: string) {
      control.text = text;
    },
  };
  return control;
}

export function installWordMock(options: MockOptions = {}): { log: WordLog; controls: MockControl[] } {
  const log: WordLog = { syncs: 0, inserted: [], created: [], opened: 0, insertedFiles: [], selected: [] };
  const controls = (options.controls ?? []).map(makeControl);
  const dynamic: OfficeMockObject[] = [];
  const mock = (seed: object) => {
    const m = new OfficeMockObject(seed);
    dynamic.push(m);
    return m;
  };

  const range = (text = ""): OfficeMockObject =>
    withParent(
      mock({
        text,
        insertText(value: string, location: string) {
          log.inserted.push({ text: value, location });
          return range(value);
        },
        insertContentControl() {
          const control = makeControl({ text: text });
          controls.push(control);
          return Object.assign(control, {
            getRange: () => range(),
          });
        },
        getRange: () => range(),
        expandTo: () =>
          mock({
            text: options.textBefore ?? "",
            contentControls: { items: (options.tagsBefore ?? []).map((tag) => makeControl({ tag })) },
          }),
        select(location: string) {
          log.selected.push(location);
        },
        paragraphs: { getFirst: () => range() },
      }),
    );
  // isNullObject is readable after any sync in Office.js, unlike a mock's loaded property.
  function withParent(m: OfficeMockObject): OfficeMockObject {
    const target = m as unknown as Record<string, unknown>;
    target.parentContentControlOrNullObject = {
      isNullObject: options.insideTag === undefined,
      tag: options.insideTag ?? "",
      load: () => undefined,
    };
    return m;
  }

  const seed = {
    context: {
      document: {
        getSelection: () => range(),
        contentControls: { items: controls },
        body: {
          getOoxml: () => ({ value: options.ooxml ?? "" }), // a ClientResult, readable after sync
          insertFileFromBase64(base64: string) {
            log.insertedFiles.push(base64);
          },
        },
        insertFileFromBase64(base64: string) {
          log.insertedFiles.push(base64);
        },
      },
      application: {
        createDocument(base64: string) {
          log.created.push(base64);
          return {
            open() {
              log.opened++;
            },
          };
        },
      },
      async sync(this: OfficeMockObject) {
        log.syncs++;
        if (options.openFails && log.created.length) throw new Error("OpenDocumentFailed");
        await OfficeMockObject.prototype.sync.call(this);
        for (const m of dynamic) await m.sync();
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const word = new OfficeMockObject(seed);
  // The collection of controls is shared by reference, so inserted controls appear in it.
  (globalThis as Record<string, unknown>).Word = word;

  const file = options.file;
  (globalThis as Record<string, unknown>).Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported: (_set: string, version: string) => Number(version) <= Number(options.apiVersion ?? "1.3"),
      },
      document: {
        getFileAsync(_type: string, opts: { sliceSize: number }, callback: (r: unknown) => void) {
          if (!file)
            return callback({ status: "failed", error: { code: 11001, message: "Opération non prise en charge" } });
          const size = opts.sliceSize;
          const sliceCount = Math.max(1, Math.ceil(file.length / size));
          callback({
            status: "succeeded",
            value: {
              sliceCount,
              getSliceAsync(i: number, cb: (r: unknown) => void) {
                cb({ status: "succeeded", value: { data: Array.from(file.subarray(i * size, (i + 1) * size)) } });
              },
              closeAsync() {},
            },
          });
        },
      },
    },
  };
  return { log, controls };
}
