/** Lines `start`–`end` of a file, 1-based and inclusive. */
export interface LineRange {
  start: number;
  end: number;
}
