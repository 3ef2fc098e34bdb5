// The sender killed outright (SIGKILL, a crash, a power cut) in the middle of a run, then run
// again: every recipient has exactly one message. The command runs as a real process, built
// from src/ for the test, against the test SMTP server on 127.0.0.1.
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CSV, WITH_ADDRESS } from "../helpers/mail-people";
import { startSmtp, TestSmtp } from "../helpers/smtp";
import { readyLetter } from "../fixtures";

const ROOT = path.join(__dirname, "..", "..");
// Inside the repository, so that the built command finds node_modules.
const BUILD = path.join(ROOT, "test", "out", "cli-build");

let dir: string;
let smtp: TestSmtp;
let child: ChildProcess | undefined;

beforeAll(() => {
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", BUILD],
    {
      cwd: ROOT,
    },
  );
  // The same launcher as bin/courriers-ent.js, pointed at this build.
  fs.writeFileSync(path.join(BUILD, "courriers-ent.js"), 'require("./cli/main.js").runFromProcess();\n');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "envoi-kill-"));
  fs.writeFileSync(path.join(dir, "parents.csv"), CSV);
  fs.writeFileSync(path.join(dir, "parents.docx"), readyLetter("parents"));
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function send(): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string }>;
} {
  const proc = spawn(
    process.execPath,
    [
      path.join(BUILD, "courriers-ent.js"),
      "send",
      "parents.csv",
      "--template",
      "parents.docx",
      "--smtp",
      `smtp://secretariat@127.0.0.1:${smtp.port}`,
      "--from",
      "ce.0000000x@ac-exemple.test",
      "--ca",
      "ca.pem",
      "--rate",
      "6000",
    ],
    { cwd: dir, env: { ...process.env, COURRIERS_SMTP_PASSWORD: "s3cret-Été" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  proc.stdout!.on("data", (d) => (stdout += d));
  proc.stderr!.on("data", (d) => (stdout += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child: proc, done };
}

it("killed while the server holds the third message, then run again: everyone exactly once", async () => {
  let killed = false;
  smtp = await startSmtp({
    beforeAccept: async (n) => {
      if (n !== 3 || killed) return;
      // The third message is in the server's hands, not yet accepted: the sender dies now.
      killed = true;
      const exited = new Promise((r) => child!.once("exit", r));
      child!.kill("SIGKILL");
      await exited;
      throw Object.assign(new Error("4.3.0 connection lost"), { responseCode: 451 });
    },
  });
  fs.writeFileSync(path.join(dir, "ca.pem"), smtp.ca);
  const first = send();
  child = first.child;
  const killedRun = await first.done;
  expect(killedRun.stdout).toContain("0 déjà envoyé, 4 à envoyer");
  expect(killedRun.signal).toBe("SIGKILL");
  const journal = fs.readFileSync(path.join(dir, "envoi-parents.jsonl"), "utf8").trim().split("\n");
  expect(journal).toHaveLength(2);
  expect(smtp.received).toHaveLength(2);

  const second = send();
  child = second.child;
  const result = await second.done;
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("2 déjà envoyés, 2 à envoyer");
  const count = new Map<string, number>();
  for (const r of smtp.received) for (const to of r.to) count.set(to, (count.get(to) ?? 0) + 1);
  expect(count).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
  expect(fs.readFileSync(path.join(dir, "envoi-parents.jsonl"), "utf8").trim().split("\n")).toHaveLength(4);
}, 120_000);

it.each(["SIGTERM", "SIGHUP"] as const)(
  "stopped by %s (terminal closed, session ended) like Ctrl+C: the message in hand finishes, nobody twice on the re-run",
  async (signal) => {
    fs.rmSync(path.join(dir, "envoi-parents.jsonl"), { force: true });
    let sent = false;
    await smtp?.close();
    smtp = await startSmtp({
      beforeAccept: async (n) => {
        if (n !== 2 || sent) return;
        sent = true;
        child!.kill(signal);
        await new Promise((r) => setTimeout(r, 200));
      },
    });
    fs.writeFileSync(path.join(dir, "ca.pem"), smtp.ca);
    const first = send();
    child = first.child;
    const stopped = await first.done;
    expect(stopped.signal).toBeNull();
    expect(stopped.stdout).toContain("Interruption demandée");
    const journal = fs.readFileSync(path.join(dir, "envoi-parents.jsonl"), "utf8").trim().split("\n");
    expect(journal).toHaveLength(smtp.received.length);
    const second = send();
    child = second.child;
    expect((await second.done).code).toBe(0);
    const count = new Map<string, number>();
    for (const r of smtp.received) for (const to of r.to) count.set(to, (count.get(to) ?? 0) + 1);
    expect(count).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
  },
  120_000,
);

it("refuses a second run on the same journal while the first is sending, saying who holds it", async () => {
  fs.rmSync(path.join(dir, "envoi-parents.jsonl"), { force: true });
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let started: () => void = () => undefined;
  const sending = new Promise<void>((r) => (started = r));
  await smtp?.close();
  smtp = await startSmtp({
    beforeAccept: async (n) => {
      if (n !== 1) return;
      started();
      await held;
    },
  });
  fs.writeFileSync(path.join(dir, "ca.pem"), smtp.ca);
  const first = send();
  child = first.child;
  await sending;
  const second = await send().done;
  expect(second.code).not.toBe(0);
  expect(second.stdout).toMatch(/Un autre envoi utilise déjà le journal « envoi-parents\.jsonl » \(processus \d+/);
  release();
  expect((await first.done).code).toBe(0);
  expect(fs.existsSync(path.join(dir, "envoi-parents.jsonl.verrou"))).toBe(false);
  const count = new Map<string, number>();
  for (const r of smtp.received) for (const to of r.to) count.set(to, (count.get(to) ?? 0) + 1);
  expect(count).toEqual(new Map(WITH_ADDRESS.map((p) => [p[7], 1])));
}, 120_000);
