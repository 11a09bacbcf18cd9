/**
 * The processor time one call takes, in milliseconds: the least of a few runs. Budgets on
 * work that must not hold the event loop (issue 12) are checked with this, not the wall
 * clock: on a shared machine other work stretches the wall clock, and can only add to the
 * processor time, so the least of a few runs is the work's own cost. `run` gets the run's
 * index, so that a caller can vary its input where a cache would otherwise answer.
 */
export function processorMs(run: (index: number) => unknown, runs = 3): number {
  let least = Infinity;
  for (let index = 0; index < runs; index++) {
    const start = process.cpuUsage();
    run(index);
    const { user, system } = process.cpuUsage(start);
    least = Math.min(least, (user + system) / 1_000);
  }
  return least;
}
