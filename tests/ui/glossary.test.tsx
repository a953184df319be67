// @vitest-environment jsdom
// Glossary words: the definitions exist for every term the issue names, and the popover opens on
// activation, moves focus into itself, closes on Esc with focus back on the word, and is one of a kind.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/ui/glossary';
import { GlossaryTerm, useHelpTip } from '../../src/ui/GlossaryTerm';

afterEach(cleanup);

describe('glossary', () => {
  it('defines every term in plain, short words', () => {
    for (const key of ['gini', 'lorenz', 'jaccard', 'ips', 'xquad', 'ucb', 'thompson', 'unpredictability'] as const)
      expect(GLOSSARY[key].term.length).toBeGreaterThan(0);
    for (const entry of Object.values(GLOSSARY)) {
      const words = entry.definition.split(/\s+/).length;
      expect(words).toBeGreaterThan(10);
      expect(words).toBeLessThanOrEqual(60);
    }
  });
});

describe('GlossaryTerm', () => {
  it('opens on activation with focus inside, closes on Esc and gives focus back to the word', () => {
    render(
      <p>
        A rising <GlossaryTerm term="gini">Gini</GlossaryTerm> means concentration.
      </p>,
    );
    const word = screen.getByRole('button', { name: 'Gini' });
    expect(word.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('dialog')).toBeNull(); // hidden until opened
    word.focus();
    // A button's click is what Enter and Space fire in a browser.
    fireEvent.click(word);
    const pop = screen.getByRole('dialog', { name: 'Gini coefficient' });
    expect(word.getAttribute('aria-expanded')).toBe('true');
    expect(word.getAttribute('aria-controls')).toBe(pop.id);
    expect(pop.textContent).toContain(GLOSSARY.gini.definition);
    expect(document.activeElement).toBe(pop);
    fireEvent.keyDown(pop, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(word.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(word);
  });

  it('closes with its close button (focus back on the word), a second click, a click elsewhere or tabbing away', () => {
    render(
      <div>
        <GlossaryTerm term="jaccard">Jaccard</GlossaryTerm>
        <button type="button">elsewhere</button>
      </div>,
    );
    const word = screen.getByRole('button', { name: 'Jaccard' });
    fireEvent.click(word);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(word);

    fireEvent.click(word);
    fireEvent.click(word);
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(word);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(word);
    const pop = screen.getByRole('dialog');
    fireEvent.blur(pop, { relatedTarget: screen.getByRole('button', { name: 'elsewhere' }) });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps one popover or tip open at a time', () => {
    function Tip() {
      const tip = useHelpTip('a-tip');
      return (
        <span tabIndex={0} data-testid="tip-owner" {...tip.handlers}>
          {tip.open ? 'tip open' : 'tip closed'}
        </span>
      );
    }
    render(
      <div>
        <GlossaryTerm term="ucb">UCB</GlossaryTerm>
        <GlossaryTerm term="thompson">Thompson sampling</GlossaryTerm>
        <Tip />
      </div>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'UCB' }));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Thompson sampling' }));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'Thompson sampling' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'UCB' }).getAttribute('aria-expanded')).toBe('false');
    // Pointing at a help tip closes the popover; opening a popover closes the tip.
    fireEvent.pointerEnter(screen.getByTestId('tip-owner'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('tip open')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'UCB' }).click());
    expect(screen.getByText('tip closed')).toBeTruthy();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });
});
