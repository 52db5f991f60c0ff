import { REQUEST_TYPES } from '@app/common';
import { JURISDICTIONS } from './jurisdiction.js';
import { allOf, document } from './model/builders.js';
import type { ChecklistVersion } from './model/requirement.js';
import { checklistInForce, NoChecklistInForce, RULEBOOK } from './rulebook.js';
import { GERMANY_V1 } from './rules/de.js';

describe('the rulebook', () => {
  it('has a checklist for every jurisdiction and request type', () => {
    for (const jurisdiction of JURISDICTIONS) {
      for (const requestType of REQUEST_TYPES) {
        expect(checklistInForce(jurisdiction, requestType, '2026-11-23').checklist.kind).toMatch(/ALL_OF|ONE_OF/);
      }
    }
  });

  it('names every version uniquely, since cases are pinned to the name', () => {
    const versions = RULEBOOK.map((rules) => rules.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('never has two versions of one jurisdiction in force from the same day', () => {
    const keys = RULEBOOK.map((rules) => `${rules.jurisdiction}@${rules.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe('versions', () => {
    // A later German version that also asks for the requester's ID in every case.
    const germanyV2: ChecklistVersion = {
      ...GERMANY_V1,
      version: 'DE-2',
      effectiveFrom: '2027-01-01',
      checklists: {
        ...GERMANY_V1.checklists,
        PRESERVE_DATA: allOf('proof of death and of who you are', [
          document('DEATH_CERTIFICATE'),
          document('REQUESTER_ID'),
        ]),
      },
    };
    const rulebook = [...RULEBOOK, germanyV2];

    it.each([
      ['2026-01-01', 'DE-1'],
      ['2026-12-31', 'DE-1'],
      ['2027-01-01', 'DE-2'],
      ['2031-06-15', 'DE-2'],
    ])('a case submitted on %s is judged by %s', (submittedOn, version) => {
      expect(checklistInForce('DE', 'PRESERVE_DATA', submittedOn, rulebook)).toMatchObject({
        version,
        jurisdiction: 'DE',
      });
    });

    it('leaves other jurisdictions on their own versions', () => {
      expect(checklistInForce('EU', 'RELEASE_DATA', '2027-06-01', rulebook).version).toBe('EU-1');
    });

    it('refuses a date before any version', () => {
      expect(() => checklistInForce('DE', 'RELEASE_DATA', '2025-12-31', rulebook)).toThrow(NoChecklistInForce);
    });
  });
});
