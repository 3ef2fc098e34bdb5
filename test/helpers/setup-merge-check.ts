// Every merge a test makes (unit, CLI, host) goes through the output checker: the engine's
// mergeLetters is wrapped here, once, so no test can forget it.
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
  };
});
