/**
 * Jest globalSetup of the browser project: builds the workbench page once for every browser test
 * file of the run (each file serves dist-workbench/ and drives it), instead of once per file.
 */
import { build } from "../../scripts/workbench";

export default async function buildWorkbench(): Promise<void> {
  const built = await build();
  // The build time is reported, not asserted (it depends on the machine).
  process.stdout.write(`workbench built in ${(built.ms / 1000).toFixed(1)} s\n`);
}
