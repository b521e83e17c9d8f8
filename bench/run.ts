/**
 * `npm run bench [name…]`: runs every benchmark, or only the named ones. Each benchmark lives in
 * its own file and is registered here.
 */
import { runAckBench } from "./ack-bench.ts";
import { runContextBench } from "./context-bench.ts";
import { runDiffBench } from "./diff-bench.ts";
import { runFlowRecordBench } from "./flow-record-bench.ts";
import { runIncrementalBench } from "./incremental-bench.ts";
import { runLlmCacheBench } from "./llm-cache-bench.ts";
import { runLlmTokenBench } from "./llm-token-bench.ts";
import { runQueueBench } from "./queue-bench.ts";
import { runReviewEffortBench } from "./review-effort-bench.ts";
import { runSecretScanBench } from "./secret-scan-bench.ts";
import { runSummarySizeBench } from "./summary-size-bench.ts";

const BENCHES: Record<string, () => void | Promise<void>> = {
  ack: runAckBench,
  context: runContextBench,
  diff: runDiffBench,
  "flow-record": runFlowRecordBench,
  "llm-tokens": runLlmTokenBench,
  "llm-cache": runLlmCacheBench,
  incremental: runIncrementalBench,
  "review-effort": runReviewEffortBench,
  "summary-size": runSummarySizeBench,
  queue: runQueueBench,
  secrets: runSecretScanBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  throw new Error(
    `Unknown benchmark(s): ${unknown.join(", ")}. Expected some of: ${Object.keys(BENCHES).join(", ")}.`,
  );
}
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## Benchmark: ${name} (Node ${process.version})`);
  await run();
}
