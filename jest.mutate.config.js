/**
 * The suite Stryker runs against each mutant: unit and host tests (no dev server start-up).
 * src/ is a root too, so that Jest's --findRelatedTests can follow imports from a mutated
 * source file to the tests that reach it.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/src", "<rootDir>/test/unit", "<rootDir>/test/host"],
  collectCoverageFrom: undefined,
  // These read src/ as text, which Stryker has rewritten with its instrumentation.
  testPathIgnorePatterns: [
    ...(base.testPathIgnorePatterns ?? ["/node_modules/"]),
    "/test/unit/source-rules\\.test\\.ts$",
    "/test/unit/docs-errors\\.test\\.ts$",
  ],
};
