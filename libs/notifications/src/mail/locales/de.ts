import type { Messages } from './en.js';

export const de: Messages = {
  greeting: 'Guten Tag {{name}},',
  signature: 'Mit herzlicher Anteilnahme\nNext of Kin, für Angehörige',
  acknowledgement: {
    subject: 'Ihr Antrag {{reference}}: Bitte bestätigen Sie Ihre E-Mail-Adresse',
    received: 'wir haben Ihren Antrag {{reference}} zum Konto von {{subject}} erhalten.',
    confirm: 'Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört, damit wir mit der Prüfung beginnen können:',
    holdEnds:
      'Bestätigen Sie Ihre Adresse innerhalb von {{days}} Tagen, sonst endet die Bewahrung der Daten des Kontos am {{date}}.',
    code: 'Oder geben Sie diesen Bestätigungscode auf der Seite Ihres Antrags ein:',
  },
  deficiency: {
    subject: 'Ihr Antrag {{reference}}: Wir benötigen noch etwas von Ihnen',
    intro: 'um Ihren Antrag {{reference}} weiter zu bearbeiten, benötigen wir Folgendes von Ihnen:',
    missing: 'Es fehlt noch: {{items}}',
  },
  decision: {
    approvedSubject: 'Ihr Antrag {{reference}} wurde genehmigt',
    rejectedSubject: 'Ihr Antrag {{reference}} konnte nicht genehmigt werden',
    approved: 'Ihr Antrag {{reference}} wurde genehmigt. {{reason}}',
    rejected: 'wir konnten Ihren Antrag {{reference}} nicht genehmigen. Der Grund: {{reason}}',
    appeal: 'Sie können innerhalb von 30 Tagen auf der Seite Ihres Antrags Widerspruch einlegen.',
  },
  deadline: {
    subject: 'Ihr Antrag {{reference}}: Die Daten des Kontos sind in Gefahr',
    body: 'ohne weitere Schritte gingen Daten des Kontos von {{subject}} am {{date}} verloren, in {{days}} Tagen.',
    act: 'Bitte senden Sie so bald wie möglich, was noch fehlt.',
  },
  quarantine: {
    subject: 'Ihr Antrag {{reference}}: eine Datei konnte nicht angenommen werden',
    body: 'die Datei „{{file}}“, die Sie für Ihren Antrag {{reference}} gesendet haben, enthält einen Virus oder andere Schadsoftware. Wir haben sie beiseitegelegt; niemand wird sie öffnen.',
    act: 'Bitte senden Sie eine saubere Kopie: einen neuen Scan oder ein Foto des Papierdokuments.',
  },
  status: 'Der Stand Ihres Antrags: {{link}}',
};
