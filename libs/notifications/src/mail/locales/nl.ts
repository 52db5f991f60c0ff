import type { Messages } from './en.js';

export const nl: Messages = {
  greeting: 'Beste {{name}},',
  signature: 'Met oprecht medeleven,\nNext of Kin, voor nabestaanden',
  acknowledgement: {
    subject: 'Uw verzoek {{reference}}: bevestig uw e-mailadres',
    received: 'wij hebben uw verzoek {{reference}} over het account van {{subject}} ontvangen.',
    confirm: 'Bevestig dat dit e-mailadres van u is, zodat wij met de beoordeling kunnen beginnen:',
    holdEnds:
      'Bevestig uw adres binnen {{days}} dagen, anders eindigt het vasthouden van de gegevens van het account op {{date}}.',
    code: 'Of vul deze bevestigingscode in op de pagina van uw verzoek:',
  },
  deficiency: {
    subject: 'Uw verzoek {{reference}}: wij hebben nog iets van u nodig',
    intro: 'om verder te gaan met uw verzoek {{reference}} hebben wij het volgende van u nodig:',
    missing: 'Nog ontbrekend: {{items}}',
  },
  decision: {
    approvedSubject: 'Uw verzoek {{reference}} is goedgekeurd',
    rejectedSubject: 'Uw verzoek {{reference}} kon niet worden goedgekeurd',
    approved: 'uw verzoek {{reference}} is goedgekeurd. {{reason}}',
    rejected: 'wij konden uw verzoek {{reference}} niet goedkeuren. De reden: {{reason}}',
    appeal: 'U kunt binnen 30 dagen bezwaar maken op de pagina van uw verzoek.',
  },
  deadline: {
    subject: 'Uw verzoek {{reference}}: de gegevens van het account lopen gevaar',
    body: 'zonder verdere stappen gaan gegevens van het account van {{subject}} verloren op {{date}}, over {{days}} dagen.',
    act: 'Stuur zo snel mogelijk wat nog ontbreekt.',
  },
  quarantine: {
    subject: 'Uw verzoek {{reference}}: een bestand kon niet worden aangenomen',
    body: 'het bestand ‘{{file}}’ dat u voor uw verzoek {{reference}} stuurde, bevat een virus of andere schadelijke software. Wij hebben het apart gezet en niemand zal het openen.',
    act: 'Stuur alstublieft een schone kopie: een nieuwe scan of foto van het papieren document.',
  },
  status: 'Hoe uw verzoek ervoor staat: {{link}}',
};
