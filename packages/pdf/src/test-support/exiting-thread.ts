/**
 * A request thread for the tests that exits by itself (process.exit) holding the first request it is sent: a thread
 * that dies with work on it, as one killed or out of memory would. It exits where no zlib work is under way: a
 * thread terminated from outside can be stopped inside node:zlib, and Node then aborts the process (issue 15).
 */
import { serveRequests } from '../request-thread.js';

export const EXIT_CODE = 70;

serveRequests(() => process.exit(EXIT_CODE));
