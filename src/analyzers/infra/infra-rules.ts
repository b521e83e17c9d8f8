import type { AnalyzerRule } from "../analyzer-rule.ts";

/** The `infra-changes` rules: deploy and database changes that are hard to undo. */
export const INFRA_RULES = {
  migrationDeleted: {
    id: "infra-changes/migration-deleted",
    category: "infrastructure",
    severity: "high",
    riskFloor: 65,
    title: "Database migration deleted",
    why: "If it was ever applied, environments now disagree with the migration history and rollbacks or fresh setups break.",
    fix: "Add a new migration that reverses it instead of deleting one.",
  },
  destructive: {
    id: "infra-changes/destructive",
    category: "infrastructure",
    severity: "high",
    riskFloor: 65,
    title: "Destructive command or statement added",
    why: "`DROP TABLE`, `terraform destroy`, `rm -rf /` and the like delete data or infrastructure.",
    fix: "Confirm it is intended, runs only where it should, and that a backup or rollback exists.",
  },
  iac: {
    id: "infra-changes/iac",
    category: "infrastructure",
    severity: "medium",
    riskFloor: 35,
    title: "Infrastructure change",
    why: "These files define how the service is built or deployed.",
    fix: "Review the rendered plan (`terraform plan`, `helm diff`, image build) rather than the text alone, and check exposed ports, privileges and base images.",
  },
} as const satisfies Record<string, AnalyzerRule>;
