import { addedLines } from "../../diff/added-lines.ts";
import type { DiffFile } from "../../diff/diff-model.ts";
import { baseName, isProseFile, isTestFile } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { codeSnippet } from "../code-snippet.ts";
import { isProhibition } from "../is-prohibition.ts";
import { ruleFinding } from "../rule-finding.ts";
import { INFRA_RULES } from "./infra-rules.ts";

const IAC_KINDS: readonly { kind: string; test: (path: string, file: DiffFile) => boolean }[] = [
  { kind: "Terraform", test: (path) => /\.(tf|tfvars|hcl)$/.test(path) },
  {
    kind: "Dockerfile",
    test: (path) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i.test(baseName(path)),
  },
  { kind: "Compose", test: (path) => /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(baseName(path)) },
  {
    kind: "Helm",
    test: (path) => /(^|\/)Chart\.yaml$|(^|\/)charts?\/.+\/(templates\/.+|values[\w.-]*\.ya?ml)$/.test(path),
  },
  { kind: "Kubernetes", test: (path, file) => /\.ya?ml$/.test(path) && isKubernetesManifest(file) },
  {
    kind: "CloudFormation/SAM",
    test: (path, file) =>
      /\.(ya?ml|json|template)$/.test(path) &&
      mentions(file, /AWSTemplateFormatVersion|Transform:\s*AWS::Serverless/),
  },
  {
    kind: "Pulumi/Serverless",
    test: (path) => /^(Pulumi(\.[\w-]+)?\.ya?ml|serverless\.ya?ml)$/.test(baseName(path)),
  },
];

const DESTRUCTIVE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bDROP\s+(TABLE|DATABASE|SCHEMA)\b/i, what: "drops a table, database or schema" },
  { pattern: /\bTRUNCATE\s+(TABLE\s+)?\w/i, what: "deletes every row of a table" },
  { pattern: /\bDELETE\s+FROM\s+[\w."`]+\s*;/i, what: "deletes every row (no WHERE clause)" },
  {
    pattern: /\bterraform\s+(destroy|apply\s+[^\n]*-auto-approve)/i,
    what: "destroys or changes infrastructure without review",
  },
  {
    pattern:
      /\brm\s+-(rf|fr|r\s+-f|f\s+-r)\s+("?\/"?(\s|$|\*)|~\/?(\s|$)|\$\{?HOME\}?\/?(\s|$)|"?\$\{?\w+\}?"?\/(\*|\s|$))/,
    what: "deletes a root, home or variable-prefixed directory recursively",
  },
  { pattern: /\bkubectl\s+delete\b/, what: "deletes Kubernetes resources" },
  { pattern: /\bhelm\s+(uninstall|delete)\b/, what: "removes a deployed release" },
  { pattern: /\bgit\s+push\s+[^\n]*(--force|-f)\b/, what: "rewrites published git history" },
];
const MIGRATION_PATH = /(^|\/)(migrations?|db\/migrate|alembic\/versions|flyway|liquibase)\//i;

/**
 * Infrastructure-as-code and deploy files, destructive statements on added lines, and deleted
 * migrations: changes whose mistakes take production down or lose data, not just fail a test.
 */
export const infraChanges: Analyzer = {
  id: "infra-changes",
  run({ files }) {
    const findings: Finding[] = [];
    const iac = new Map<string, string[]>();
    for (const file of files) {
      if (file.binary) continue;
      const kind = IAC_KINDS.find((candidate) => candidate.test(file.path, file))?.kind;
      if (kind) iac.set(kind, [...(iac.get(kind) ?? []), file.path]);
      if (file.status === "removed" && MIGRATION_PATH.test(file.path)) {
        findings.push(
          ruleFinding(INFRA_RULES.migrationDeleted, {
            title: `Database migration deleted: ${file.path}`,
            message: `\`${file.path}\` is removed. ${INFRA_RULES.migrationDeleted.why} ${INFRA_RULES.migrationDeleted.fix}`,
            path: file.path,
            line: null,
            side: "LEFT",
          }),
        );
      }
      if (isProseFile(file.path) || isTestFile(file.path)) continue;
      for (const { line, content } of addedLines(file)) {
        const destructive = DESTRUCTIVE.find((rule) => {
          const match = rule.pattern.exec(content);
          return match !== null && !isProhibition(content, match.index);
        });
        if (!destructive) continue;
        findings.push(
          ruleFinding(INFRA_RULES.destructive, {
            message: `\`${codeSnippet(content)}\` ${destructive.what}. ${INFRA_RULES.destructive.fix}`,
            path: file.path,
            line,
          }),
        );
      }
    }
    for (const [kind, paths] of iac) {
      const shown = paths
        .slice(0, 5)
        .map((path) => `\`${path}\``)
        .join(", ");
      const more = paths.length > 5 ? ` and ${paths.length - 5} more` : "";
      findings.push(
        ruleFinding(INFRA_RULES.iac, {
          title: `Infrastructure change (${kind})`,
          message: `Changed: ${shown}${more}. ${INFRA_RULES.iac.why} ${INFRA_RULES.iac.fix}`,
        }),
      );
    }
    return findings;
  },
};

function isKubernetesManifest(file: DiffFile): boolean {
  return mentions(file, /^\s*apiVersion\s*:/) && mentions(file, /^\s*kind\s*:\s*[A-Z]\w+/);
}

function mentions(file: DiffFile, pattern: RegExp): boolean {
  return file.hunks.some((hunk) =>
    hunk.lines.some((line) => line.kind !== "del" && pattern.test(line.content)),
  );
}
