// @vitest-environment jsdom
// A saved picture shows the chart, not the page's controls: radio groups, selects, buttons and popovers
// stay out, a chosen option is stated in words instead, and the card is measured with the controls
// out of its flow, so they leave no blank band; a glossary word in the text stays a word.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeView } from '../../../src/ui/save/serializeView';
import { clearLayout, fakeTextRects, metrics, parse, place } from './fakeLayout';

const byId = (id: string) => document.getElementById(id)!;
const shown = (id: string) => getComputedStyle(byId(id)).display !== 'none';

/**
 * A card like the hit-rate view's on a phone: the save buttons wrap into a row of their own under
 * the title, a radio group picks what the bars show, and a stray select, radio button (not marked
 * for the picture), tool button, slider and open glossary popover stand for controls a view might hold.
 */
function card(): HTMLElement {
  document.head.innerHTML = `<style>
    :root { --muted: #5a6375; --line: #dde2ea }
    .vw-card { background-color: #ffffff; padding-left: 20px }
    .toggle { display: flex; border: 1px solid #c3cad6 }
    .tool { display: inline-block; background-color: #e8f2f7; border: 1px solid #0b6e99 }
    .gl-term { display: inline-block; border: 0; border-bottom: 1.5px dotted #1d2330; background: none; color: inherit }
    .bar { background-color: #0072b2 }
  </style>`;
  document.body.innerHTML = `
    <section class="vw-card" id="card">
      <div id="head">
        <h2 id="title">Hit rate</h2>
        <div data-save-skip="" id="save"><button>PNG</button></div>
      </div>
      <h3 id="side"><span class="gl" id="side-gl"><button class="gl-term" id="side-term">Lorenz curve</button></span></h3>
      <p id="explain">Share of best songs, see <span class="gl" id="term-gl"><button class="gl-term" id="term">Gini</button></span></p>
      <fieldset class="toggle" data-save-skip="" id="toggle">
        <legend id="legend">Buckets by plays</legend>
        <label><input type="radio" name="basis" checked> at this step</label>
        <label><input type="radio" name="basis"> before step 1</label>
      </fieldset>
      <p data-save-only="" hidden id="saved"><strong id="saved-head">Buckets by plays:</strong> at this step</p>
      <div class="bar" id="bar"></div>
      <label id="pick">Metric <select><option>Gini</option><option>Top 1%</option></select></label>
      <label id="scale"><input type="radio" name="scale" checked id="scale-radio"> log scale</label>
      <button class="tool" id="reset">Reset zoom</button>
      <input type="range" id="speed">
      <span role="dialog" id="pop">Definition of Gini</span>
    </section>`;
  // The layout a browser gives, with the reflow the serializer relies on: while the save row is in
  // the flow it takes 30 px under the title; while the radio group is, the save-only line is not
  // laid out and the bar sits under the group (26 px) instead of under the line (20 px).
  const saveRow = () => (shown('save') ? 30 : 0);
  const radios = () => (shown('toggle') ? 26 : 0);
  const saved = () => (shown('saved') ? 20 : 0);
  place(byId('card'), [100, 200, 300, 400]);
  place(byId('head'), () => [120, 220, 260, 26 + saveRow()]);
  place(byId('title'), [120, 220, 200, 26]);
  place(byId('save'), () => (shown('save') ? [120, 250, 100, 30] : [0, 0, 0, 0]));
  place(byId('explain'), () => [120, 250 + saveRow(), 260, 26]);
  place(byId('term-gl'), () => [296, 250 + saveRow(), 32, 26]);
  place(byId('term'), () => [296, 250 + saveRow(), 32, 26]);
  place(byId('side'), [280, 220, 100, 26]);
  place(byId('side-gl'), [280, 220, 100, 26]);
  place(byId('side-term'), [280, 220, 100, 26]);
  place(byId('toggle'), () => (shown('toggle') ? [120, 280 + saveRow(), 260, 26] : [0, 0, 0, 0]));
  place(byId('legend'), () => (shown('toggle') ? [120, 280 + saveRow(), 120, 26] : [0, 0, 0, 0]));
  place(byId('saved'), () => (shown('saved') ? [120, 280 + saveRow(), 260, 20] : [0, 0, 0, 0]));
  place(byId('saved-head'), () =>
    shown('saved') ? [120, 280 + saveRow(), 140, 20] : [0, 0, 0, 0],
  );
  place(byId('bar'), () => [120, 284 + saveRow() + radios() + saved(), 200, 16]);
  place(byId('pick'), [120, 330, 200, 24]);
  place(byId('scale'), [120, 356, 200, 22]);
  place(byId('scale-radio'), [120, 360, 14, 14]);
  place(byId('reset'), [120, 380, 100, 30]);
  place(byId('speed'), [120, 420, 100, 20]);
  place(byId('pop'), [296, 282, 160, 60]);
  return byId('card');
}

