/* A test-only stand-in for office.js and Word, served in place of the Office CDN script by
   the end-to-end test (never part of dist/). It keeps a real .docx as "the document":
   inserting a ready letter replaces it, inserted fields are appended to it, getFileAsync
   returns it, createDocument records what the pane hands to Word. */
(() => {
  "use strict";
  const stub = {
    parts: null, // name → Uint8Array of the current document
    controls: [], // content controls of the document, in order
    inserted: [], // fields inserted through the pane (appended to the document)
    insertedTexts: [],
    created: [],
    syncs: 0,
    failOpen: false,
    lastWasField: false,
  };
  window.__wordStub = stub;
  // A test may take these away from the pane (Edge Legacy has neither): it leaves them here.
  const encoding = window.__stubEncoding || { TextEncoder, TextDecoder };
  const enc = new encoding.TextEncoder();
  const dec = new encoding.TextDecoder();

  // --- zip (read: stored and deflated entries; write: stored) ---
  async function inflateRaw(data) {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function unzip(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const files = {};
    for (let i = 0; i < count; i++) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLen = view.getUint16(at + 28, true);
      const extraLen = view.getUint16(at + 30, true);
      const commentLen = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = dec.decode(bytes.subarray(at + 46, at + 46 + nameLen));
      const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(dataAt, dataAt + size);
      files[name] = method === 0 ? data.slice() : await inflateRaw(data);
      at += 46 + nameLen + extraLen + commentLen;
    }
    return files;
  }
  const CRC = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  function crc32(data) {
    let c = 0xffffffff;
    for (const b of data) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  function zipStore(files) {
    const chunks = [];
    const central = [];
    let offset = 0;
    for (const [name, data] of Object.entries(files)) {
      const n = enc.encode(name);
      const crc = crc32(data);
      const local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, n.length, true);
      chunks.push(new Uint8Array(local.buffer), n, data);
      const cd = new DataView(new ArrayBuffer(46));
      cd.setUint32(0, 0x02014b50, true);
      cd.setUint16(4, 20, true);
      cd.setUint16(6, 20, true);
      cd.setUint32(16, crc, true);
      cd.setUint32(20, data.length, true);
      cd.setUint32(24, data.length, true);
      cd.setUint16(28, n.length, true);
      cd.setUint32(42, offset, true);
      central.push(new Uint8Array(cd.buffer), n);
      offset += 30 + n.length + data.length;
    }
    const size = central.reduce((s, c) => s + c.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, Object.keys(files).length, true);
    end.setUint16(10, Object.keys(files).length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    const all = [...chunks, ...central, new Uint8Array(end.buffer)];
    const out = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
    let at = 0;
    for (const c of all) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  const b64ToBytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

  // --- the document model ---
  let nextId = 100;
  class Control {
    constructor(tag, text) {
      this.id = nextId++;
      this.tag = tag;
      this.title = "";
      this.text = text;
      this.appearance = "";
      this.font = { name: "", color: "" };
    }
    load() {
      return this;
    }
    insertText(text) {
      this.text = text;
      return new Range(text);
    }
    getRange() {
      return new Range("");
    }
  }
  class Range {
    constructor(text) {
      this.text = text;
      this.paragraphs = { getFirst: () => new Range("") };
      this.parentContentControlOrNullObject = { isNullObject: true, tag: "", load() {} };
      this.contentControls = { items: [], load() {} };
    }
    load() {
      return this;
    }
    getRange() {
      return new Range("");
    }
    expandTo() {
      const r = new Range(stub.lastWasField ? "«champ»" : "");
      if (stub.lastWasField) r.contentControls.items = [stub.inserted[stub.inserted.length - 1]];
      return r;
    }
    insertText(text) {
      stub.insertedTexts.push(text);
      if (text === " ") stub.inserted.push({ space: true });
      return new Range(text);
    }
    insertContentControl() {
      const control = new Control("", this.text);
      stub.controls.push(control);
      stub.inserted.push(control);
      stub.lastWasField = true;
      return control;
    }
    select() {}
  }

  function controlsOf(xml) {
    const out = [];
    for (const m of xml.matchAll(
      /<w:sdt>[\s\S]*?<w:tag w:val="([^"]*)"\/>[\s\S]*?<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/g,
    )) {
      const text = [...m[2].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
      out.push(new Control(m[1], text.replace(/&apos;/g, "'").replace(/&amp;/g, "&")));
    }
    return out;
  }

  async function setDocument(base64) {
    stub.parts = await unzip(b64ToBytes(base64));
    stub.controls = controlsOf(dec.decode(stub.parts["word/document.xml"]));
    stub.inserted = [];
    stub.lastWasField = false;
  }

  function currentDocx() {
    const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const runs = stub.inserted
      .map((c) =>
        c.space
          ? '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
          : `<w:sdt><w:sdtPr><w:alias w:val="${esc(c.title)}"/><w:tag w:val="${esc(c.tag)}"/></w:sdtPr><w:sdtContent><w:r><w:t>${esc(c.text)}</w:t></w:r></w:sdtContent></w:sdt>`,
      )
      .join("");
    const parts = { ...stub.parts };
    if (runs) {
      const xml = dec.decode(parts["word/document.xml"]);
      const at = xml.lastIndexOf("<w:sectPr");
      parts["word/document.xml"] = enc.encode(`${xml.slice(0, at)}<w:p>${runs}</w:p>${xml.slice(at)}`);
    }
    return zipStore(parts);
  }

  let queue = [];
  const context = {
    document: {
      getSelection: () => new Range(""),
      contentControls: {
        get items() {
          return stub.controls;
        },
        load() {},
      },
      // Change tracking is off (WordApi 1.4).
      changeTrackingMode: "Off",
      load() {},
      body: {
        load() {},
        get text() {
          return stub.controls.map((c) => c.text).join(" ");
        },
        contentControls: {
          get items() {
            return stub.controls;
          },
          load() {},
        },
        getOoxml: () => ({ value: "" }),
        insertFileFromBase64: (b64) => queue.push(() => setDocument(b64)),
      },
      insertFileFromBase64: (b64) => queue.push(() => setDocument(b64)),
    },
    application: {
      createDocument: (b64) => ({
        open: () =>
          queue.push(async () => {
            if (stub.failOpen) throw new Error("Ouverture refusée par l'hôte (test)");
            stub.created.push(b64);
          }),
      }),
    },
    async sync() {
      stub.syncs++;
      const ops = queue;
      queue = [];
      for (const op of ops) await op();
    },
  };

  // Nested app authentication as Office provides it (NestedAppAuth 1.1): MSAL's bridge,
  // answered with a test token for the signed-in secretary. Office itself would ask Microsoft;
  // here nothing leaves the machine. `stub.naa.requests` lists what MSAL asked.
  const naa = { requests: [], user: "secretariat@college.example", token: "jeton-1" };
  stub.naa = naa;
  const b64url = (o) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const bridgeListeners = [];
  window.nestedAppAuthBridge = {
    addEventListener: (type, fn) => bridgeListeners.push(fn),
    removeEventListener: (type, fn) => bridgeListeners.splice(bridgeListeners.indexOf(fn), 1),
    postMessage(text) {
      const request = JSON.parse(text);
      naa.requests.push(request.method);
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        aud: request.tokenParams ? request.tokenParams.clientId : "",
        iss: "https://login.microsoftonline.com/tid/v2.0",
        oid: "uid",
        tid: "tid",
        sub: "uid",
        name: "Secrétariat",
        preferred_username: naa.user,
        iat: now,
        nbf: now,
        exp: now + 3600,
      };
      const answer =
        request.method === "GetInitContext"
          ? { initContext: { sdkName: "office-stub", sdkVersion: "1.0", capabilities: { queryAccount: false } } }
          : {
              token: {
                access_token: naa.token,
                id_token: `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.c2ln`,
                expires_in: 3600,
                scope: request.tokenParams ? request.tokenParams.scope : "",
              },
              account: {
                environment: "login.microsoftonline.com",
                homeAccountId: "uid.tid",
                localAccountId: "uid",
                tenantId: "tid",
                username: naa.user,
                name: "Secrétariat",
              },
            };
      const response = { messageType: "NestedAppAuthResponse", requestId: request.requestId, success: true, ...answer };
      setTimeout(() => bridgeListeners.forEach((fn) => fn({ data: JSON.stringify(response) })), 0);
    },
  };

  window.Word = { run: async (callback) => callback(context), ChangeTrackingMode: { off: "Off" } };
  window.Office = {
    onReady: () => Promise.resolve({ host: "Word", platform: "PC" }),
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported: (set, version) =>
          (set === "WordApi" && parseFloat(version) <= 1.5) || (set === "NestedAppAuth" && parseFloat(version) <= 1.1),
      },
      document: {
        // The add-in's settings, saved with the document (the preview records itself there).
        settings: {
          values: {},
          get(name) {
            return name in this.values ? this.values[name] : null;
          },
          set(name, value) {
            this.values[name] = JSON.parse(JSON.stringify(value));
          },
          remove(name) {
            delete this.values[name];
          },
          saveAsync(callback) {
            stub.settings = JSON.parse(JSON.stringify(this.values));
            setTimeout(() => callback && callback({ status: "succeeded" }), 0);
          },
        },
        getFileAsync(type, options, callback) {
          if (!stub.parts) return callback({ status: "failed", error: { code: 11001, message: "document vide" } });
          const file = currentDocx();
          const size = options.sliceSize;
          callback({
            status: "succeeded",
            value: {
              sliceCount: Math.ceil(file.length / size),
              getSliceAsync: (i, cb) =>
                cb({ status: "succeeded", value: { data: Array.from(file.subarray(i * size, (i + 1) * size)) } }),
              closeAsync() {},
            },
          });
        },
      },
    },
  };
})();
