/** What a call threw; fails the test when nothing was thrown. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error("not refused");
}

/** What a refused call threw (its name, code and message); fails the test when nothing was thrown. */
export function refusal(run: () => unknown): { name: string; code: string; message: string } {
  const e = thrown(run) as { name: string; code: string; message: string };
  return { name: e.name, code: e.code, message: e.message };
}
