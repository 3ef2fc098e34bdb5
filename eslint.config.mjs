// Lint = the Office add-in rules (eslint-plugin-office-addins: sync/load discipline,
// prettier) plus a fence that keeps src/core free of Office, DOM and Node.
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "test/out/**"] },
  ...officeAddins.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Word: "readonly" },
    },
    rules: { "no-undef": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "path",
            "node:*",
            "os",
            "child_process",
            "../word/*",
            "../../word/*",
            "../taskpane/*",
            "../../taskpane/*",
            "../cli/*",
            "../../cli/*",
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
