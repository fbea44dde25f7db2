import { describe, expect, it } from 'vitest';
import { parseTheme, themeClassName } from './theme';

describe('parseTheme', () => {
  it('keeps a stored light or dark choice', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
  });

  it('leaves the choice to the operating system when nothing (or nonsense) is stored', () => {
    expect(parseTheme(undefined)).toBe('system');
    expect(parseTheme('')).toBe('system');
    expect(parseTheme('purple')).toBe('system');
  });
});

describe('themeClassName', () => {
  it('marks a stored choice on <html> and leaves it unmarked for the system preference', () => {
    expect(themeClassName('dark')).toBe('dark');
    expect(themeClassName('light')).toBe('light');
    expect(themeClassName('system')).toBeUndefined();
  });
});
