/** End to end: the built pane (dist/) in Debian's Chromium with a stub of Office/Word. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 300000,
};
