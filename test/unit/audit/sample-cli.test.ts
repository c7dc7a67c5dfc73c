import { describe, it, expect } from 'vitest';
import { confidenceFromOption, sampleSpecFromOptions } from '../../../src/engine/audit/sample-cli.ts';

const seed = () => 123;

describe('CLI sampling options', () => {
  it('gives no sample without --sample, and the documented defaults with it', () => {
    expect(sampleSpecFromOptions({}, seed)).toBeNull();
    expect(sampleSpecFromOptions({ sample: '15' }, seed)).toEqual({
      filters: { month: undefined, payers: undefined, providers: undefined, categories: undefined },
      deniedOnly: true,
      unit: 'claim',
      size: 15,
      seed: 123,
      strata: null,
    });
  });

  it('reads the frame, unit, strata and seed', () => {
    const spec = sampleSpecFromOptions(
      { sample: '20', seed: '4294967295', unit: 'line', strata: 'provider', allocation: 'equal', month: '2026-09', payer: ['A', 'B'], category: ['missing_modifier'], 'no-denied-only': true },
      seed,
    );
    expect(spec).toEqual({
      filters: { month: '2026-09', payers: ['A', 'B'], providers: undefined, categories: ['missing_modifier'] },
      deniedOnly: false,
      unit: 'line',
      size: 20,
      seed: 4294967295,
      strata: { by: 'provider', allocation: 'equal' },
    });
  });

  it('reads a quarter or a period, the remittance basis, blind review and the confidence', () => {
    expect(sampleSpecFromOptions({ sample: '10', quarter: '2026-Q3' }, seed)).toMatchObject({ period: { from: '2026-07-01', to: '2026-09-30' } });
    expect(sampleSpecFromOptions({ sample: '10', period: '2026-08-15..2026-11-14', remit: true, blind: true }, seed)).toMatchObject({
      filters: { basis: 'remit' },
      period: { from: '2026-08-15', to: '2026-11-14' },
      blind: true,
    });
    expect(confidenceFromOption(undefined)).toBe(0.9);
    expect(confidenceFromOption('95')).toBe(0.95);
    expect(confidenceFromOption('0.8')).toBe(0.8);
    expect(() => confidenceFromOption('99')).toThrow(/80, 90 or 95/);
  });

  it.each([
    [{ sample: '10', month: '2026-07', quarter: '2026-Q3' }, /one of --month, --quarter, --period/],
    [{ sample: '10', period: '2026-07-01' }, /FROM\.\.TO/],
    [{ sample: '0' }, /--sample must be a whole number from 1/],
    [{ sample: '1.5' }, /--sample must be a whole number/],
    [{ sample: '10', seed: '4294967296' }, /--seed must be a whole number from 0 to 4294967295/],
    [{ sample: '10', seed: 'abc' }, /--seed/],
    [{ sample: '10', unit: 'visit' }, /--unit must be claim or line/],
    [{ sample: '10', strata: 'zip' }, /--strata must be category or payer or provider/],
    [{ sample: '10', allocation: 'equal' }, /--allocation needs --strata/],
    [{ sample: '10', category: ['Missing modifier'] }, /--category must be one of outdated, missing_modifier/],
    [{ sample: '10', 'denied-only': true, 'no-denied-only': true }, /contradict/],
  ])('refuses %o', (values, message) => {
    expect(() => sampleSpecFromOptions(values, seed)).toThrow(message);
  });
});
