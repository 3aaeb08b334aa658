import { readAnswer, SURVEY_SCALES } from '../../../src/evidence';

describe('reading an answer', () => {
  it.each([
    ['9', 9],
    [' 10 ', 10],
    ['0', 0],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['7 (Strongly agree)', 7],
    ['5 = Very satisfied', 5],
    ['4. Good', 4],
    ['7,0', 7],
    ['7.0', 7],
    ['+3', 3],
  ])('reads %j as %d on the NPS scale', (cell, value) => {
    expect(readAnswer(cell, SURVEY_SCALES.nps)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    ['11', 'outOfRange'],
    ['-1', 'outOfRange'],
    ['4.5', 'outOfRange'],
    ['4,5', 'outOfRange'],
    ['n/a', 'nonNumeric'],
    ['Extremely likely', 'nonNumeric'],
    ['0-6', 'nonNumeric'],
    ['3/5', 'nonNumeric'],
    ['9+', 'nonNumeric'],
  ])('skips %j as %s on the NPS scale', (cell, reason) => {
    expect(readAnswer(cell, SURVEY_SCALES.nps)).toEqual({ ok: false, reason });
  });

  it('checks each metric against its own scale', () => {
    expect(readAnswer('0', SURVEY_SCALES.csat)).toEqual({ ok: false, reason: 'outOfRange' });
    expect(readAnswer('6', SURVEY_SCALES.csat)).toEqual({ ok: false, reason: 'outOfRange' });
    expect(readAnswer('6', SURVEY_SCALES.ces)).toEqual({ ok: true, value: 6 });
    expect(readAnswer('8', SURVEY_SCALES.ces)).toEqual({ ok: false, reason: 'outOfRange' });
  });
});
