/** Unit (core, cli, scripts) and host (word/ with office-addin-mock) tests: Node only. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/unit", "<rootDir>/test/host", "<rootDir>/test/start"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
  // office-addin-mock requires office-addin-manifest only for its OfficeApp enum; the real
  // package pulls ES-module dependencies Jest cannot load.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/host/office-addin-manifest-stub.js" },
};
