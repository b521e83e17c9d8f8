import { parse } from "smol-toml";

/** A TOML document's tables, as the manifest parsers walk them. */
export type TomlTable = Record<string, unknown>;

/** The document's top table, or `null` when the text is not valid TOML (the manifest is skipped). */
export function parseTomlTable(text: string): TomlTable | null {
  try {
    return parse(text) as TomlTable;
  } catch {
    return null;
  }
}
