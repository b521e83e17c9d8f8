import { z } from "zod";
import { globComplexityProblem } from "./glob-complexity-problem.ts";

/** A glob that is cheap to match (see globComplexityProblem): refused ones fall back to the default. */
export const safeGlob = z
  .string()
  .min(1)
  .superRefine((glob, ctx) => {
    const problem = globComplexityProblem(glob);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A list of such globs. */
export const globs = z.array(safeGlob);
