// A strict Word host for tests. Every Office call is logged with its API name and arguments;
// like Office.js, calls only queue work: writes reach the document, and loaded properties
// become readable, at context.sync(). Reading a property that was not loaded and synced
// throws, as Office.js does. Failures can be injected per API to test the paths a user meets.
import { elementEnd } from "../../src/core/xml";
import { strFromU8, unzipSync } from "fflate";

export interface Call {
  api: string;
  args: unknown[];
}

export interface DocControl {
  /** Word's id for the control (ContentControl.id): given by the mock when the test gives none. */
  id?: number;
  tag: string;
  title: string;
  text: string;
  appearance?: string;
  font: { name?: string };
  /** A picture the control holds (base64), instead of its text. */
  picture?: string;
}

export interface WordLog {
  /** Every Office call in the order it was made (queued or immediate), with its arguments. */
  calls: Call[];
  syncs: number;
  /** The API names called, in order. */
  apis(): string[];
  /** Calls of one API. */
  of(api: string): Call[];
}

export interface MockDocument {
  controls: DocControl[];
  /** Text the user sees where fields were inserted, in order. */
  inserted: Array<{ text: string; location: string }>;
  /** Files inserted by insertFileFromBase64, with the API used. */
  insertedFiles: Array<{ api: string; base64: string; location: string }>;
  /** Documents created by createDocument (base64) and how many were opened. */
  created: string[];
  opened: number;
  selected: string[];
  /** Paragraphs written into the first section's footer (alignment, font size). */
  footer: Array<{ text: string; alignment: string; size: number }>;
  /** The add-in's document settings as saved in the document (Office.context.document.settings.saveAsync). */
  settings: Record<string, unknown>;
  /** Fonts set on the empty range after a control (where the user types next), in order. */
  fontAfter: string[];
}

export interface OfficeFailure {
  code: string | number;
  message: string;
}

export interface MockOptions {
  controls?: Array<Partial<DocControl>>;
  /** Text of the paragraph before the selection. */
  textBefore?: string;
  /** Tags of the content controls before the selection in its paragraph. */
  tagsBefore?: string[];
  /** Tag of the content control the selection is in, if any. */
  insideTag?: string;
  /** The document file getFileAsync returns; null makes it fail with 11001 (Word on the web on some hosts). */
  file?: Uint8Array | null;
  ooxml?: string;
  /** The highest WordApi set the host supports. */
  apiVersion?: string;
  /** API name → the error the sync running it fails with (e.g. "DocumentCreated.open"). */
  fail?: Record<string, OfficeFailure>;
  /** What Office.onReady resolves with (default: Word on Windows). */
  ready?: Promise<{ host: string; platform: string }>;
  /** insertFileFromBase64 resets the tags and titles of the inserted controls (office-js #1467). */
  resetTagsOnInsert?: boolean;
  /** The text the user has selected (default: nothing, a cursor). */
  selectedText?: string;
  /** Word's change tracking (WordApi 1.4): "Off" (default), "TrackAll", "TrackMineOnly". */
  changeTracking?: string;
  /** The add-in's settings the document was saved with (Office.context.document.settings). */
  settings?: Record<string, unknown>;
  /** settings.saveAsync fails with this error. */
  settingsSaveFails?: OfficeFailure;
  /** The font of the paragraph the selection is in (Range.font.name). */
  paragraphFont?: string;
  /** The body's text (default: the controls' texts joined; "" for a blank document). */
  bodyText?: string;
  /** Office's theme background (Office.context.officeTheme.bodyBackgroundColor). */
  themeBackground?: string;
  /** Text of each section's headers and footers, by "header:Primary", "footer:Primary"… */
  headerFooter?: Record<string, string>;
  /** The host supports nested app authentication (requirement set NestedAppAuth 1.1). */
  nestedAppAuth?: boolean;
  /**
   * What the sign-in dialog does, one entry per opening: the message its page sends, the
   * dialog event it ends with (12006: closed by the user), or the error opening it fails with.
   */
  dialogs?: Array<{ message: string; origin?: string } | { event: number } | { openError: OfficeFailure }>;
  /** The host tells where a dialog's message comes from (requirement set DialogOrigin 1.1). */
  dialogOrigin?: boolean;
}

