import { type Answers, applicableCells, type RoundAnswer, type Template } from '@mcr/domain';

/** Deterministic PRNG (mulberry32), so that every start shows the same prefecture. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Plausible answers of one facility to an R6-style checklist: mostly はい, the weak items of real surveys
 * (logs, access rights, BCP) more often いいえ with a target date inside the fiscal year. `share` is the part
 * of the form filled in so far.
 */
export function demoAnswers(template: Template, fiscalYear: number, hasVendorContract: boolean, seed: number, share: number): Answers {
  const random = rng(seed);
  const diligence = 0.55 + random() * 0.45;
  const answers: Answers = {};
  const day = () => `${fiscalYear}-${pad(6 + Math.floor(random() * 3))}-${pad(1 + Math.floor(random() * 28))}`;
  const gate: RoundAnswer = { value: 'yes', checkedOn: day() };
  answers['gate:system'] = { '1': gate };
  const cells = applicableCells(template, answers, { hasVendorContract }).filter((c) => !c.gate);
  const weak = new Set(['2-6', '2-4', '3-3', '2-9']);
  for (const cell of cells.slice(0, Math.round(cells.length * share))) {
    const yes = random() < (weak.has(cell.itemId) ? diligence - 0.35 : diligence);
    const checkedOn = day();
    answers[cell.key] = {
      '1': yes
        ? { value: 'yes', checkedOn }
        : {
            value: 'no',
            checkedOn,
            targetDate:
              random() < 0.5 ? `${fiscalYear}-12-${pad(1 + Math.floor(random() * 25))}` : `${fiscalYear + 1}-03-${pad(1 + Math.floor(random() * 28))}`,
          },
    };
  }
  return answers;
}
