#!/usr/bin/env node
// Launcher for the `pr-triage` CLI. The source is TypeScript run by Node 24's type stripping,
// which works because this is the project's own bin (not a file inside node_modules). An older
// `node` on the PATH hands over to the Node 24 the project installs (the `node` devDependency).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [major = 0] = process.versions.node.split(".").map(Number);
if (major >= 24) {
  await import("../src/cli/main.ts");
} else {
  const projectNode = fileURLToPath(new URL("../node_modules/node/bin/node", import.meta.url));
  if (!existsSync(projectNode)) {
    console.error(
      `pr-triage needs Node.js 24 or newer (it runs its TypeScript source directly), but this is ${process.version}. Run \`npm install\` in the pr-triage folder, or use Node 24.`,
    );
    process.exit(2);
  }
  const run = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}
