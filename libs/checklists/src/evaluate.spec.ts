import {
  DOCUMENT_TYPES,
  type DocumentType,
  RELATIONSHIPS,
  type Relationship,
  type ServedVia,
  type Verification,
} from '@app/common';
import { type EvaluatedDocumentInput, type EvaluatedNode, evaluateChecklist } from './evaluate.js';
import { checklistInForce } from './rulebook.js';

let nextId = 0;
function doc(
  type: DocumentType,
  verification: Verification = 'ACCEPTED',
  servedVia: ServedVia | null = null,
  rejectionReason?: string,
): EvaluatedDocumentInput {
  return { id: `d${++nextId}`, type, verification, servedVia, rejectionReason: rejectionReason ?? null };
}
const tree = (
  jurisdiction: 'EU' | 'DE' | 'CN' | 'DEFAULT',
  requestType: 'RELEASE_DATA' | 'CLOSE_ACCOUNT' | 'PRESERVE_DATA' = 'RELEASE_DATA',
) => checklistInForce(jurisdiction, requestType, '2026-11-23').checklist;
const judge = (
  jurisdiction: 'EU' | 'DE' | 'CN' | 'DEFAULT',
  documents: EvaluatedDocumentInput[],
  relationship: Relationship = 'CHILD',
  requestType?: 'RELEASE_DATA' | 'CLOSE_ACCOUNT' | 'PRESERVE_DATA',
) => evaluateChecklist(tree(jurisdiction, requestType), { documents, relationship });

function find(node: EvaluatedNode, label: string): EvaluatedNode | undefined {
  if (node.label === label) return node;
  return node.kind === 'DOCUMENT' ? undefined : node.children.map((child) => find(child, label)).find(Boolean);
}

describe('Germany: proof of legal succession (domain.md §2 DE)', () => {
  const complete = (): DocumentType[] => [
    'DEATH_CERTIFICATE',
    'DECEASED_ID',
    'INHERITANCE_CERTIFICATE',
    'REQUESTER_ID',
  ];

  it.each<[string, DocumentType[]]>([
    ['an inheritance certificate (Erbschein)', complete()],
    ["a court's proof of sole heirship", ['DEATH_CERTIFICATE', 'DECEASED_ID', 'COURT_SOLE_HEIR_PROOF', 'REQUESTER_ID']],
    [
      'a list of all heirs together with their consent',
      ['DEATH_CERTIFICATE', 'DECEASED_ID', 'HEIRS_LIST', 'HEIRS_CONSENT', 'REQUESTER_ID'],
    ],
    [
      "a signed power of attorney instead of the requester's ID",
      ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE', 'POWER_OF_ATTORNEY'],
    ],
  ])('is satisfied by %s', (_label, types) => {
    const result = judge(
      'DE',
      types.map((type) => doc(type)),
    );
    expect(result).toMatchObject({ satisfied: true, allProvided: true, missing: [] });
  });

  it.each<[DocumentType, string]>([
    ['DEATH_CERTIFICATE', 'death certificate (a copy)'],
    ['DECEASED_ID', "copy of the deceased's ID card or passport"],
    ['INHERITANCE_CERTIFICATE', 'proof that you are the legal successor'],
    ['REQUESTER_ID', 'your identity, or your authority to act'],
  ])('without %s leaves exactly "%s" missing', (left, label) => {
    const result = judge(
      'DE',
      complete()
        .filter((type) => type !== left)
        .map((type) => doc(type)),
    );
    expect(result.satisfied).toBe(false);
    expect(result.allProvided).toBe(false);
    expect(find(result.root, label)?.status).toBe('MISSING');
    expect(
      result.root.kind !== 'DOCUMENT' && result.root.children.filter((c) => c.status !== 'SATISFIED'),
    ).toHaveLength(1);
    expect(result.missing).toHaveLength(1);
  });

  it('names the alternatives for a person when succession is unproven', () => {
    const result = judge('DE', [doc('DEATH_CERTIFICATE'), doc('DECEASED_ID'), doc('REQUESTER_ID'), doc('HEIRS_LIST')]);
    expect(result.missing).toEqual([
      'one of: inheritance certificate (Erbschein); court documentation proving you are the sole heir; list of all heirs together with their consent',
    ]);
  });

  it('is not satisfied by a rejected document, and says why', () => {
    const result = judge('DE', [
      doc('DEATH_CERTIFICATE', 'REJECTED', null, 'the scan is unreadable'),
      doc('DECEASED_ID'),
      doc('INHERITANCE_CERTIFICATE'),
      doc('REQUESTER_ID'),
    ]);
    expect(result.satisfied).toBe(false);
    expect(find(result.root, 'death certificate (a copy)')).toMatchObject({
      status: 'REJECTED',
      reasons: ['the scan is unreadable'],
    });
    expect(result.missing).toEqual([
      'death certificate (a copy): the one sent does not count, because the scan is unreadable',
    ]);
  });

  it('counts documents waiting for a reviewer as provided, not satisfied', () => {
    const result = judge(
      'DE',
      complete().map((type) => doc(type, 'PENDING')),
    );
    expect(result).toMatchObject({ satisfied: false, allProvided: true, missing: [] });
    expect(result.root.status).toBe('PENDING_VERIFICATION');
  });

  it('records which documents fill each item', () => {
    const certificate = doc('DEATH_CERTIFICATE');
    const second = doc('DEATH_CERTIFICATE', 'PENDING');
    const result = judge('DE', [certificate, second]);
    expect(find(result.root, 'death certificate (a copy)')).toMatchObject({
      status: 'SATISFIED',
      documentIds: [certificate.id],
    });
  });

  it('keeps papers it does not ask for, and they never block', () => {
    const extra = doc('MARRIAGE_CERTIFICATE', 'PENDING');
    const result = judge('DE', [...complete().map((type) => doc(type)), extra]);
    expect(result.satisfied).toBe(true);
    expect(result.notRequiredDocumentIds).toEqual([extra.id]);
  });
});

