import type { Messages } from './en.js';

export const da: Messages = {
  greeting: 'Kære {{name}},',
  signature: 'Med venlig deltagelse\nNext of Kin, for pårørende',
  acknowledgement: {
    subject: 'Din anmodning {{reference}}: bekræft venligst din e-mailadresse',
    received: 'vi har modtaget din anmodning {{reference}} om kontoen tilhørende {{subject}}.',
    confirm: 'Bekræft venligst, at denne e-mailadresse er din, så vi kan begynde behandlingen:',
    holdEnds: 'Bekræft din adresse inden for {{days}} dage, ellers ophører bevaringen af kontoens data den {{date}}.',
    code: 'Eller indtast denne bekræftelseskode på siden for din anmodning:',
  },
  deficiency: {
    subject: 'Din anmodning {{reference}}: vi har brug for mere fra dig',
    intro: 'for at fortsætte med din anmodning {{reference}} har vi brug for følgende fra dig:',
    missing: 'Mangler stadig: {{items}}',
  },
  decision: {
    approvedSubject: 'Din anmodning {{reference}} er godkendt',
    rejectedSubject: 'Din anmodning {{reference}} kunne ikke godkendes',
    approved: 'din anmodning {{reference}} er godkendt. {{reason}}',
    rejected: 'vi kunne ikke godkende din anmodning {{reference}}. Begrundelsen: {{reason}}',
    appeal: 'Du kan klage over afgørelsen inden for 30 dage på siden for din anmodning.',
  },
  deadline: {
    subject: 'Din anmodning {{reference}}: kontoens data er i fare',
    body: 'uden yderligere skridt vil data på kontoen tilhørende {{subject}} gå tabt den {{date}}, om {{days}} dage.',
    act: 'Send venligst det, der stadig mangler, så hurtigt som muligt.',
  },
  quarantine: {
    subject: 'Din anmodning {{reference}}: en fil kunne ikke modtages',
    body: 'filen »{{file}}«, som du sendte til din anmodning {{reference}}, indeholder en virus eller anden skadelig software. Vi har lagt den til side, og ingen vil åbne den.',
    act: 'Send venligst en ren kopi: en ny scanning eller et nyt foto af papirdokumentet.',
  },
  status: 'Status for din anmodning: {{link}}',
};
