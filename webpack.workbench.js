/* Webpack for the workbench page (npm run workbench): the real task pane beside a sheet viewer of
 * an in-memory workbook, in a plain browser (no Office). Development mode, ts-loader with
 * transpileOnly (the rules of webpack.config.js), output in dist-workbench/. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { rules } = require("./webpack.config.js");
const { version } = require("./package.json");

/** @returns {import("webpack").Configuration} */
module.exports = () => ({
  mode: "development",
  // No source maps: the workbench is for looking at the pane, and this keeps the build quick.
  devtool: false,
  context: __dirname,
  // engineWorker: the pane's engine worker (src/taskpane/worker), started as engineWorker.js beside the page.
  entry: { workbench: "./workbench/index.tsx", engineWorker: "./src/taskpane/worker/engineWorker.ts" },
  output: { path: path.resolve(__dirname, "dist-workbench"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules },
  performance: { hints: false },
  infrastructureLogging: { level: "warn" },
  plugins: [
    new webpack.DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(`${version}-workbench`) }),
    new HtmlWebpackPlugin({ filename: "index.html", template: "./workbench/workbench.html", chunks: ["workbench"] }),
  ],
});
