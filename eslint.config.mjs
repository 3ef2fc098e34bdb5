// Lint = the Office add-in rules (eslint-plugin-office-addins: sync/load discipline,
// prettier) plus a fence that keeps src/core free of Office, DOM and Node.
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "test/out/**", ".stryker-tmp/**", "reports/**"],
  },
  ...officeAddins.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Word: "readonly" },
    },
    rules: { "no-undef": "off" },
  },
  // Boundaries: a folder's index is its only door, and arrows point inward only
  // (taskpane → word → core, cli → core).
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["fs", "path", "node:*", "os", "child_process"], message: "src/core runs in the pane: no Node." },
            {
              group: ["**/word", "**/word/**", "**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**"],
              message: "core imports nothing outside core.",
            },
            { group: ["../*/*", "!../../*", "../../*/*"], message: "Import another folder through its index." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Word",
        "document",
        "window",
        "localStorage",
        "process",
        "Buffer",
        "require",
      ],
    },
  },
  {
    files: ["src/word/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../core/*/*"], message: "Import core folders through their index." },
            { group: ["**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**"], message: "word/ knows only core/." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../core/*/*", "../word/*"], message: "Import core and word through their index." },
            { group: ["**/cli", "**/cli/**"], message: "The pane does not use the command line." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../core/*/*", "../../core/*/*"], message: "Import core folders through their index." },
            {
              group: ["**/word", "**/word/**", "**/taskpane", "**/taskpane/**"],
              message: "The CLI runs on core/ only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Word", "localStorage", "sessionStorage", "indexedDB"],
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: values come from the file." },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // The plugin's own config names @typescript-eslint/parser through a default import that
  // resolves to undefined, so the TypeScript parser is set here.
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
  },
];
