/** The suite Stryker runs against each mutant: unit and host tests (no dev server start-up). */
const base = require("./jest.config");

module.exports = { ...base, roots: ["<rootDir>/test/unit", "<rootDir>/test/host"], collectCoverageFrom: undefined };
