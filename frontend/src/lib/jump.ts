/**
 * Moves to an element of the page the way an in-page link would, but also moves the keyboard focus there:
 * to the control marked `data-focus-first`, the checked radio or the first control inside it when asked (a checklist
 * cell), else to the element itself.
 */
export function jumpTo(id: string, options: { focusControl?: boolean } = {}): void {
  const target = document.getElementById(id);
  if (!target) return;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  target.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  const control = options.focusControl
    ? (target.querySelector<HTMLElement>('[data-focus-first]:not(:disabled)') ??
      target.querySelector<HTMLElement>('input:checked:not(:disabled)') ??
      target.querySelector<HTMLElement>('button:not(:disabled), input:not(:disabled), textarea:not(:disabled)'))
    : null;
  if (control) {
    control.focus({ preventScroll: true });
    return;
  }
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
