/**
 * Node options of the job worker Lambda. The worker streams exports page by page; without a cap V8 lets the
 * heap grow far past what the job holds before collecting (15,000 facilities: peak RSS 332 MiB, live heap well
 * under 150 MB). Capping the old space keeps the peak near the working set (283 MiB for the xlsx with every cell
 * overdue, 192 MiB for the CSV) for a few seconds more. `npm run bench` runs the worker with the same options.
 */
export const JOB_WORKER_NODE_OPTIONS = '--enable-source-maps --max-old-space-size=256';
