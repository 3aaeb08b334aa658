import { THIN_SAMPLE } from '../../../src/domain';
import { isThin, meanEstimate, npsEstimate, roundEstimate, shareEstimate, SURVEY_SCALES } from '../../../src/evidence';
import { wilsonInterval } from '../../../src/simulation/stats';

describe('the Wilson interval of a share', () => {
  it('is 0.0552…0.1744 for 10 of 100, 5.52 %…17.44 % in percent', () => {
    const interval = wilsonInterval(10, 100);
    expect(interval.low).toBeCloseTo(0.0552, 4);
    expect(interval.high).toBeCloseTo(0.1744, 4);
    const share = shareEstimate(10, 100);
    expect(share).toMatchObject({ value: 10, n: 100 });
    expect(share.low).toBeCloseTo(5.52, 2);
    expect(share.high).toBeCloseTo(17.44, 2);
  });

  it('stays inside 0–100 when every answer is a hit', () => {
    const all = shareEstimate(5, 5);
    expect(all.value).toBe(100);
    expect(all.high).toBe(100);
    expect(all.low).toBeCloseTo(56.55, 2);
  });
});

describe('NPS and its interval', () => {
  it('is 30 ± 15.3 for 50 promoters, 30 passives and 20 detractors of 100', () => {
    // SE = 100·√((0.5 + 0.2 − 0.3²)/100) = 100·√0.0061 = 7.810; 1.96·SE = 15.31
    const nps = npsEstimate(50, 20, 100);
    expect(nps.value).toBeCloseTo(30, 10);
    expect(nps.high - nps.value).toBeCloseTo(15.3, 1);
    expect(nps.value - nps.low).toBeCloseTo(15.3, 1);
    expect(roundEstimate(nps, 1)).toEqual({ value: 30, n: 100, low: 14.7, high: 45.3 });
  });

  it('is clamped to −100…100', () => {
    const nps = npsEstimate(9, 0, 10);
    expect(nps.value).toBeCloseTo(90, 10);
    expect(nps.high).toBe(100);
    expect(npsEstimate(0, 9, 10).low).toBe(-100);
  });
});

describe('a mean and its interval', () => {
  it('is mean ± 1.96·s/√n with the sample standard deviation', () => {
    // 1..5: mean 3, s = √2.5 = 1.5811, 1.96·s/√5 = 1.3859
    const mean = meanEstimate([1, 2, 3, 4, 5], SURVEY_SCALES.csat);
    expect(mean.value).toBe(3);
    expect(mean.low).toBeCloseTo(1.6141, 4);
    expect(mean.high).toBeCloseTo(4.3859, 4);
  });

  it('is clamped to the scale', () => {
    // 5, 5, 5, 4: mean 4.75, s = 0.5, 1.96·0.5/2 = 0.49 → 4.26…5.24, clamped to 5
    const mean = meanEstimate([5, 5, 5, 4], SURVEY_SCALES.csat);
    expect(mean.value).toBe(4.75);
    expect(mean.low).toBeCloseTo(4.26, 2);
    expect(mean.high).toBe(5);
  });

  it('spans the whole scale for a single answer, which has no spread', () => {
    expect(meanEstimate([6], SURVEY_SCALES.ces)).toEqual({ value: 6, n: 1, low: 1, high: 7 });
  });
});

describe('rounding an estimate', () => {
  it('rounds value and interval alike and never gives −0', () => {
    expect(roundEstimate({ value: -0.04, n: 3, low: -12.345, high: 5.55555 }, 1)).toEqual({ value: 0, n: 3, low: -12.3, high: 5.6 });
    expect(Object.is(roundEstimate({ value: -0.004, n: 3, low: 0, high: 1 }, 2).value, 0)).toBe(true);
  });
});

describe('thin evidence', () => {
  it(`is fewer than ${THIN_SAMPLE} answers`, () => {
    expect(isThin({ n: THIN_SAMPLE - 1 })).toBe(true);
    expect(isThin({ n: THIN_SAMPLE })).toBe(false);
  });
});
