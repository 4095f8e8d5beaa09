import { type Answers, cellKey, latestRound, type RoundAnswer } from './answers.ts';
import { allItems, type DeviceClass, findItem, type Item, type Template } from './template.ts';

/** The new template does not follow the previous one (different form, or `previousId` names another version). */
export class TemplateLineageError extends Error {
  override name = 'TemplateLineageError';
}

/**
 * Last year's answers, mapped onto the new version of the same form through each item's lineage. A carried cell
 * gets the previous version's latest round as its round 1, marked `carriedForward: true`, with the date it was
 * checked and its note; the target date is dropped (it belonged to the previous fiscal year).
 *
 * - `same`: each device class the item had before carries its answer.
 * - `split` (one item became several): はい carries to every part (the whole was in place, so each part was);
 *   いいえ carries to none (nobody can tell which part was missing).
 * - `merged` (several items became one): はい only if every source was はい (dated by the oldest check);
 *   いいえ if any source was いいえ; nothing when a source was not answered and none was いいえ.
 * - `changed` and `new`: nothing. No answer is ever made up for a question that was not asked before.
 *
 * @throws TemplateLineageError when `newTemplate.previousId` is not `previousTemplate.id`.
 */
export function carryForward(previousTemplate: Template, previousAnswers: Answers, newTemplate: Template): Answers {
  if (newTemplate.previousId !== previousTemplate.id || newTemplate.form !== previousTemplate.form) {
    throw new TemplateLineageError(`${newTemplate.id} does not follow ${previousTemplate.id}`);
  }
  const result: Answers = {};
  for (const item of allItems(newTemplate)) {
    for (const deviceClass of item.cells) {
      const carried = carriedAnswer(item, deviceClass, previousTemplate, previousAnswers);
      if (!carried) continue;
      result[cellKey(item.id, deviceClass)] = {
        '1': { value: carried.value, checkedOn: carried.checkedOn, ...(carried.note !== undefined ? { note: carried.note } : {}), carriedForward: true },
      };
    }
  }
  return result;
}

function carriedAnswer(item: Item, deviceClass: DeviceClass, previousTemplate: Template, previousAnswers: Answers): RoundAnswer | undefined {
  const { kind, from = [] } = item.lineage;
  if (kind === 'new' || kind === 'changed' || from.length === 0) return undefined;
  const sources = from.map((id) => {
    const old = findItem(previousTemplate, id);
    return old?.cells.includes(deviceClass) ? latestRound(previousAnswers[cellKey(id, deviceClass)])?.answer : undefined;
  });

  if (kind === 'same') return sources[0];
  if (kind === 'split') return sources[0]?.value === 'yes' ? sources[0] : undefined;

  const noes = sources.filter((answer): answer is RoundAnswer => answer?.value === 'no');
  if (noes.length > 0) return noes.reduce((a, b) => (b.checkedOn > a.checkedOn ? b : a));
  const yeses = sources.filter((answer): answer is RoundAnswer => answer?.value === 'yes');
  if (yeses.length === sources.length && yeses.length > 0) {
    const oldest = yeses.reduce((a, b) => (b.checkedOn < a.checkedOn ? b : a));
    return { value: 'yes', checkedOn: oldest.checkedOn };
  }
  return undefined;
}
