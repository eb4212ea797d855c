import { describe, expect, it } from 'vitest';
import {
  PROCUREMENT_CATEGORIES,
  categoryKind,
  categoryWithin,
  findCategory,
  parentCategory,
} from './procurement-categories';

describe('procurement category tree', () => {
  it('every entry has its parent in the tree, and codes are unique', () => {
    const codes = PROCUREMENT_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of PROCUREMENT_CATEGORIES) {
      const parent = parentCategory(c.code);
      if (parent !== null) expect(findCategory(parent), c.code).toBeDefined();
    }
  });

  it('derives kind and ancestry from the code', () => {
    expect(parentCategory('A0201')).toBe('A02');
    expect(parentCategory('A02')).toBe('A');
    expect(parentCategory('A')).toBeNull();
    expect(categoryKind('C16')).toBe('services');
    expect(categoryKind('B01')).toBe('works');
    expect(categoryKind('X1')).toBeNull();
    expect(categoryWithin('A0201', 'A02')).toBe(true);
    expect(categoryWithin('A0320', 'A02')).toBe(false);
  });
});
