// jsdom for the pane's view tests, with Stryker's mixin so that mutation testing sees which
// of these tests cover which mutant (it does nothing in a plain Jest run).
const { TestEnvironment } = require("jest-environment-jsdom");
const { mixinJestEnvironment } = require("@stryker-mutator/jest-runner");

module.exports = mixinJestEnvironment(TestEnvironment);
