// @vitest-environment jsdom
// Reading computed CSS values for the saved file.
import { afterEach, describe, expect, it } from 'vitest';
import { firstColor, isPainted, px, resolveVars, splitAlpha } from '../../../src/ui/save/cssValues';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('css values', () => {
  it('resolves var() from the element or its ancestors, with fallbacks', () => {
    document.head.innerHTML = '<style>:root { --ink: #1d2330 } .card { --accent: #0b6e99 }</style>';
    document.body.innerHTML = '<div class="card"><span id="s"></span></div>';
    const el = document.getElementById('s')!;
    expect(resolveVars('var(--accent)', el)).toBe('#0b6e99');
    expect(resolveVars('var(--ink)', el)).toBe('#1d2330');
    expect(resolveVars('var(--missing, #5a6375)', el)).toBe('#5a6375');
    expect(resolveVars('var(--missing, var(--accent))', el)).toBe('#0b6e99');
    expect(resolveVars('rgb(1, 2, 3)', el)).toBe('rgb(1, 2, 3)');
  });

  it('reads pixel lengths and nothing else', () => {
    expect(px('4px')).toBe(4);
    expect(px('1.5px')).toBe(1.5);
    expect(px('auto')).toBe(0);
    expect(px('50%')).toBe(0);
  });

  it('tells painted colours from transparent ones', () => {
    expect(isPainted('rgb(255, 255, 255)')).toBe(true);
    // Black without alpha: its last component is a colour channel, not an alpha of 0.
    expect(isPainted('rgb(0, 0, 0)')).toBe(true);
    expect(isPainted('rgb(213, 94, 0)')).toBe(true);
    expect(isPainted('rgba(0, 0, 0, 0)')).toBe(false);
    expect(isPainted('rgb(0 0 0 / 0)')).toBe(false);
    expect(isPainted('transparent')).toBe(false);
    expect(isPainted('rgba(0, 0, 0, 0.2)')).toBe(true);
  });

  it('splits rgba into an opaque colour and its alpha', () => {
    expect(splitAlpha('rgba(29, 35, 48, 0.5)')).toEqual({ color: 'rgb(29, 35, 48)', alpha: 0.5 });
    expect(splitAlpha('rgb(29 35 48 / 25%)')).toEqual({ color: 'rgb(29, 35, 48)', alpha: 0.25 });
    expect(splitAlpha('#fff')).toEqual({ color: '#fff', alpha: 1 });
  });

  it('takes the first colour of a gradient as its flat stand-in', () => {
    expect(
      firstColor(
        'repeating-linear-gradient(135deg, rgb(244, 246, 249) 0px, rgb(231, 234, 240) 6px)',
      ),
    ).toBe('rgb(244, 246, 249)');
    expect(firstColor('none')).toBeNull();
  });
});