class PropertyNotLoaded extends Error {
  constructor(owner: string, name: string) {
    super(`The property '${name}' of ${owner} is not available: call load() and context.sync() before reading it.`);
    this.name = "PropertyNotLoaded";
  }
}

/** The controls a .docx holds (tag, title, text), in document order, nested ones too (as Word lists them). */
export function controlsOfDocx(bytes: Uint8Array): DocControl[] {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  const out: DocControl[] = [];
  for (const start of xml.matchAll(/<w:sdt>/g)) {
    const sdt = xml.slice(start.index, elementEnd(xml, start.index, "w:sdt"));
    const pr = sdt.slice(0, sdt.indexOf("</w:sdtPr>"));
    const tag = /<w:tag w:val="([^"]*)"/.exec(pr)?.[1] ?? "";
    const title = /<w:alias w:val="([^"]*)"/.exec(pr)?.[1] ?? "";
    const content = /<w:sdtContent>([\s\S]*)<\/w:sdtContent>/.exec(sdt)?.[1] ?? "";
    const text = [...content.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    out.push({ tag, title, text, font: {} });
  }
  return out;
}

type Op = () => void;

/** One Word.run: its queue of operations and its proxies' loaded values. */
class Batch {
  queue: Array<{ api: string; op: Op }> = [];
  constructor(
    readonly log: WordLog,
    readonly fail: Record<string, OfficeFailure>,
  ) {}

  call(api: string, args: unknown[], op: Op = () => undefined): void {
    this.log.calls.push({ api, args });
    this.queue.push({ api, op });
  }

  async sync(): Promise<void> {
    this.log.syncs++;
    this.log.calls.push({ api: "RequestContext.sync", args: [] });
    const queue = this.queue;
    this.queue = [];
    for (const { api, op } of queue) {
      const failure = this.fail[api];
      if (failure) throw Object.assign(new Error(failure.message), { code: failure.code, name: "RichApi.Error" });
      op();
    }
  }
}

/** A proxy's properties: readable only once loaded and synced. */
class Loadable {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly batch: Batch,
    protected readonly type: string,
  ) {}

  protected queueLoad(props: string[], read: (name: string) => unknown): void {
    this.batch.call(`${this.type}.load`, [props.join(",")], () => {
      for (const p of props) this.loaded.set(p, read(p));
    });
  }

  /** Values a proxy comes back with already loaded (items of a loaded collection). */
  protected markLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new PropertyNotLoaded(this.type, name);
    return this.loaded.get(name) as T;
  }

  protected write(name: string, value: unknown, apply: Op): void {
    this.batch.call(`${this.type}.${name}=`, [value], apply);
  }
}

/** The document's own loadable properties (change tracking, WordApi 1.4). */
class DocumentProps extends Loadable {
  constructor(
    batch: Batch,
    private readonly tracking: string,
  ) {
    super(batch, "Document");
  }
  load(props: string): void {
    this.queueLoad(props.split(","), (p) => (p === "changeTrackingMode" ? this.tracking : undefined));
  }
  get changeTrackingMode(): string {
    return this.read("changeTrackingMode");
  }
}

/** A loadable object with only a text (a body, a header, a footer). */
class TextProxy extends Loadable {
  constructor(
    batch: Batch,
    type: string,
    private readonly text_: () => string,
  ) {
    super(batch, type);
  }
  load(props: string): void {
    this.queueLoad(props.split(","), (p) => (p === "text" ? this.text_() : undefined));
  }
  get text(): string {
    return this.read("text");
  }
}

class FontProxy extends Loadable {
  constructor(
    batch: Batch,
    private readonly target: () => { font: { name?: string } },
  ) {
    super(batch, "Font");
  }
  load(props: string): this {
    this.queueLoad(props.split(","), (p) => (p === "name" ? this.target().font.name : undefined));
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, () => (this.target().font.name = value));
  }
}

class ContentControlProxy extends Loadable {
  readonly font: FontProxy;
  private model: DocControl | null;

