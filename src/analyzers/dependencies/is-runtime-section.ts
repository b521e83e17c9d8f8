/** Sections whose packages ship to users; everything else is for developers and CI only. */
const RUNTIME =
  /^(dependencies|peerDependencies|optionalDependencies|requirements|project\.dependencies|tool\.poetry\.dependencies|require|build-dependencies)$|^target\..*\.(dependencies|build-dependencies)$/;

/** Whether a manifest section (`dependencies`, `project.dependencies`, …) ships to users. */
export function isRuntimeSection(section: string): boolean {
  return RUNTIME.test(section);
}
