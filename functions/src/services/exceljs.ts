import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when an xlsx is first made or read. The xlsx functions ship it beside their bundle rather than in it
 * (infra/lib/bundling.ts, decision 0025), so no module may import it statically: that would load 1 MB at every cold
 * start of the job worker, which mostly creates campaigns and re-checks vendors.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
