import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialsOf } from '../../scripts/lib/model/initials.ts';

describe('initials shown when a person has no photo', () => {
  it('skip honorifics and take the first and last names', () => {
    assert.equal(initialsOf('Dr. Khurram Iqbal'), 'KI');
    assert.equal(initialsOf('Mr Hassan Khan'), 'HK');
    assert.equal(initialsOf('Nguyễn Thị Phương Thảo'), 'NT');
  });

  it('keep combining marks with their letter', () => {
    assert.equal(initialsOf('Adéwálé O\u0323\u0300s\u0323o\u0323\u0301'), 'AỌ̀'.normalize('NFC'));
  });

  it('write a digraph letter in title case, not as three capitals', () => {
    assert.equal(initialsOf('ǅenan Hadžiosmanović'), 'ǅH');
  });

  it('fall back to "?" for a name with no letters', () => {
    assert.equal(initialsOf('***'), '?');
  });
});
