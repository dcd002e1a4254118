// Entry of one benchmark child process: TypeScript through ts-node (transpile only), then bench/child.ts.
require("ts-node").register({ transpileOnly: true, project: require("path").join(__dirname, "..", "tsconfig.json") });
require("./child.ts");
