/** Unit (core, cli, scripts), host (word/ on the strict Word mock) and start-up tests: Node only. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/unit", "<rootDir>/test/host", "<rootDir>/test/start"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.docx$": "<rootDir>/test/helpers/docx-transform.js",
  },
  moduleFileExtensions: ["ts", "js", "json", "docx"],
  testTimeout: 60000,
  // Every source file counts, tested or not, so the report cannot flatter.
  collectCoverageFrom: ["src/**/*.ts", "!src/**/*.d.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/helpers/setup-merge-check.ts"],
};
