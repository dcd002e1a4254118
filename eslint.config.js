// ESLint (flat config): TypeScript recommended rules plus the layer rules of docs/architecture.md.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

const NODE_BUILTINS = ["fs", "path", "os", "crypto", "util", "child_process", "http", "https", "stream", "zlib", "worker_threads", "url", "buffer", "events"];
const nodeBuiltins = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];
const ui = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const office = ["office-js", "@microsoft/*", "office-addin-*", "office-runtime"];

function layer(files, forbiddenPaths, forbiddenPackages, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: forbiddenPaths, message },
          { group: forbiddenPackages, message },
          { regex: "^node:", message },
        ].filter((p) => (p.group ? p.group.length > 0 : true)),
      }],
    },
  };
}

const excelRunOutsideOffice = {
  selector: "MemberExpression[object.name='Excel'][property.name='run']",
  message: "Only src/host/office calls Excel.run; use the injected WorkbookPort.",
};

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-workbench/**", "node_modules/**", "coverage/**", "bench/node_modules/**", "build/**", "demo/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "no-restricted-syntax": ["error", excelRunOutsideOffice],
    },
  },
  // engine: pure domain. Nothing from other layers, UI, Office or Node; no clock.
  layer(["src/engine/**"], ["**/functions/**", "**/host/**", "**/taskpane/**", "**/cli/**", "**/i18n/**"], [...ui, ...office, "exceljs", ...nodeBuiltins],
    "src/engine is the pure credit domain: it imports nothing outside src/engine."),
  {
    files: ["src/engine/**"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "CustomFunctions", "window", "document", "process"],
      "no-restricted-syntax": ["error", excelRunOutsideOffice,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock in the engine: the as-of date is a parameter." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "No clock in the engine: the as-of date is a parameter." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "No randomness in the engine: pass a seeded generator." },
      ],
    },
  },
  // i18n: catalogues, glossary, locale and Intl formatting. Leaf layer: the engine returns ids and
  // params, the hosts (app, pane, CLI) render them here; so i18n imports no other src layer and
  // stays free of UI, Office and Node, usable by the pane (react-intl) and the CLI alike.
  layer(["src/i18n/**"], ["**/engine/**", "**/functions/**", "**/host/**", "**/app/**", "**/taskpane/**", "**/cli/**"],
    [...ui, ...office, "exceljs", ...nodeBuiltins],
    "src/i18n imports no other src layer (and no UI, Office or Node)."),
  // functions: thin adapters over the engine.
  layer(["src/functions/**"], ["**/host/**", "**/taskpane/**", "**/cli/**"], [...ui, "exceljs", ...nodeBuiltins],
    "src/functions imports only src/engine."),
  // app: the application layer (recognise, validate, read, build sheets, run a review) over the
  // WorkbookPort contract; no adapter, UI, CLI, Office or Node.
  layer(["src/app/**"], ["**/functions/**", "**/taskpane/**", "**/cli/**", "**/host/office/**", "**/host/xlsx/**", "**/host/memory/**"],
    [...ui, ...office, "exceljs", ...nodeBuiltins],
    "src/app imports only src/engine and the WorkbookPort contract of src/host."),
  // host: the port and its adapters; no UI, no CLI, no custom functions, no application layer.
  layer(["src/host/**"], ["**/functions/**", "**/taskpane/**", "**/cli/**", "**/app/**"], ui,
    "src/host imports only src/engine (and its own adapters' libraries)."),
  // task pane and CLI: never each other.
  layer(["src/taskpane/**"], ["**/cli/**", "**/functions/**"], ["exceljs", ...nodeBuiltins],
    "src/taskpane imports src/engine, src/app and src/host only."),
  layer(["src/cli/**"], ["**/taskpane/**", "**/functions/**"], ui,
    "src/cli imports src/engine, src/app and src/host only."),
  {
    files: ["src/host/office/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
