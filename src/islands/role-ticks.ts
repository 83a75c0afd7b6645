/**
 * Ticks on a role's static page: the boxes rendered on the server become live, saved in the role's entry the wizard
 * reads too (see ticksKey), so a duty ticked here shows ticked in the wizard's checklist and back.
 */
import { TICKS, loadSaved, readTicks, saveChange, withTick } from '../domain/saved.ts';
import { onChangedElsewhere, storage } from './device.ts';

/** `root` carries the entry's key in data-ticks and holds the boxes (id `duty-<duty id>`) and a status region. */
export function startTicks(root: HTMLElement) {
  const key = root.dataset.ticks!;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('.duty input[type=checkbox]')];
  const status = root.querySelector<HTMLElement>('[data-ticks-status]')!;
  const dutyOf = (box: HTMLInputElement) => box.id.replace(/^duty-/, '');
  const show = (ticks: readonly string[]) => boxes.forEach((box) => (box.checked = ticks.includes(dutyOf(box))));
  const ticked = () => boxes.filter((box) => box.checked).map(dutyOf);

  const loaded = loadSaved(storage, key, TICKS, new Date());
  show(loaded.value);
  status.textContent = loaded.problem ?? '';
  root.querySelector<HTMLElement>('[data-ticks-hint]')!.hidden = false;
  for (const box of boxes) {
    box.addEventListener('change', () => {
      const result = saveChange(storage, key, TICKS, ticked(), withTick(dutyOf(box), box.checked));
      show(result.value);
      status.textContent = result.saved ? '' : result.problem;
    });
  }
  // Ticks made in the wizard or another tab appear here at once.
  onChangedElsewhere(key, () => {
    const read = readTicks(storage.get(key));
    if (read.problem === undefined) show(read.value);
  });
}
