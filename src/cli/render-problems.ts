import type { ConfigProblem } from "../config/config-problem.ts";

/** Config and policy problems for a terminal: grouped by file, one key per line, then its fix. */
export function renderProblems(problems: readonly ConfigProblem[]): string {
  const byFile = new Map<string, ConfigProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(`✗ ${file}`);
    for (const p of list) lines.push(`  ${p.keyPath}: ${p.problem}`, `    fix: ${p.fix}`);
  }
  return lines.join("\n");
}
