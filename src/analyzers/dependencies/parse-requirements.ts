import type { DeclaredDependency, ParsedManifest } from "./declared-dependency.ts";
import { normalizePythonName, parsePep508 } from "./parse-pep508.ts";

const INDEX_OPTION = /^--(extra-index-url|index-url|find-links)[\s=]+(\S+)|^-([if])\s*(\S+)/;
const URL_LINE = /^(-e\s+|--editable[\s=]+)?((git\+|hg\+|svn\+|bzr\+)?(https?|ssh|file|git):\S+)/;

/**
 * The packages of a pip requirements file. Extra indexes and find-links become entries of the
 * `index` section; `-e`/URL lines are named by their `#egg=` fragment, else by the URL itself.
 */
export function parseRequirements(text: string): ParsedManifest {
  const dependencies: DeclaredDependency[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.replace(/\s+#.*$/, "").trim();
    if (content === "" || content.startsWith("#")) return;
    const line = index + 1;
    const option = INDEX_OPTION.exec(content);
    if (option) {
      const spec = option[2] ?? option[4] ?? "";
      dependencies.push({ name: `--${option[1] ?? option[3]}`, spec, section: "index", line });
      return;
    }
    const url = URL_LINE.exec(content);
    if (url?.[2]) {
      const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url[2])?.[1];
      dependencies.push({
        name: egg ? normalizePythonName(egg) : url[2],
        spec: url[2],
        section: "requirements",
        line,
      });
      return;
    }
    if (content.startsWith("-")) return;
    const requirement = parsePep508(content);
    if (requirement) dependencies.push({ ...requirement, section: "requirements", line });
  });
  return { registry: "PyPI", dependencies, scripts: new Map() };
}
