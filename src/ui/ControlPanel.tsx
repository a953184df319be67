// The parameter panel, generated from PARAM_SCHEMA: one control per parameter, grouped as the
// schema groups them. A parameter added to the schema shows up here without a change to this file.
// Wide screens show it as a sidebar; narrow ones as a bottom sheet over the charts, opened by the
// transport's Settings button, so the charts stay in view while a parameter changes.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { PARAM_SCHEMA, paramsByGroup, paramSpec, type ParamGroup, type ParamSpec } from '../engine';
import { ParamControl } from './controls/ParamControl';
import { useActions, useAppStore } from './storeContext';

/** Groups that start collapsed: the set-up of the world, so the strategies are in view first. */
const START_CLOSED: ReadonlySet<ParamGroup> = new Set<ParamGroup>(['World', 'Listeners']);

/**
 * The schema's parameters by group, groups in the schema's PARAM_GROUPS order (the one `--help` and
 * docs/parameters.md use), parameters in schema order, each group with its blurb.
 */
export function groupedSchema(schema: readonly ParamSpec[] = PARAM_SCHEMA): { group: ParamGroup; blurb: string; specs: ParamSpec[] }[] {
  return paramsByGroup(schema);
}

const GROUPS = groupedSchema();

function PendingRestart() {
  const pending = useAppStore((s) => s.pendingRestart);
  const { applyRestart, discardPending } = useActions();
  if (pending.length === 0) return null;
  const labels = pending.map((key) => paramSpec(key)?.label ?? key);
  return (
    <div className="pending" role="status">
      <p className="pending-text">
        <strong>Restart needed to apply:</strong> {labels.join(', ')}
      </p>
      <p className="pending-sub">Until then the run goes on with the current world.</p>
      <div className="pending-actions">
        <button type="button" className="btn btn-primary" onClick={applyRestart}>
          Apply and restart
        </button>
        <button type="button" className="btn btn-quiet" onClick={discardPending}>
          Discard
        </button>
      </div>
    </div>
  );
}

/** What the transport's Settings button needs: whether the sheet is open, and how to open or close it. */
export interface SheetToggle {
  readonly open: boolean;
  readonly onToggle: () => void;
  /** The panel's element id, for aria-controls. */
  readonly controls: string;
  /** The button's element id, so focus can go back to it when the sheet closes. */
  readonly buttonId: string;
}

/** What the panel needs to act as a sheet on narrow screens. */
export interface SheetState {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly id: string;
  /** The element id focus goes back to when the sheet closes (the Settings button). */
  readonly returnFocusTo: string;
}

/**
 * The sheet's open state, shared by the Settings button and the panel. `enabled` false (the
 * instructor hid the controls) closes it, so showing the controls again does not reopen it.
 */
export function useParameterSheet(enabled = true): { toggle: SheetToggle; sheet: SheetState } {
  const [open, setOpen] = useState(false);
  const [wasEnabled, setWasEnabled] = useState(enabled);
  if (wasEnabled !== enabled) {
    setWasEnabled(enabled);
    if (!enabled) setOpen(false);
  }
  const id = useId();
  const buttonId = `${id}-settings`;
  const onToggle = useCallback(() => setOpen((value) => !value), []);
  const onClose = useCallback(() => setOpen(false), []);
  const isOpen = open && enabled;
  return useMemo(
    () => ({
      toggle: { open: isOpen, onToggle, controls: id, buttonId },
      sheet: { open: isOpen, onClose, id, returnFocusTo: buttonId },
    }),
    [isOpen, onToggle, onClose, id, buttonId],
  );
}

/** How much of a chart (px) must show between the transport and the sheet to count as visible. */
const MIN_CHART_PX = 60;

/**
 * Narrow screens: when the sheet covers the lower part of the page, scrolls it (if need be) so a
 * chart shows between the sticky transport and the sheet, to see what a change does. Does nothing
 * when the panel is a sidebar.
 */
