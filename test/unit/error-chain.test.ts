// A failure that follows another keeps both: withEarlier hangs the earlier one at the end
// of the later one's chain of causes, which technicalDetail then reads whole.
import { technicalDetail, withEarlier } from "../../src/core/errors";

const chain = (err: unknown) => {
  const out: unknown[] = [];
  for (let e = err, i = 0; e !== undefined && i < 10; i++) {
    out.push(e instanceof Error ? e.message : e);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
};

describe("withEarlier", () => {
  it("hangs the earlier failure under an error without a cause", () => {
    const err = new Error("dialogue");
    expect(withEarlier(err, new Error("silencieux"))).toBe(err);
    expect(chain(err)).toEqual(["dialogue", "silencieux"]);
  });

  it("hangs it under the last error of a longer chain", () => {
    const err = new Error("dialogue", { cause: new Error("AADSTS65001", { cause: new Error("réseau") }) });
    withEarlier(err, new Error("imbriquée"));
    expect(chain(err)).toEqual(["dialogue", "AADSTS65001", "réseau", "imbriquée"]);
    expect(technicalDetail(err).split("\ncausé par : ")).toHaveLength(4);
  });

  it("leaves a chain ending on a text as it is, and a failure that is no error", () => {
    const err = new Error("dialogue", { cause: "AADSTS50194" });
    withEarlier(err, new Error("imbriquée"));
    expect(chain(err)).toEqual(["dialogue", "AADSTS50194"]);
    expect(withEarlier("texte", new Error("imbriquée"))).toBe("texte");
  });

  it("stops in a chain that loops, and in one deeper than the detail reads", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b, configurable: true, writable: true });
    expect(withEarlier(a, new Error("x"))).toBe(a);
    expect(chain(a).slice(0, 4)).toEqual(["a", "b", "a", "b"]);
    let deep = new Error("e0");
    const top = deep;
    for (let i = 1; i <= 6; i++) {
      const next = new Error(`e${i}`);
      Object.defineProperty(deep, "cause", { value: next, configurable: true, writable: true });
      deep = next;
    }
    withEarlier(top, new Error("x"));
    expect(deep.cause).toBeUndefined();
    const five = new Error("f0", {
      cause: new Error("f1", { cause: new Error("f2", { cause: new Error("f3", { cause: new Error("f4") }) }) }),
    });
    withEarlier(five, new Error("x"));
    expect(chain(five)).toEqual(["f0", "f1", "f2", "f3", "f4", "x"]);
  });
});
