/* Webpack: the task pane (React) and the custom functions, in ONE shared runtime page.
 * taskpane.html loads functions.js and taskpane.js; functions.json is generated from the
 * JSDoc of the custom-function files (SOURCE_FILES of scripts/functions-metadata.js: functions.ts and
 * modelFunctions.ts) by custom-functions-metadata-plugin, whose loader appends the
 * CustomFunctions.associate calls to each of those files; every one is an entry of the functions bundle.
 * ADDIN_URL (default https://localhost:3000/) rewrites the manifest's URLs for deployment, and the
 * manifest's <Version> follows package.json (scripts/package.js renderManifest). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { version } = require("./package.json");
const { DEV_URL, parseAddinUrl, renderManifest } = require("./scripts/package.js");
const { SOURCE_FILES } = require("./scripts/functions-metadata.js");
const { LocalizedFunctionsPlugin } = require("./scripts/localizeFunctions.js");
const FUNCTION_FILES = SOURCE_FILES.map((file) => `./${file}`);

/** Shared module rules, reused by webpack.workbench.js. */
const rules = [
  {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
  },
];

async function httpsOptions() {
  try {
    // Trusted localhost certificates for sideloading; only needed by `npm start`.
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e.message}); serving with a self-signed certificate`);
    return {};
  }
}

/** The functions layer: precompiled review-words catalogues, and the ICU parser's no-parser entry. */
const FUNCTION_LAYER_RULES = [
  { test: /review-words\.[\w-]+\.json$/, issuerLayer: "functions", use: path.resolve(__dirname, "scripts/icu-ast-loader.js") },
  { issuerLayer: "functions", resolve: { alias: { "@formatjs/icu-messageformat-parser$": "@formatjs/icu-messageformat-parser/no-parser" } } },
];

module.exports = async (env, options) => {
  const isDev = options.mode === "development";
  const parsedUrl = parseAddinUrl(process.env.ADDIN_URL || DEV_URL);
  if (!parsedUrl.ok) throw new Error(parsedUrl.error);
  const addinUrl = parsedUrl.value;
  return {
    devtool: isDev ? "source-map" : false,
    entry: {
      // The functions in their own layer: their catalogue (the review words) is compiled to ASTs at
      // build time and FormatJS's ICU parser left out of functions.js (60 KB gzip budget, check-dist.js).
      functions: { import: FUNCTION_FILES, layer: "functions" },
      taskpane: "./src/taskpane/index.tsx",
      // The pane's scan and review compute off the page's thread (src/taskpane/worker/engineJobs.ts
      // starts it as engineWorker.js beside taskpane.html); not a chunk of taskpane.html.
      engineWorker: "./src/taskpane/worker/engineWorker.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [...rules, ...FUNCTION_LAYER_RULES] },
    experiments: { layers: true },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(version) }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      // Chinese Excel's metadata (the manifest's zh-CN override), from functions.json and src/i18n/functions.zh-CN.json.
      new LocalizedFunctionsPlugin({ input: "functions.json", output: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions and the pane live in the same page.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => renderManifest(content.toString(), { addinUrl, version }),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: isDev ? await httpsOptions() : {} },
      port: 3000,
    },
  };
};

module.exports.rules = rules;
