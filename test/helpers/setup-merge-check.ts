// Every merge a test makes (unit, CLI, host) goes through the output checker: the engine's
// mergeLetters and mergeSteps are wrapped here, once, so no test can forget it.
import { assertValidDocx } from "./check-docx";

jest.mock("../../src/core/merge/merge", () => {
  const actual = jest.requireActual("../../src/core/merge/merge");
  return {
    ...actual,
    mergeLetters: (...args: unknown[]) => {
      const result = actual.mergeLetters(...args);
      assertValidDocx(result.docx);
      return result;
    },
    mergeSteps: function* (...args: unknown[]) {
      const result = yield* actual.mergeSteps(...args);
      assertValidDocx(result.docx);
      return result;
    },
  };
});