  constructor(
    batch: Batch,
    private readonly doc: MockDocument,
    model: DocControl | null,
    /** true: every scalar property (a load of "items"); a list: only those. */
    loadedFromCollection: boolean | string[] = false,
  ) {
    super(batch, "ContentControl");
    this.model = model;
    this.font = new FontProxy(batch, () => this.target());
    // Items of a loaded collection come back with the properties the load named.
    if (loadedFromCollection && model) {
      const all = { id: model.id, tag: model.tag, title: model.title, text: model.text };
      this.markLoaded(
        loadedFromCollection === true
          ? all
          : Object.fromEntries(Object.entries(all).filter(([k]) => loadedFromCollection.includes(k))),
      );
    }
  }

  /** A control created by insertContentControl exists in the document only after sync. */
  bind(model: DocControl): void {
    this.model = model;
  }

  private target(): DocControl {
    if (!this.model) throw new Error("ContentControl used before the sync that creates it");
    return this.model;
  }

  get id(): number {
    return this.read("id");
  }
  get tag(): string {
    return this.read("tag");
  }
  set tag(value: string) {
    this.write("tag", value, () => (this.target().tag = value));
  }
  get title(): string {
    return this.read("title");
  }
  set title(value: string) {
    this.write("title", value, () => (this.target().title = value));
  }
  get text(): string {
    return this.read("text");
  }
  set appearance(value: string) {
    this.write("appearance", value, () => (this.target().appearance = value));
  }

  load(props: string): this {
    this.queueLoad(props.split(","), (p) => (this.target() as unknown as Record<string, unknown>)[p]);
    return this;
  }

  insertText(text: string, location: string): RangeProxy {
    this.batch.call("ContentControl.insertText", [text, location], () => {
      this.target().text = location === "Replace" ? text : this.target().text + text;
      if (location === "Replace") delete this.target().picture;
    });
    return new RangeProxy(this.batch, this.doc, {}, text);
  }

  insertInlinePictureFromBase64(base64: string, location: string): void {
    this.batch.call("ContentControl.insertInlinePictureFromBase64", [base64, location], () => {
      // A picture has no text: Word reads the control's text as "".
      Object.assign(this.target(), { picture: base64, text: "" });
    });
  }

  getRange(location: string): RangeProxy {
    this.batch.call("ContentControl.getRange", [location]);
    const range = new RangeProxy(this.batch, this.doc, {}, "");
    if (location === "After") range.onFont = (name) => this.doc.fontAfter.push(name);
    return range;
  }
}

