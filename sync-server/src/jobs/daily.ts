/**
 * The server's daily jobs (design.md, Security: retention rules run by the server): each runs
 * once when the server starts, then every day. A failing job is logged and tried again the next
 * day; it never stops the server. The timer does not keep the process alive.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface DailyJob {
  name: string;
  run(): Promise<unknown>;
}

export interface DailyJobs {
  /** Settles when the current round of jobs has finished. */
  idle(): Promise<void>;
  stop(): void;
}

export function startDailyJobs(
  jobs: readonly DailyJob[],
  options: { intervalMs?: number; log?: (line: string) => void } = {},
): DailyJobs {
  const log = options.log ?? ((line: string) => console.log(line));
  let round: Promise<void> = Promise.resolve();
  const runAll = () => {
    round = round.then(async () => {
      for (const job of jobs) {
        try {
          await job.run();
        } catch (error) {
          log(`Tâche quotidienne « ${job.name} » en échec : ${(error as Error).name}`);
        }
      }
    });
  };
  runAll();
  const timer = setInterval(runAll, options.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    idle: () => round,
    stop: () => clearInterval(timer),
  };
}
