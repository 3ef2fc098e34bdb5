/**
 * @jest-environment ./test/helpers/jsdom-environment.js
 */
// An unexpected failure in the pane: one French sentence, and « Copier le détail technique »
// (the stack and its causes) for whoever fixes it; a failure we name has no such link.
import { describeError, messageArea } from "../../src/taskpane/context";
import { RosterError } from "../../src/core/roster";
import { BODY } from "./pane-dom";

beforeEach(() => {
  document.body.innerHTML = BODY;
});

it("offers to copy the technical detail of an unexpected failure, with its cause", async () => {
  const copied: string[] = [];
  Object.defineProperty(navigator, "clipboard", {
    value: { writeText: async (t: string) => void copied.push(t) },
    configurable: true,
  });
  const area = messageArea();
  area.showError(describeError(new TypeError("x is undefined", { cause: new Error("racine") })));
  const message = document.getElementById("message")!;
  expect(message.textContent).toMatch(/^Une erreur inattendue s'est produite \(x is undefined\)\./);
  const link = message.querySelector("button")!;
  expect(link.textContent).toBe("Copier le détail technique");
  link.click();
  await new Promise((r) => setTimeout(r));
  expect(copied[0]).toMatch(/^TypeError: x is undefined\n\s+at [\s\S]*causé par : Error: racine/);
  expect(link.textContent).toBe("Détail copié : collez-le dans votre signalement.");
});

it("shows a failure it names without any technical link", () => {
  messageArea().showError(describeError(new RosterError("empty", "a.csv", "« a.csv » est vide.")));
  expect(document.getElementById("message")!.querySelector("button")).toBeNull();
});
