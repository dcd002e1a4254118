/** Jest: unit and formula tests in Node, React components in jsdom, browser tests in real Chromium. */
// Type checking is `npm run typecheck` (tsc); ts-jest only transpiles, which keeps the suite fast.
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] };
const setupFiles = ["<rootDir>/test/support/customFunctionsStub.ts"];

/** @type {import("jest").Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/test/browser/"],
      setupFiles,
      transform,
    },
    {
      displayName: "ui",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.tsx"],
      setupFiles,
      transform,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      // The workbench page is built once for all browser test files (test/support/buildWorkbench.ts).
      globalSetup: "<rootDir>/test/support/buildWorkbench.ts",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      setupFiles,
      transform,
    },
  ],
};
