import { describe, expect, it } from "vitest";
import { runOnContents } from "./manifest-fixture.ts";

const rules = (findings: { ruleId: string; title: string; line: number | null }[]) =>
  findings.map((f) => [f.ruleId, f.title, f.line]);

describe("dependencies on parsed Python, Go, Cargo and submodule manifests", () => {
  it("requirements.txt: new packages, typosquats, widened pins, VCS URLs and extra indexes", async () => {
    const base = "requests==2.31.0\nflask==3.0.0  # web\n";
    const head = [
      "requests==2.32.0",
      "flask",
      "reqeusts==2.32.0",
      "-e git+https://github.com/acme/tool.git#egg=acme-tool",
      "--extra-index-url https://pypi.example.com/simple",
      "",
    ].join("\n");
    expect(rules(await runOnContents([{ path: "requirements.txt", base, head }]))).toEqual([
      ["dependencies/floating-version", 'Dependency range widened: flask ==3.0.0 → ""', 2],
      ["dependencies/typosquat", "Dependency name close to a popular package: reqeusts (vs requests)", 3],
      ["dependencies/remote-specifier", "Dependency installed from outside the registry: acme-tool", 4],
      ["dependencies/remote-specifier", "Python package source outside PyPI", 5],
      ["dependencies/new", "2 new dependencies in requirements.txt", 3],
    ]);
  });

  it("pyproject.toml: PEP 621, optional groups and Poetry tables", async () => {
    const base = `[project]
name = "svc"
dependencies = ["httpx>=0.27"]

[tool.poetry.dependencies]
python = "^3.12"
`;
    const head = `[project]
name = "svc"
dependencies = ["httpx>=0.27", "pydantic>=2"]

[project.optional-dependencies]
dev = ["pytest==8.0.0"]

[tool.poetry.dependencies]
python = "^3.12"
internal = { git = "https://github.com/acme/internal.git", rev = "main" }
`;
    const findings = await runOnContents([{ path: "pyproject.toml", base, head }]);
    expect(rules(findings)).toEqual([
      ["dependencies/remote-specifier", "Dependency installed from outside the registry: internal", 10],
      ["dependencies/new", "3 new dependencies in pyproject.toml", 3],
    ]);
    expect(findings[1]?.message).toContain("`pytest@==8.0.0` (project.optional-dependencies.dev)");
    expect(findings[1]?.riskFloor).toBe(25);
  });

  it("go.mod: required modules (direct and indirect) and replace directives", async () => {
    const base = "module example.com/svc\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n";
    const head = `module example.com/svc

go 1.22

require (
	github.com/google/uuid v1.6.0
	github.com/spf13/cobra v1.8.0
	golang.org/x/sys v0.20.0 // indirect
)

replace github.com/google/uuid => github.com/evil/uuid v1.6.1
`;
    const findings = await runOnContents([{ path: "go.mod", base, head }]);
    expect(rules(findings)).toEqual([
      [
        "dependencies/go-replace",
        "Module replaced: github.com/google/uuid => github.com/evil/uuid v1.6.1",
        11,
      ],
      ["dependencies/new", "2 new dependencies in go.mod", 7],
    ]);
    expect(findings[1]?.message).toContain("`golang.org/x/sys@v0.20.0` (require (indirect))");
  });

  it("Cargo.toml: git dependencies and platform-specific tables", async () => {
    const base = '[package]\nname = "x"\n\n[dependencies]\nserde = "1"\n';
    const head = `[package]
name = "x"

[dependencies]
serde = "1"
tokio = { version = "1", features = ["full"] }
patched = { git = "https://github.com/someone/patched", branch = "main" }

[target.'cfg(windows)'.dependencies]
winapi = "0.3"
`;
    expect(rules(await runOnContents([{ path: "Cargo.toml", base, head }]))).toEqual([
      ["dependencies/remote-specifier", "Dependency installed from outside the registry: patched", 7],
      ["dependencies/new", "3 new dependencies in Cargo.toml", 6],
    ]);
  });

  it(".gitmodules: an added submodule and one re-pointed to another URL", async () => {
    const base = '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://github.com/acme/lib.git\n';
    const head = `${base.replace("acme/lib", "attacker/lib")}[submodule "tools"]\n\tpath = tools\n\turl = git@github.com:x/tools.git\n`;
    expect(rules(await runOnContents([{ path: ".gitmodules", base, head }]))).toEqual([
      ["dependencies/submodule", "Git submodule now points elsewhere: vendor/lib", 1],
      ["dependencies/submodule", "Git submodule added: tools", 4],
    ]);
  });
});
