// The feedback loop drawn: listeners → slates → clicks → log → ranker → slates, with this step's numbers on its arrows.
import { useMemo, useState } from 'react';
import { useAppStore } from '../storeContext';
import { TextMeter } from '../views/textFit';
import { useElementWidth } from '../views/useElementWidth';
import { arrowCandidates } from './arrowCandidates';
import { loopLabels } from './loopLabels';
import type { TextLine } from './loopGeometry';
import { layoutLoop } from './loopLayout';
import { PHONE_BELOW, type LoopSize, type LoopStyle } from './loopStyle';
import { fitLoop } from '../present/loopFit';
import type { MeterFactory } from './meter';
import { LoopPulse } from './LoopPulse';
import './loop.css';

const meters = new Map<string, TextMeter>();
/** One cached meter per font: character widths are measured once per page, not per step. */
const meterFor: MeterFactory = (weight, px) => {
  const key = `${weight} ${px}`;
  let meter = meters.get(key);
  if (!meter) {
    meter = new TextMeter(`${weight} ${px}px`, px);
    meters.set(key, meter);
  }
  return meter;
};

export interface LoopDiagramProps {
  /** `present` draws it for a projector: text of 22 px and more, filling a wide screen. */
  size?: LoopSize;
  /**
   * With the present size: the height the card may take. The drawing is then laid out at the width
   * that lets it grow largest in the card's width and this height, and scaled to fill them.
   */
  fillHeight?: number;
  className?: string;
}

/** Height reserved before the first measurement, so the page does not jump when the drawing appears. */
const RESERVED = { compact: 150, present: 420 } as const;
/** The present card's padding and border, top and bottom (loop.css `.loop--present`). */
const PRESENT_CHROME_HEIGHT = 2 * 16 + 2;

export function LoopDiagram({ size = 'compact', fillHeight, className }: LoopDiagramProps) {
  const params = useAppStore((s) => s.params);
  const initial = useAppStore((s) => s.initial);
  const status = useAppStore((s) => s.status);
  const row = useAppStore((s) => s.rows.at(-1) ?? null);
  const first = useAppStore((s) => s.rows[0] ?? null);
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(size === 'present' ? 1600 : 1000);

  const labels = useMemo(
    () => loopLabels({ row, first, initial, params, status }),
    [row, first, initial, params, status],
  );
  // Sized for every number the run can show, so the drawing holds still while it plays.
  const candidates = useMemo(() => arrowCandidates({ initial, params }), [initial, params]);
  // Filling a box: the layout width and scale are chosen once per box and run, not per step. The
  // geometry is sized for every text the run can show, so the labels before step 1 size it as well
  // as any step's.
  const fillBox =
    size === 'present' && fillHeight !== undefined
      ? Math.max(0, fillHeight - PRESENT_CHROME_HEIGHT)
      : null;
  const fit = useMemo(() => {
    if (fillBox === null) return null;
    const sizingLabels = loopLabels({ row: null, first: null, initial, params, status: 'idle' });
    const texts = { nodes: sizingLabels.nodes, candidates };
    return fitLoop(
      width,
      fillBox,
      (w) => layoutLoop(w, size, sizingLabels, texts, meterFor).height,
    );
  }, [fillBox, width, size, initial, params, candidates]);
  const layout = useMemo(
    () =>
      layoutLoop(fit?.width ?? width, size, labels, { nodes: labels.nodes, candidates }, meterFor),
    [fit, width, size, labels, candidates],
  );

  // One lap of the pulse per new step; steps that arrive mid-lap start the next lap when it ends,
  // so a fast run shows a steady flow instead of a pulse that restarts before it gets anywhere.
  const [pulse, setPulse] = useState({ t: labels.t, on: false });
  if (labels.t > 0 && labels.t !== pulse.t && !pulse.on) setPulse({ t: labels.t, on: true });
  const lapEnded = () => setPulse({ t: labels.t, on: labels.t > 0 && labels.t !== pulse.t });

  const classes = [
    ...new Set(['loop', `loop--${size}`, `loop--${layout.style.name}`, className ?? '']),
  ]
    .filter(Boolean)
    .join(' ');
  if (!measured) {
    const reserved =
      size === 'compact' && width < PHONE_BELOW
        ? 250
        : Math.min(RESERVED[size], fillHeight ?? Infinity);
    return <div className={classes} ref={ref} style={{ minHeight: reserved }} />;
  }
  const { style } = layout;
  const box = `0 0 ${layout.width} ${layout.height}`;
  const scale = fit?.scale ?? 1;
  // Three layers, in the order one drawing had them: the arrows, the pulse (on the compositor: see
  // LoopPulse), then the nodes, which hide the pulse at the corners, and the labels.
  const drawing = (
    <div
      className="loop-stage"
      role="img"
      aria-label={labels.summary}
      data-mode={layout.mode}
      style={{
        width: layout.width,
        height: layout.height,
        transform: scale === 1 ? undefined : `scale(${scale})`,
      }}
    >
      <svg width={layout.width} height={layout.height} viewBox={box} aria-hidden="true">
        {layout.arrows.map((a) => (
          <g
            key={a.id}
            className={a.loop ? 'loop-arrow' : 'loop-arrow loop-arrow--feed'}
            data-arrow={a.id}
          >
            <line
              x1={a.x1}
              y1={a.y1}
              x2={a.x2}
              y2={a.y2}
              strokeWidth={style.name === 'present' ? 4 : 2}
            />
            <polygon points={a.head} />
          </g>
        ))}
      </svg>
      {pulse.on && (
        <LoopPulse
          key={pulse.t}
          step={pulse.t}
          rect={layout.loopRect}
          stroke={style.name === 'present' ? 12 : 6}
          onEnd={lapEnded}
        />
      )}
      <svg
        className="loop-top"
        width={layout.width}
        height={layout.height}
        viewBox={box}
        aria-hidden="true"
      >
        {layout.nodes.map((n) => (
          <g key={n.id} className={`loop-node loop-node--${n.id}`}>
            <rect x={n.box.x} y={n.box.y} width={n.box.w} height={n.box.h} rx={style.radius} />
            {n.lines.map((l, i) => (
              <LoopTextLine key={i} line={l} style={style} />
            ))}
          </g>
        ))}
        {layout.arrows.map((a) => (
          <g key={a.id} className="loop-label" data-label={a.id}>
            {a.lines.map((l, i) => (
              <LoopTextLine key={i} line={l} style={style} />
            ))}
          </g>
        ))}
        <text
          className="loop-text loop-text--caption"
          x={layout.caption.x}
          y={layout.caption.y}
          textAnchor={layout.caption.anchor}
          fontSize={style.font.caption}
        >
          {layout.caption.text}
        </text>
      </svg>
    </div>
  );
  return (
    <div className={classes} ref={ref} data-testid="loop-diagram">
      {fit ? (
        // The scaled drawing's room: a transform does not change the space an element takes.
        <div
          className="loop-fit"
          style={{ width: layout.width * scale, height: layout.height * scale }}
        >
          {drawing}
        </div>
      ) : (
        drawing
      )}
    </div>
  );
}

/** One laid-out line of a node or an arrow label, with its detail tail in the detail style. */
function LoopTextLine({ line, style }: { line: TextLine; style: LoopStyle }) {
  return (
    <text
      className={`loop-text loop-text--${line.role}`}
      x={line.x}
      y={line.y}
      textAnchor={line.anchor}
      fontSize={style.font[line.role]}
    >
      {line.text}
      {line.tail && (
        <tspan className="loop-text--detail" fontSize={style.font.detail}>
          {line.tail}
        </tspan>
      )}
    </text>
  );
}
