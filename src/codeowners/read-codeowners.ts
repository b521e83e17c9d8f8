import { CODEOWNERS_PATHS } from "./codeowners-paths.ts";
import { type ParsedCodeowners, parseCodeowners } from "./parse-codeowners.ts";

/** GitHub does not load a CODEOWNERS file of 3 MB or more. */
export const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

/**
 * Finds and parses the CODEOWNERS file the way GitHub does: the first of `.github/CODEOWNERS`,
 * `CODEOWNERS`, `docs/CODEOWNERS` that exists is the only one used. `readFile` returns null
 * for a missing file and throws when it cannot read one. Returns null when the repository has none.
 */
export async function readCodeowners(
  readFile: (path: string) => Promise<string | null>,
): Promise<ParsedCodeowners | null> {
  for (const path of CODEOWNERS_PATHS) {
    let text: string | null;
    try {
      text = await readFile(path);
    } catch (error) {
      const problem = `Could not read the file: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      const fix = "Check that the app can read repository contents. No code owners apply until then.";
      return { file: path, rules: [], problems: [{ file: path, keyPath: "(file)", problem, fix }] };
    }
    if (text === null) continue;
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes >= MAX_CODEOWNERS_BYTES) {
      return {
        file: path,
        rules: [],
        problems: [
          {
            file: path,
            keyPath: "(file)",
            problem: `Too large: ${bytes.toLocaleString("en-US")} bytes; GitHub ignores a CODEOWNERS file of 3 MB or more.`,
            fix: "Use broader patterns (directories, `**`) to shrink it. No code owners apply until then.",
          },
        ],
      };
    }
    return parseCodeowners(text, path);
  }
  return null;
}
