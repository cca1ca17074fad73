import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for a process that renders a batch: how much bytecode a function runs before V8 weighs
 * optimizing it (V8 11.3, Node 20: 67,584 bytes). A notice runs much of pdfkit's and our code a few times each; in
 * a fresh process V8's optimizing compiler takes about a quarter of the CPU of a 1,000-notice batch, on the same two
 * cores as the rendering. At 600,000 bytes V8 optimizes about 65 functions in the first 200 notices instead of 145
 * (by the end of 1,000 it has optimized as many, with steadier type feedback); measured, the batch took 1.0-1.2×
 * less wall time, the gain varying with the host's state from one quarter of an hour to the next
 * (bench/pdf-notices.ts runs both, interleaved, every time); a warm process renders as fast as before.
 */
export const BATCH_INTERRUPT_BUDGET = 600_000;

/**
 * Sets BATCH_INTERRUPT_BUDGET for the whole process and its threads, from now on. For a process whose job is the
 * batch (`tongban notices ...`), called by it: a library call does not change its host's V8 settings itself.
 */
export function tuneCompilerForBatch(): void {
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}
