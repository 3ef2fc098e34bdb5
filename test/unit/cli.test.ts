import { run } from "../../src/cli/main";
import { memoryIo } from "./helpers/memory-io";

describe("courriers-ent command line", () => {
  it("prints help in French and exits 0", async () => {
    const io = memoryIo();
    expect(await run(["--help"], io)).toBe(0);
    expect(io.stdout()).toContain("courriers-ent check FICHIER");
    expect(io.stdout()).toContain("courriers-ent merge FICHIER --template");
  });

  it("prints the package version", async () => {
    const io = memoryIo();
    expect(await run(["--version"], io)).toBe(0);
    expect(io.stdout().trim()).toBe(require("../../package.json").version);
  });

  it("rejects an unknown command with exit 2 and no stack trace", async () => {
    const io = memoryIo();
    expect(await run(["imprimer"], io)).toBe(2);
    expect(io.stderr()).toContain("Commande inconnue");
    expect(io.stderr()).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
