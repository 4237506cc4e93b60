import { writeFileSync } from "node:fs";

/**
 * Preloaded into a measured child (`node -r dist/bench/lib/report-max-rss.js …`): at exit it writes the process's
 * peak resident set size, as the kernel counts it (getrusage ru_maxrss, KiB), and its CPU time, to the file named by BENCH_MAX_RSS_FILE.
 * Portable where /usr/bin/time -v is missing, and it measures the node process alone, not a wrapper.
 */
const target = process.env.BENCH_MAX_RSS_FILE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
