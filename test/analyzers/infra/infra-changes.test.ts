import { describe, expect, it } from "vitest";
import { infraChanges } from "../../../src/analyzers/infra/infra-changes.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

describe("infraChanges", () => {
  it("flags destructive statements on added lines and lists IaC files once per kind", async () => {
    const findings = await infraChanges.run(
      analyzerInput([
        addedFile("db/cleanup.sql", "-- remove legacy data\nDROP TABLE users;\n"),
        addedFile("deploy/teardown.sh", 'set -e\nrm -rf "$BUILD_DIR"/\nterraform destroy -auto-approve\n'),
        addedFile("infra/main.tf", 'resource "aws_s3_bucket" "b" {}\n'),
        addedFile("Dockerfile", "FROM node:24\n"),
      ]),
    );
    expect(findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ["infra-changes/destructive", "db/cleanup.sql", 2],
      ["infra-changes/destructive", "deploy/teardown.sh", 2],
      ["infra-changes/destructive", "deploy/teardown.sh", 3],
      ["infra-changes/iac", null, null],
      ["infra-changes/iac", null, null],
    ]);
    expect(findings[3]?.title).toBe("Infrastructure change (Terraform)");
  });

  it("flags a deleted migration", async () => {
    const diff = `
diff --git a/db/migrations/001_init.sql b/db/migrations/001_init.sql
deleted file mode 100644
index 1111111..0000000
--- a/db/migrations/001_init.sql
+++ /dev/null
@@ -1 +0,0 @@
-CREATE TABLE users (id int);
`;
    expect(await infraChanges.run(analyzerInput(diffFiles(diff)))).toMatchObject([
      { ruleId: "infra-changes/migration-deleted", severity: "high", side: "LEFT" },
    ]);
  });

  it("stays quiet on docs, tests, prohibitions and ordinary code", async () => {
    const findings = await infraChanges.run(
      analyzerInput([
        addedFile("docs/ops.md", "Run `terraform destroy` to tear down.\n"),
        addedFile("test/db.test.js", "await db.query('DROP TABLE IF EXISTS t');\n"),
        addedFile(".rules", "Never run rm -rf / or DROP TABLE.\n"),
        addedFile("src/app.js", "const dropTable = () => {};\nfs.rmSync(dir, { recursive: true });\n"),
      ]),
    );
    expect(findings).toEqual([]);
  });
});
