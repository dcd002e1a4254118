/** The version the CLI reports and stamps on its outputs (package.json's). */
import packageJson from "../../package.json";

export const VERSION: string = packageJson.version;
