/** What a refused call threw (its name, code and message); fails the test when nothing was thrown. */
export function refusal(run: () => unknown): { name: string; code: string; message: string } {
  try {
    run();
  } catch (err) {
    const e = err as { name: string; code: string; message: string };
    return { name: e.name, code: e.code, message: e.message };
  }
  throw new Error("not refused");
}