export function revealAChart(sheet: HTMLElement): void {
  if (getComputedStyle(sheet).position !== 'fixed') return;
  const transport = document.querySelector<HTMLElement>('.transport');
  // Where the sheet's top edge ends up (it may still be sliding in): it sits on the viewport's bottom.
  const bandBottom = document.documentElement.clientHeight - sheet.offsetHeight;
  // Every chart on the page in order, with its card: a chart is a drawing of some size (not an icon);
  // a card with none yet counts as one.
  const charts = [...document.querySelectorAll<HTMLElement>('.view-slot')].flatMap((slot) => {
    const card = slot.getBoundingClientRect();
    const drawings = [...slot.querySelectorAll<Element>('svg, canvas')]
      .map((el) => el.getBoundingClientRect())
      .filter((rect) => rect.height >= 80);
    return (drawings.length > 0 ? drawings : [card]).map((chart) => ({ slot: card, chart }));
  });
  const visibleTop = transport?.getBoundingClientRect().bottom ?? 0;
  const shows = ({ chart }: (typeof charts)[number]) =>
    Math.min(chart.bottom, bandBottom) - Math.max(chart.top, visibleTop) >= Math.min(MIN_CHART_PX, chart.height);
  if (charts.length === 0 || charts.some(shows)) return;
  // After the scroll the transport is stuck to the top of the viewport.
  const top = transport?.offsetHeight ?? 0;
  const band = bandBottom - top;
  const target = charts.find(({ chart }) => chart.bottom > visibleTop) ?? charts.at(-1)!;
  const { slot, chart } = target;
  // The whole card if its chart fits with it; else as much of the chart as fits.
  const delta =
    chart.bottom - slot.top + 16 <= band ? slot.top - top - 8 : Math.min(chart.top - top - 8, chart.bottom - bandBottom + 8);
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  window.scrollBy({ top: delta, behavior: reduce ? 'auto' : 'smooth' });
}

/** While the sheet is open: focus in it, Esc closes it; on close, focus back to the Settings button. */
function useSheetBehaviour(panel: RefObject<HTMLElement | null>, title: RefObject<HTMLElement | null>, sheet: SheetState | undefined) {
  const open = sheet?.open ?? false;
  const onClose = sheet?.onClose;
  const returnFocusTo = sheet?.returnFocusTo;
  useEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    title.current?.focus({ preventScroll: true });
    revealAChart(element);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose?.();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // Back to the Settings button, unless the user has since put focus somewhere else on purpose.
      const active = document.activeElement;
      const focusLeftTheSheet = active !== null && active !== document.body && !element.contains(active);
      if (returnFocusTo && !focusLeftTheSheet) document.getElementById(returnFocusTo)?.focus({ preventScroll: true });
    };
  }, [open, onClose, returnFocusTo, panel, title]);
}

function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="icon">
      <path d="M3.5 3.5l9 9m0-9l-9 9" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The panel: a sidebar on wide screens, a bottom sheet over the charts on narrow ones (given `sheet`). */
export function ControlPanel({ sheet }: { sheet?: SheetState }) {
  const panel = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useSheetBehaviour(panel, title, sheet);
  const open = sheet?.open ?? false;
  return (
    <aside ref={panel} id={sheet?.id} className={`sidebar${open ? ' is-open' : ''}`} aria-label="Parameters">
      <div className="sidebar-head">
        {sheet && <span className="sheet-handle" aria-hidden="true" />}
        <h2 className="sidebar-title" ref={title} tabIndex={sheet ? -1 : undefined}>
          Parameters
        </h2>
        {sheet && (
          <button type="button" className="btn btn-quiet sheet-close" onClick={sheet.onClose} aria-keyshortcuts="Escape">
            <CloseIcon />
            Close
          </button>
        )}
      </div>
      <PendingRestart />
      <div className="sidebar-body">
        <p className="sidebar-note">
          <span className="tag tag-live">live</span> parameters change the running simulation from the next step; the others
          build a new world.
        </p>
        {GROUPS.map(({ group, blurb, specs }) => (
          <details key={group} className="group" open={!START_CLOSED.has(group)}>
            <summary className="group-title">
              <span>{group}</span>
              <span className="group-blurb">{blurb}</span>
            </summary>
            <div className="group-body" role="group" aria-label={`${group} parameters`}>
              {specs.map((spec) => (
                <ParamControl key={spec.key} spec={spec} />
              ))}
            </div>
          </details>
        ))}
      </div>
    </aside>
  );
}
