/** Unit (core, cli, scripts) and host (word/ with office-addin-mock) tests: Node only. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/unit", "<rootDir>/test/host"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
};