describe('China: close relatives (domain.md §2 CN)', () => {
  const deathProofs: DocumentType[] = ['DEATH_CERTIFICATE', 'SOCIAL_ID_DEREGISTRATION', 'OFFICIAL_DEATH_PROOF'];
  const relationProofs: DocumentType[] = [
    'HUKOU_REGISTRATION',
    'MARRIAGE_CERTIFICATE',
    'PSB_RELATIONSHIP_CERTIFICATE',
    'NOTARIZED_RELATIONSHIP_CERTIFICATE',
  ];

  it.each(deathProofs.flatMap((death) => relationProofs.map((relation) => [death, relation] as const)))(
    'is satisfied by %s and %s with ID and declaration',
    (death, relation) => {
      const result = judge('CN', [doc(death), doc(relation), doc('REQUESTER_ID'), doc('SIGNED_DECLARATION')], 'SPOUSE');
      expect(result.satisfied).toBe(true);
    },
  );

  it.each(['SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'GRANDPARENT', 'GRANDCHILD'] as const)(
    'is open to a %s',
    (relationship) => {
      const result = judge(
        'CN',
        [doc('DEATH_CERTIFICATE'), doc('HUKOU_REGISTRATION'), doc('REQUESTER_ID'), doc('SIGNED_DECLARATION')],
        relationship,
      );
      expect(result.satisfied).toBe(true);
    },
  );

  it.each(
    RELATIONSHIPS.filter((r) => !['SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'GRANDPARENT', 'GRANDCHILD'].includes(r)),
  )('cannot be satisfied by a %s, whatever the documents', (relationship) => {
    const everything = DOCUMENT_TYPES.map((type) => doc(type));
    for (const requestType of ['RELEASE_DATA', 'CLOSE_ACCOUNT', 'PRESERVE_DATA'] as const) {
      const result = judge('CN', everything, relationship, requestType);
      expect(result).toMatchObject({ satisfied: false, allProvided: false });
      expect(result.root.status).toBe('REJECTED');
      expect(result.missing[0]).toMatch(/only a close relative/);
    }
  });

  it('needs the signed declaration', () => {
    const result = judge('CN', [doc('DEATH_CERTIFICATE'), doc('HUKOU_REGISTRATION'), doc('REQUESTER_ID')], 'CHILD');
    expect(result.missing).toEqual(['signed statement of why you need access to the account']);
  });
});

describe.each([
  ['EU', 'POST'],
  ['DEFAULT', 'REGISTERED_AGENT'],
] as const)('%s: a served, non-criminal court order or subpoena', (jurisdiction, served) => {
  it.each<[DocumentType, ServedVia | null, boolean]>([
    ['COURT_ORDER', served, true],
    ['SUBPOENA', served, true],
    ['COURT_ORDER', 'COURIER', true],
    ['SUBPOENA', 'IN_PERSON', true],
    ['COURT_ORDER', 'EMAIL', false],
    ['COURT_ORDER', 'FAX', false],
    ['SUBPOENA', 'EMAIL', false],
    ['COURT_ORDER', null, false],
  ])('%s served via %s satisfies: %s', (type, servedVia, satisfies) => {
    const result = judge(jurisdiction, [doc(type, 'ACCEPTED', servedVia)]);
    expect(result.satisfied).toBe(satisfies);
    if (!satisfies) expect(result.root.status).toBe('REJECTED');
  });

  it('names the conditions when nothing was sent', () => {
    const result = judge(jurisdiction, []);
    expect(result.root.status).toBe('MISSING');
    expect(result.missing).toHaveLength(1);
    expect(result.missing[0]).toMatch(/^one of: court order \(.*not by fax or e-mail\); subpoena \(/);
  });

  it('does not take other papers for a court order', () => {
    const result = judge(jurisdiction, [doc('DEATH_CERTIFICATE'), doc('INHERITANCE_CERTIFICATE')]);
    expect(result.satisfied).toBe(false);
    expect(result.notRequiredDocumentIds).toHaveLength(2);
  });
});

describe('a court order sent by fax or e-mail never satisfies anything', () => {
  it.each(['EU', 'DEFAULT'] as const)(
    'not even as a guardianship order for closing an account (%s)',
    (jurisdiction) => {
      const viaFax = judge(
        jurisdiction,
        [doc('COURT_ORDER', 'ACCEPTED', 'FAX'), doc('REQUESTER_ID')],
        'LEGAL_REPRESENTATIVE',
        'CLOSE_ACCOUNT',
      );
      expect(viaFax.satisfied).toBe(false);
      const byPost = judge(
        jurisdiction,
        [doc('COURT_ORDER', 'ACCEPTED', 'POST'), doc('REQUESTER_ID')],
        'LEGAL_REPRESENTATIVE',
        'CLOSE_ACCOUNT',
      );
      expect(byPost.satisfied).toBe(true);
    },
  );
});

describe('closing and preserving (choices where domain.md is silent)', () => {
  it.each<[string, 'EU' | 'DE' | 'CN' | 'DEFAULT', 'CLOSE_ACCOUNT' | 'PRESERVE_DATA', DocumentType[]]>([
    [
      'EU closure: death certificate, ID, inheritance certificate',
      'EU',
      'CLOSE_ACCOUNT',
      ['DEATH_CERTIFICATE', 'REQUESTER_ID', 'INHERITANCE_CERTIFICATE'],
    ],
    ['EU closure by a spouse', 'EU', 'CLOSE_ACCOUNT', ['DEATH_CERTIFICATE', 'REQUESTER_ID', 'MARRIAGE_CERTIFICATE']],
    ['EU preservation: death certificate and ID', 'EU', 'PRESERVE_DATA', ['DEATH_CERTIFICATE', 'REQUESTER_ID']],
    [
      'DEFAULT preservation: official proof of death and ID',
      'DEFAULT',
      'PRESERVE_DATA',
      ['OFFICIAL_DEATH_PROOF', 'REQUESTER_ID'],
    ],
    [
      'DE closure: the full proof of succession',
      'DE',
      'CLOSE_ACCOUNT',
      ['DEATH_CERTIFICATE', 'DECEASED_ID', 'HEIRS_LIST', 'HEIRS_CONSENT', 'POWER_OF_ATTORNEY'],
    ],
    ['DE preservation: death certificate and ID', 'DE', 'PRESERVE_DATA', ['DEATH_CERTIFICATE', 'REQUESTER_ID']],
    [
      'CN preservation: death, relationship, ID',
      'CN',
      'PRESERVE_DATA',
      ['SOCIAL_ID_DEREGISTRATION', 'MARRIAGE_CERTIFICATE', 'REQUESTER_ID'],
    ],
  ])('%s', (_label, jurisdiction, requestType, types) => {
    expect(
      judge(
        jurisdiction,
        types.map((type) => doc(type)),
        'SPOUSE',
        requestType,
      ).satisfied,
    ).toBe(true);
  });

  it.each(['EU', 'DE', 'CN', 'DEFAULT'] as const)(
    '%s asks at least for proof of death and of the requester for every request type',
    (jurisdiction) => {
      for (const requestType of ['CLOSE_ACCOUNT', 'PRESERVE_DATA'] as const) {
        expect(judge(jurisdiction, [], 'SPOUSE', requestType).satisfied).toBe(false);
        expect(judge(jurisdiction, [doc('DEATH_CERTIFICATE')], 'SPOUSE', requestType).satisfied).toBe(false);
        expect(judge(jurisdiction, [doc('REQUESTER_ID')], 'SPOUSE', requestType).satisfied).toBe(false);
      }
    },
  );
});
