import { describe, expect, it } from 'vitest';
import { cardTerminalsOf, defaultCardTerminal } from './card-terminals.ts';

const counter = { id: 'vcb-1', name: 'Vietcombank quầy 1' };
const back = { id: 'tcb-2', name: 'Techcombank quầy 2' };

describe('the store’s card terminals', () => {
  it('are read from config store.cardTerminals in the order the store lists them', () => {
    expect(cardTerminalsOf({ cardTerminals: [counter, back] })).toEqual([counter, back]);
  });

  it('are none when the store lists none, and leave out entries of another shape or a repeated id', () => {
    expect(cardTerminalsOf({})).toEqual([]);
    expect(cardTerminalsOf({ cardTerminals: 'vcb-1' })).toEqual([]);
    expect(cardTerminalsOf({ cardTerminals: [counter, { id: '', name: 'no id' }, { id: 'x' }, { ...counter, name: 'again' }, 7, back] })).toEqual([counter, back]);
  });
});

describe('the terminal a card tender starts at', () => {
  it('is the tablet’s paired terminal', () => {
    expect(defaultCardTerminal([counter, back], 'tcb-2')).toEqual(back);
  });

  it('is the store’s first when the tablet is paired with none, or with one the store no longer lists', () => {
    expect(defaultCardTerminal([counter, back], undefined)).toEqual(counter);
    expect(defaultCardTerminal([counter, back], 'gone')).toEqual(counter);
  });

  it('is none when the store names no terminal', () => {
    expect(defaultCardTerminal([], 'vcb-1')).toBeUndefined();
  });
});