beforeEach(() => fakeTextRects(120));
afterEach(clearLayout);

const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent);
const textAt = (doc: Document, content: string) => {
  const found = [...doc.querySelectorAll('text')].find((t) => t.textContent === content);
  return found && [found.getAttribute('x'), found.getAttribute('y')];
};

describe('serializeView and controls', () => {
  it('draws no form control: no radio button, select, slider, tool button or popover', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    for (const tag of ['input', 'select', 'option', 'button', 'textarea', 'foreignObject'])
      expect(doc.getElementsByTagName(tag)).toHaveLength(0);
    // A radio button would be drawn as circles, a tool button as its filled, bordered box.
    expect(doc.querySelectorAll('circle')).toHaveLength(0);
    const fills = [...doc.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    expect(fills).not.toContain('rgb(232, 242, 247)');
    const all = texts(doc).join(' | ');
    for (const gone of ['before step 1', 'Top 1%', 'Reset zoom', 'Definition of Gini', 'PNG'])
      expect(all).not.toContain(gone);
  });

  it('states the chosen option in words where the radio group was', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    // With the save row and the radio group out of the flow, the line sits at 280 (not 310):
    // text top 280 + 4 − 200 = 84, baseline + 12 = 96.
    expect(textAt(doc, 'Buckets by plays:')).toEqual(['20', '96']);
    expect(texts(doc)).toContain('at this step');
    // The radio group's own legend is not drawn besides it.
    expect(texts(doc)).not.toContain('Buckets by plays');
  });

  it('measures the card without its screen-only rows, so they leave no blank band', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    // The explanation follows the title directly: top 250 + 4 − 200 = 54, baseline 66 (not 96).
    expect(textAt(doc, 'Share of best songs, see')).toEqual(['20', '66']);
    // The bar follows the stated choice: 284 + 20 − 200 = 104, 16 tall.
    const bar = [...doc.querySelectorAll('svg > g rect')].find(
      (r) => r.getAttribute('fill') === 'rgb(0, 114, 178)',
    )!;
    expect([bar.getAttribute('y'), bar.getAttribute('height')]).toEqual(['104', '16']);
  });

  it('ends the picture at the content, not at the controls under it', () => {
    const { svg, height } = serializeView(card(), { caption: 'c', metrics });
    // Lowest drawn: the unmarked radio button's label text "log scale", 356 + 4 + 18 − 200 = 178.
    // The tool button (down to 410 − 200 = 210) and the slider (to 240) are not drawn and do not count.
    // Rule at 178 + 16 = 194; caption baseline 194 + 10 + 12 = 216; height 194 + 10 + 18 + 12.
    const doc = parse(svg);
    expect(doc.querySelector('g.caption line')!.getAttribute('y1')).toBe('194.5');
    expect(doc.querySelector('g.caption text')!.getAttribute('y')).toBe('216');
    expect(height).toBe(234);
  });

  it('keeps a glossary word as a word, in a sentence or alone in a heading, without its dotted underline', () => {
    // The terms are buttons computed as inline-block (as browsers compute a button's display:
    // inline), in an inline wrapper: in a line of text, unlike a toolbar's buttons.
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    expect(texts(doc)).toEqual(expect.arrayContaining(['Share of best songs, see', 'Gini']));
    expect(texts(doc)).toContain('Lorenz curve');
    expect(doc.querySelectorAll('[stroke-dasharray]')).toHaveLength(0);
  });

  it('puts the page back as it was', () => {
    const el = card();
    serializeView(el, { caption: 'c', metrics });
    expect([shown('save'), shown('toggle'), shown('saved')]).toEqual([true, true, false]);
    expect(byId('save').hasAttribute('style')).toBe(false);
    expect(byId('toggle').hasAttribute('style')).toBe(false);
    expect(byId('saved').hidden).toBe(true);
  });

  it('keeps an inline display an element had of its own', () => {
    const el = card();
    byId('save').style.setProperty('display', 'flex');
    serializeView(el, { caption: 'c', metrics });
    expect(byId('save').style.getPropertyValue('display')).toBe('flex');
    expect(byId('save').style.getPropertyPriority('display')).toBe('');
  });
});
