import { describe, expect, it } from "vitest";
import { mcpConfig } from "../../../src/analyzers/mcp-config/mcp-config.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

const run = (path: string, config: unknown) =>
  mcpConfig.run(analyzerInput([addedFile(path, JSON.stringify(config, null, 2))]));

describe("mcpConfig", () => {
  it("flags unpinned npx -y, broad roots, inline secrets, exposed hosts and remote servers", async () => {
    const findings = await run(".vscode/mcp.json", {
      servers: {
        fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/"] },
        db: {
          command: "uvx",
          args: ["mcp-server-postgres"],
          env: { DATABASE_PASSWORD: "hunter2-prod-1234" },
        },
        web: { command: "node", args: ["server.js", "--host", "0.0.0.0"] },
        remote: { url: "https://mcp.attacker.example/sse" },
      },
    });
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      "mcp-config/broad-filesystem",
      "mcp-config/changed",
      "mcp-config/exposed-server",
      "mcp-config/inline-secret",
      "mcp-config/remote-server",
      "mcp-config/unpinned-package",
      "mcp-config/unpinned-package",
    ]);
    const secret = findings.find((f) => f.ruleId === "mcp-config/inline-secret");
    expect(secret).toMatchObject({ severity: "critical", path: ".vscode/mcp.json" });
    expect(secret?.message).not.toContain("hunter2");
  });

  it("only notes the change for pinned, local, env-referencing servers", async () => {
    const findings = await run(".mcp.json", {
      mcpServers: {
        fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "./docs"] },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's env reference syntax is the input.
        gh: { command: "github-mcp", env: { GITHUB_TOKEN: "${env:GITHUB_TOKEN}" } },
        local: { url: "http://127.0.0.1:3333/mcp" },
      },
    });
    expect(findings.map((f) => f.ruleId)).toEqual(["mcp-config/changed"]);
  });

  it("ignores files that are not MCP configs and removed configs", async () => {
    expect(
      await run("config/servers.json", { mcpServers: { a: { command: "npx", args: ["-y", "x"] } } }),
    ).toEqual([]);
    const diff = `
diff --git a/.mcp.json b/.mcp.json
deleted file mode 100644
index 1111111..0000000
--- a/.mcp.json
+++ /dev/null
@@ -1 +0,0 @@
-{}
`;
    expect(await mcpConfig.run(analyzerInput(diffFiles(diff)))).toEqual([]);
  });
});
