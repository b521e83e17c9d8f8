import type { PolicySource } from "../policies/policy.ts";
import { git } from "./git.ts";

/** Policy files as they are at `ref` (the base branch), read with `git ls-tree` and `git cat-file`. */
export function gitPolicySource(root: string, ref: string): PolicySource {
  return {
    async list(dir, recursive) {
      const args = [
        "ls-tree",
        "-l",
        "-z",
        ...(recursive ? ["-r"] : []),
        ref,
        "--",
        dir === "" ? "." : `${dir}/`,
      ];
      const entries: { path: string; size: number }[] = [];
      for (const record of git(root, args).split("\0")) {
        // `<mode> <type> <object> <size>\t<path>`; symlinks (120000) are not followed.
        const match = /^(\d+) (\w+) [0-9a-f]+ +(\d+|-)\t(.+)$/s.exec(record);
        if (match?.[2] !== "blob" || match[1] === "120000") continue;
        entries.push({ path: match[4] ?? "", size: Number(match[3]) || 0 });
      }
      return entries;
    },
    async read(path) {
      return git(root, ["cat-file", "blob", `${ref}:${path}`]);
    },
  };
}
