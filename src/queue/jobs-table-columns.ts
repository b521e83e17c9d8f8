/** How a column is stored: text, a small integer, a 64-bit integer (ids, epoch ms), or a flag. */
type ColumnType = "text" | "int" | "big" | "flag";

/** The `jobs` table's columns after its id, once for both stores: [name, type, NOT NULL]. */
const COLUMNS: readonly (readonly [string, ColumnType, boolean])[] = [
  ["delivery_id", "text", true],
  ["installation_id", "big", true],
  ["owner", "text", true],
  ["repo", "text", true],
  ["pull_number", "int", true],
  ["pr_key", "text", true],
  ["head_sha", "text", false],
  ["head_seen_at", "text", false],
  ["trigger", "text", true],
  ["requested_by", "text", false],
  ["comment_id", "big", false],
  ["state", "text", true],
  ["superseded", "flag", true],
  ["merged_into", "big", false],
  ["attempts", "int", true],
  ["available_at", "big", true],
  ["check_run_id", "big", false],
  ["lease_owner", "text", false],
  ["lease_until", "big", false],
  ["outcome", "text", false],
  ["last_error", "text", false],
  ["created_at", "big", true],
  ["updated_at", "big", true],
];

const DEFAULTS: Record<string, string> = { attempts: "DEFAULT 0" };
const STATE_CHECK = "CHECK (state IN ('queued', 'running', 'done', 'failed', 'superseded'))";

/**
 * The `jobs` table's column list in a store's dialect. SQLite stores every integer as INTEGER
 * and flags as 0/1; PostgreSQL needs BIGINT for GitHub ids and epoch ms, and has BOOLEAN.
 */
export function jobsTableColumns(dialect: "sqlite" | "postgres"): string {
  const sqlite = dialect === "sqlite";
  const types: Record<ColumnType, string> = {
    text: "TEXT",
    int: "INTEGER",
    big: sqlite ? "INTEGER" : "BIGINT",
    flag: sqlite ? "INTEGER" : "BOOLEAN",
  };
  const id = sqlite ? "id INTEGER PRIMARY KEY AUTOINCREMENT" : "id BIGSERIAL PRIMARY KEY";
  const columns = COLUMNS.map(([name, type, notNull]) => {
    const fallback = type === "flag" ? `DEFAULT ${sqlite ? "0" : "FALSE"}` : DEFAULTS[name];
    const check = name === "state" ? STATE_CHECK : undefined;
    return [name, types[type], notNull ? "NOT NULL" : undefined, check, fallback].filter(Boolean).join(" ");
  });
  return [id, ...columns].join(",\n  ");
}
