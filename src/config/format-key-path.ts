/** `["risk", "sensitivePaths", 0, "weight"]` → `risk.sensitivePaths[0].weight`, as users read YAML. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out || "(root)";
}
