import type { Messages } from './en.js';

export const nb: Messages = {
  greeting: 'Kjære {{name}},',
  signature: 'Med vennlig hilsen og medfølelse\nNext of Kin, for etterlatte',
  acknowledgement: {
    subject: 'Forespørselen din {{reference}}: bekreft e-postadressen din',
    received: 'vi har mottatt forespørselen din {{reference}} om kontoen til {{subject}}.',
    confirm: 'Bekreft at denne e-postadressen er din, slik at vi kan begynne behandlingen:',
    holdEnds: 'Bekreft adressen din innen {{days}} dager, ellers opphører bevaringen av kontoens data {{date}}.',
    code: 'Eller skriv inn denne bekreftelseskoden på siden for forespørselen din:',
  },
  deficiency: {
    subject: 'Forespørselen din {{reference}}: vi trenger mer fra deg',
    intro: 'for å gå videre med forespørselen din {{reference}} trenger vi følgende fra deg:',
    missing: 'Mangler fortsatt: {{items}}',
  },
  decision: {
    approvedSubject: 'Forespørselen din {{reference}} er godkjent',
    rejectedSubject: 'Forespørselen din {{reference}} kunne ikke godkjennes',
    approved: 'forespørselen din {{reference}} er godkjent. {{reason}}',
    rejected: 'vi kunne ikke godkjenne forespørselen din {{reference}}. Begrunnelsen: {{reason}}',
    appeal: 'Du kan klage på avgjørelsen innen 30 dager på siden for forespørselen din.',
  },
  deadline: {
    subject: 'Forespørselen din {{reference}}: dataene på kontoen er i fare',
    body: 'uten flere steg vil data på kontoen til {{subject}} gå tapt {{date}}, om {{days}} dager.',
    act: 'Send det som fortsatt mangler så snart du kan.',
  },
  quarantine: {
    subject: 'Forespørselen din {{reference}}: en fil kunne ikke tas imot',
    body: 'filen «{{file}}» som du sendte til forespørselen din {{reference}}, inneholder et virus eller annen skadelig programvare. Vi har lagt den til side, og ingen vil åpne den.',
    act: 'Send gjerne en ren kopi: en ny skanning eller et nytt bilde av papirdokumentet.',
  },
  status: 'Status for forespørselen din: {{link}}',
};
