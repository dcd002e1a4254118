/**
 * Like-for-like engine timing across two versions of the code, in one process with the runs
 * interleaved, so that the machine's drift hits both alike (issue 6: on this 2-core VM the speed
 * drifted by up to 1.7× within a session). The old version is a git worktree:
 *
 *     git worktree add --detach /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *     node --expose-gc -r ts-node/register/transpile-only bench/tools/abReview.ts /tmp/base 1000 100000 15
 *
 * Both versions review the portfolio read by this tree's reader (the Portfolio and Policy types
 * must not have changed in between). Prints the median, minimum and every run of each.
 */
import { performance } from "node:perf_hooks";
import { generatePortfolio } from "../generate";
import { collectGarbage, median, settle } from "../lib/measure";
import { PERIOD_DAYS, readFromCells } from "../lib/pipeline";
import { reviewPortfolio } from "../../src/engine/review/reviewPortfolio";

type Review = typeof reviewPortfolio;

async function main(): Promise<void> {
  const [oldTree, customersArg, invoicesArg, runsArg] = process.argv.slice(2);
  if (!oldTree) throw new Error("usage: abReview.ts <old tree> [customers] [invoices] [runs]");
  // A path only known at run time: require, not import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reviewOld = (require(`${oldTree}/src/engine/review/reviewPortfolio`) as { reviewPortfolio: Review }).reviewPortfolio;
  const { snapshot, asOf } = await generatePortfolio({ customers: Number(customersArg ?? 1000), invoices: Number(invoicesArg ?? 100000) });
  const read = readFromCells(snapshot);
  const versions: [string, Review][] = [["old", reviewOld], ["new", reviewPortfolio]];
  const times = new Map<string, number[]>(versions.map(([name]) => [name, []]));
  const runs = Number(runsArg ?? 15);
  for (let i = 0; i < runs; i++) {
    for (const [name, review] of i % 2 === 0 ? versions : [...versions].reverse()) {
      collectGarbage();
      await settle();
      const start = performance.now();
      const result = review(read.portfolio, read.policy, { asOf, periodDays: PERIOD_DAYS });
      times.get(name)?.push(performance.now() - start);
      if (!result.ok) throw new Error(`${name}: review failed`);
    }
  }
  for (const [name, ms] of times) {
    process.stdout.write(`${name}: median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)} ms, runs ${ms.map((x) => x.toFixed(0)).join(" ")}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
