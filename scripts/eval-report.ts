/** How the evaluation sections print and record missed targets. */
export interface EvalReport {
  heading(text: string): void;
  row(label: string, value: string): void;
  fail(message: string): void;
}
