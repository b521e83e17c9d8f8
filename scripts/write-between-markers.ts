import { readFileSync, writeFileSync } from "node:fs";

/**
 * Replaces what stands between the `start` and `end` marker lines of a generated docs file;
 * exits with the fix when the markers are missing, rather than guessing where the text goes.
 */
export function writeBetweenMarkers(file: URL, start: string, end: string, content: string): void {
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) {
    const name = file.pathname.split("/").slice(-2).join("/");
    console.error(`${name} must contain the lines\n${start}\n${end}\nto mark where the generated text goes.`);
    process.exit(1);
  }
  writeFileSync(file, `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`);
}
