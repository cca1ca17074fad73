import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for a process that renders a batch: how much bytecode a function runs before V8 weighs
 * optimizing it (V8 11.3, Node 20: 67,584 bytes). A notice runs much of pdfkit's and our code a few times each; with
 * the default budget V8 optimizes some 145 functions in the first 200 notices, and in a fresh process the compiler
 * threads take about a quarter of the CPU of a 1,000-notice batch, on the same two cores as the rendering. At
 * 600,000 bytes it optimizes about 65 (the hottest, which matter) and the batch takes 10-18% less CPU and wall
 * time; a warm process renders as fast as before (bench/pdf-notices.ts measures both).
 */
export const BATCH_INTERRUPT_BUDGET = 600_000;

/**
 * Sets BATCH_INTERRUPT_BUDGET for the whole process and its threads, from now on. For a process whose job is the
 * batch (`tongban notices ...`), called by it: a library call does not change its host's V8 settings itself.
 */
export function tuneCompilerForBatch(): void {
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}
