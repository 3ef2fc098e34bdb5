// `npm start` on a fresh clone (Linux): the HTTPS dev server comes up, says how to load the
// manifest, and serves the pane and its script. Started on a free port, then stopped.
import { ChildProcess, spawn } from "child_process";
import * as https from "https";
import * as net from "net";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GET over HTTPS; the development certificate is self-made, so it is not verified here. */
function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
      })
      .on("error", reject);
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start s'est arrêté (code ${child.exitCode}) :\n${log()}`);
    try {
      const res = await get(url);
      if (res.status === 200) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} ne répond pas après ${ms} ms :\n${log()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const linux = process.platform === "linux" ? it : it.skip;

linux("serves the pane over HTTPS and prints how to upload the manifest", async () => {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env: { ...process.env, DEV_SERVER_PORT: String(port) },
    detached: true, // its own process group, so webpack goes down with it
  });
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  try {
    const html = await waitFor(`https://localhost:${port}/taskpane.html`, child, () => output, 120000);
    expect(html.type).toMatch(/text\/html/);
    expect(html.body).toContain('<html lang="fr">');
    expect(html.body).toMatch(/<script defer(="defer")? src="taskpane\.js"><\/script>/);
    const js = await get(`https://localhost:${port}/taskpane.js`);
    expect(js.status).toBe(200);
    expect(js.body.length).toBeGreaterThan(10000);
    expect(js.body).toContain("Créer les courriers");
    expect(output).toContain(`https://localhost:${port}/`);
    expect(output).toContain("Charger mon complément");
    expect(output).toContain(path.join(ROOT, "manifest.xml"));
    expect(output).not.toMatch(/ENOENT|Error:|\n\s+at /);
    // The development tool's English lines are labelled as its own.
    for (const line of output
      .split("\n")
      .filter((l) => /\b(compiled|webpack)\b/i.test(l) && !l.includes("Courriers ENT")))
      expect(line).toMatch(/^\s+\[webpack\] |Les lignes \[webpack\]/);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
});

linux("says in one French sentence what to do when the port is taken, and labels the tool's own lines", async () => {
  const port = await freePort();
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(port, resolve));
  try {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
      cwd: ROOT,
      env: { ...process.env, DEV_SERVER_PORT: String(port) },
    });
    let output = "";
    child.stdout!.on("data", (c) => (output += c));
    child.stderr!.on("data", (c) => (output += c));
    const code = await new Promise((r) => child.once("exit", r));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Courriers ENT : le port ${port} est déjà utilisé : un autre « npm start » tourne sans doute. Arrêtez-le (Ctrl+C dans son terminal), ou choisissez un autre port : DEV_SERVER_PORT=${port + 1} npm start.`,
    );
  } finally {
    await new Promise((r) => taken.close(r));
  }
});
