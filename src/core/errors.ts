// The one error model: every failure a user can meet is a CourriersError with a stable
// `code` (for tests, the CLI's --json and exit codes, the pane's choice of message), a
// French `message` naming the file, row or part and saying what to do, and the `cause`.

export class CourriersError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * Malformed XML met while scanning a part. The scanner does not know which part it reads:
 * the engine catches it and says which template part is damaged (MergeError "bad-template").
 */
export class XmlError extends CourriersError {
  constructor(
    readonly element: string,
    readonly offset: number,
  ) {
    super("bad-xml", `l'élément <${element}> n'est pas fermé (position ${offset})`);
  }
}

/** A broken promise inside the program: reported, never shown as a stack trace. */
export class InternalError extends CourriersError {
  constructor(what: string) {
    super(
      "internal",
      `Erreur interne de Courriers ENT (${what}). Rechargez le complément ; si elle revient, signalez-la.`,
    );
  }
}

/**
 * The technical detail of a failure, for whoever fixes it (never shown in a message):
 * every stack down the chain of causes. The CLI prints it with COURRIERS_DEBUG=1; the pane
 * offers to copy it.
 */
export function technicalDetail(err: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    lines.push(depth ? `causé par : ${text}` : text);
    e = (e as { cause?: unknown }).cause;
  }
  return lines.join("\n");
}

/**
 * `err` with `earlier` hung under the last error of its chain of causes: a failure that
 * followed another keeps both in the technical detail. A chain ending on something else
 * than an error (a text) is left as it is; a chain deeper than technicalDetail reads, too.
 */
export function withEarlier(err: unknown, earlier: unknown): unknown {
  let last: unknown = err;
  for (let depth = 0; depth < 5 && last instanceof Error && last.cause instanceof Error; depth++) last = last.cause;
  if (last instanceof Error && last.cause === undefined)
    Object.defineProperty(last, "cause", { value: earlier, configurable: true, writable: true });
  return err;
}
