import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { PolicySource } from "../policies/policy.ts";

/** Folders a recursive policy glob never needs to enter. */
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

/** Policy files in a working tree, for `pr-triage validate` before anything is committed. */
export function fsPolicySource(root: string): PolicySource {
  return {
    async list(dir, recursive) {
      const entries: { path: string; size: number }[] = [];
      const walk = (relative: string) => {
        let names: string[];
        try {
          names = readdirSync(join(root, relative));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
          throw error;
        }
        for (const name of names) {
          const path = relative === "" ? name : `${relative}/${name}`;
          const stat = statSync(join(root, path), { throwIfNoEntry: false });
          if (stat?.isFile()) entries.push({ path, size: stat.size });
          else if (stat?.isDirectory() && recursive && !SKIPPED_DIRS.has(name)) walk(path);
        }
      };
      walk(dir);
      return entries;
    },
    async read(path) {
      return readFileSync(join(root, path), "utf8");
    },
  };
}