class ContentControlCollectionProxy extends Loadable {
  private list: ContentControlProxy[] | null = null;
  constructor(
    batch: Batch,
    private readonly doc: MockDocument,
    private readonly source: () => DocControl[],
  ) {
    super(batch, "ContentControlCollection");
  }
  /** "items" loads every scalar property of every item, as Office.js does; "items/tag,items/text" only those. */
  load(props: string): this {
    const names = props.split(",").map((p) => p.trim());
    const only = names.includes("items") ? true : names.map((p) => p.replace(/^items\//, ""));
    this.batch.call("ContentControlCollection.load", [props], () => {
      this.list = this.source().map((m) => new ContentControlProxy(this.batch, this.doc, m, only));
    });
    return this;
  }
  get items(): ContentControlProxy[] {
    if (!this.list) throw new PropertyNotLoaded(this.type, "items");
    return this.list;
  }
}

interface RangeFacts {
  paragraphFont?: string;
  textBefore?: string;
  tagsBefore?: string[];
  insideTag?: string;
}

class RangeProxy extends Loadable {
  /** Called when a font name is set on this range (the empty range after a control). */
  onFont?: (name: string) => void;
  private fontProxy?: FontProxy;
  constructor(
    batch: Batch,
    private readonly doc: MockDocument,
    private readonly facts: RangeFacts,
    private readonly ownText: string,
  ) {
    super(batch, "Range");
  }

  load(props: string): this {
    this.queueLoad(props.split(","), (p) => (p === "text" ? this.ownText : undefined));
    return this;
  }
  get text(): string {
    return this.read("text");
  }
  /** The range's font: its name reads as the paragraph's (MockOptions.paragraphFont). */
  get font(): FontProxy {
    const facts = this.facts;
    const state = {
      font: {
        get name() {
          return facts.paragraphFont;
        },
        set name(value: string | undefined) {
          onFont?.(value ?? "");
        },
      },
    };
    const onFont = (name: string) => this.onFont?.(name);
    this.fontProxy ??= new FontProxy(this.batch, () => state);
    return this.fontProxy;
  }
  get paragraphs() {
    return {
      getFirst: () => {
        this.batch.call("ParagraphCollection.getFirst", []);
        return new RangeProxy(this.batch, this.doc, this.facts, "");
      },
    };
  }
  getRange(location: string): RangeProxy {
    this.batch.call("Range.getRange", [location]);
    return new RangeProxy(this.batch, this.doc, this.facts, "");
  }
  expandTo(other: RangeProxy): RangeProxy {
    this.batch.call("Range.expandTo", [other.type]);
    return new RangeProxy(this.batch, this.doc, this.facts, this.facts.textBefore ?? "");
  }
  get contentControls(): ContentControlCollectionProxy {
    const tags = this.facts.tagsBefore ?? [];
    return new ContentControlCollectionProxy(this.batch, this.doc, () =>
      tags.map((tag) => ({ tag, title: "", text: "", font: {} })),
    );
  }
  get parentContentControlOrNullObject() {
    const inside = this.facts.insideTag;
    const batch = this.batch;
    let synced = false;
    return {
      load(props: string) {
        batch.call("ContentControl.load", [props], () => (synced = true));
      },
      get isNullObject() {
        if (!synced) throw new PropertyNotLoaded("ContentControl", "isNullObject");
        return inside === undefined;
      },
      get tag() {
        if (!synced) throw new PropertyNotLoaded("ContentControl", "tag");
        return inside ?? "";
      },
    };
  }
  insertText(text: string, location: string): RangeProxy {
    this.batch.call("Range.insertText", [text, location], () => this.doc.inserted.push({ text, location }));
    return new RangeProxy(this.batch, this.doc, this.facts, text);
  }
  insertContentControl(): ContentControlProxy {
    const proxy = new ContentControlProxy(this.batch, this.doc, null);
    this.batch.call("Range.insertContentControl", [], () => {
      const model: DocControl = {
        id: 5000 + this.doc.controls.length,
        tag: "",
        title: "",
        text: this.ownText,
        font: {},
      };
      this.doc.controls.push(model);
      proxy.bind(model);
    });
    return proxy;
  }
  select(location: string): void {
    this.batch.call("Range.select", [location], () => this.doc.selected.push(location));
  }
}

export interface WordHost {
  log: WordLog;
  doc: MockDocument;
  /** The document's controls (the same objects the document holds). */
  controls: DocControl[];
}

export function installWordMock(options: MockOptions = {}): WordHost {
  const calls: Call[] = [];
  const log: WordLog = {
    calls,
    syncs: 0,
    apis: () => calls.map((c) => c.api),
    of: (api) => calls.filter((c) => c.api === api),
  };
  const doc: MockDocument = {
    controls: (options.controls ?? []).map((c, i) => ({ id: 1000 + i, tag: "", title: "", text: "", font: {}, ...c })),
    inserted: [],
    insertedFiles: [],
    created: [],
    opened: 0,
    selected: [],
    footer: [],
    settings: { ...(options.settings ?? {}) },
    fontAfter: [],
  };
  // Settings set or removed in the pane, saved into the document by saveAsync.
  const pendingSettings: Record<string, unknown> = { ...doc.settings };
  const fail = options.fail ?? {};

  const insertFile = (api: string, base64: string, location: string) => {
    doc.insertedFiles.push({ api, base64, location });
    const controls = controlsOfDocx(Buffer.from(base64, "base64"));
    controls.forEach((c, i) => (c.id = 9000 + doc.controls.length + i));
    if (options.resetTagsOnInsert) for (const c of controls) Object.assign(c, { tag: "", title: "" });
    if (location === "Replace") doc.controls.splice(0, doc.controls.length, ...controls);
    else doc.controls.push(...controls);
  };

  const makeContext = () => {
    const batch = new Batch(log, fail);
    const selectionFacts: RangeFacts = {
      paragraphFont: options.paragraphFont ?? "Calibri",
      textBefore: options.textBefore,
      tagsBefore: options.tagsBefore,
      insideTag: options.insideTag,
    };
    const props = new DocumentProps(batch, options.changeTracking ?? "Off");
    const bodyText = new TextProxy(batch, "Body", () => options.bodyText ?? doc.controls.map((c) => c.text).join(" "));
    const sectionItems = [
      {
        getHeader: (type: string) => {
          batch.call("Section.getHeader", [type]);
          return new TextProxy(batch, "Body", () => options.headerFooter?.[`header:${type}`] ?? "");
        },
        getFooter: (type: string) => {
          batch.call("Section.getFooter", [type]);
          const footer = new TextProxy(batch, "Body", () => options.headerFooter?.[`footer:${type}`] ?? "");
          return Object.assign(footer, {
            clear: () => batch.call("Body.clear", [], () => (doc.footer = [])),
            insertParagraph: (text: string, location: string) => {
              const paragraph = { text, alignment: "", size: 0 };
              batch.call("Body.insertParagraph", [text, location], () => doc.footer.push(paragraph));
              return {
                set alignment(value: string) {
                  batch.call("Paragraph.alignment=", [value], () => (paragraph.alignment = value));
                },
                font: {
                  set size(value: number) {
                    batch.call("Font.size=", [value], () => (paragraph.size = value));
                  },
                },
              };
            },
          });
        },
      },
    ];
    let sectionsLoaded = false;
    return {
      document: {
        load: (p: string) => props.load(p),
        get changeTrackingMode() {
          return props.changeTrackingMode;
        },
        getSelection: () => {
          batch.call("Document.getSelection", []);
          return new RangeProxy(batch, doc, selectionFacts, options.selectedText ?? "");
        },
        get contentControls() {
          return new ContentControlCollectionProxy(batch, doc, () => doc.controls);
        },
        sections: {
          getFirst: () => {
            batch.call("SectionCollection.getFirst", []);
            return sectionItems[0];
          },
          load: (p: string) => batch.call("SectionCollection.load", [p], () => (sectionsLoaded = true)),
          get items() {
            if (!sectionsLoaded) throw new PropertyNotLoaded("SectionCollection", "items");
            return sectionItems;
          },
        },
        body: {
          load: (p: string) => bodyText.load(p),
          get text() {
            return bodyText.text;
          },
          get contentControls() {
            return new ContentControlCollectionProxy(batch, doc, () => doc.controls);
          },
          getOoxml: () => {
            let value: string | undefined;
            batch.call("Body.getOoxml", [], () => (value = options.ooxml ?? ""));
            return {
              get value() {
                if (value === undefined) throw new PropertyNotLoaded("ClientResult", "value");
                return value;
              },
            };
          },
          insertFileFromBase64(base64: string, location: string) {
            batch.call("Body.insertFileFromBase64", [base64, location], () =>
              insertFile("Body.insertFileFromBase64", base64, location),
            );
          },
        },
        insertFileFromBase64(base64: string, location: string, opts?: object) {
          batch.call("Document.insertFileFromBase64", [base64, location, opts], () =>
            insertFile("Document.insertFileFromBase64", base64, location),
          );
        },
      },
      application: {
        createDocument(base64: string) {
          batch.call("Application.createDocument", [base64], () => doc.created.push(base64));
          return {
            open() {
              batch.call("DocumentCreated.open", [], () => doc.opened++);
            },
          };
        },
      },
      sync: () => batch.sync(),
      batch,
    };
  };

  (globalThis as Record<string, unknown>).Word = {
    ChangeTrackingMode: { off: "Off", trackAll: "TrackAll", trackMineOnly: "TrackMineOnly" },
    HeaderFooterType: { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" },
    InsertLocation: { start: "Start", end: "End", replace: "Replace" },
    Alignment: { centered: "Centered", left: "Left" },
    async run<T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      calls.push({ api: "Word.run", args: [] });
      const context = makeContext();
      const result = await callback(context);
      // Word.run syncs what is still queued when the callback returns.
      if (context.batch.queue.length) await context.batch.sync();
      return result;
    },
  };

  const file = options.file;
  (globalThis as Record<string, unknown>).Office = {
    onReady() {
      calls.push({ api: "Office.onReady", args: [] });
      return options.ready ?? Promise.resolve({ host: "Word", platform: "PC" });
    },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      officeTheme: options.themeBackground ? { bodyBackgroundColor: options.themeBackground } : undefined,
      requirements: {
        isSetSupported(set: string, version: string) {
          calls.push({ api: "Requirements.isSetSupported", args: [set, version] });
          if (set === "NestedAppAuth") return Boolean(options.nestedAppAuth) && Number(version) <= 1.1;
          if (set === "DialogOrigin") return Boolean(options.dialogOrigin) && Number(version) <= 1.1;
          return set === "WordApi" && Number(version) <= Number(options.apiVersion ?? "1.3");
        },
      },
      ui: {
        displayDialogAsync(url: string, opts: object, callback: (r: unknown) => void) {
          calls.push({ api: "UI.displayDialogAsync", args: [url, opts] });
          const next = options.dialogs?.shift();
          if (!next) throw new Error("displayDialogAsync: no dialog scripted");
          if ("openError" in next) return callback({ status: "failed", error: next.openError });
          const handlers: Record<string, (arg: unknown) => void> = {};
          callback({
            status: "succeeded",
            value: {
              addEventHandler(type: string, handler: (arg: unknown) => void) {
                calls.push({ api: "Dialog.addEventHandler", args: [type] });
                handlers[type] = handler;
              },
              close() {
                calls.push({ api: "Dialog.close", args: [] });
              },
            },
          });
          // The dialog's page answers later, as a real sign-in would.
          setTimeout(() =>
            "message" in next
              ? handlers.dialogMessageReceived?.({ message: next.message, origin: next.origin ?? new URL(url).origin })
              : handlers.dialogEventReceived?.({ error: next.event }),
          );
        },
      },
      document: {
        // The add-in's settings, saved inside the document (common API, every Word).
        settings: {
          get(name: string) {
            calls.push({ api: "Settings.get", args: [name] });
            return pendingSettings[name] ?? null;
          },
          set(name: string, value: unknown) {
            calls.push({ api: "Settings.set", args: [name, value] });
            pendingSettings[name] = JSON.parse(JSON.stringify(value));
          },
          remove(name: string) {
            calls.push({ api: "Settings.remove", args: [name] });
            delete pendingSettings[name];
          },
          saveAsync(callback?: (r: unknown) => void) {
            calls.push({ api: "Settings.saveAsync", args: [] });
            const failure = options.settingsSaveFails;
            if (!failure) {
              for (const k of Object.keys(doc.settings)) delete doc.settings[k];
              Object.assign(doc.settings, pendingSettings);
            }
            setTimeout(() =>
              callback?.(failure ? { status: "failed", error: failure } : { status: "succeeded", value: undefined }),
            );
          },
        },
        getFileAsync(type: string, opts: { sliceSize: number }, callback: (r: unknown) => void) {
          calls.push({ api: "Document.getFileAsync", args: [type, opts] });
          if (!file)
            return callback({ status: "failed", error: { code: 11001, message: "Opération non prise en charge" } });
          const size = opts.sliceSize;
          const sliceCount = Math.max(1, Math.ceil(file.length / size));
          callback({
            status: "succeeded",
            value: {
              sliceCount,
              getSliceAsync(i: number, cb: (r: unknown) => void) {
                calls.push({ api: "File.getSliceAsync", args: [i] });
                cb({ status: "succeeded", value: { data: Array.from(file.subarray(i * size, (i + 1) * size)) } });
              },
              closeAsync() {
                calls.push({ api: "File.closeAsync", args: [] });
              },
            },
          });
        },
      },
    },
  };
  return { log, doc, controls: doc.controls };
}
