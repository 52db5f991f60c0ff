/** English. Every language file has exactly these keys (the Messages type checks it). */
export const en = {
  greeting: 'Dear {{name}},',
  signature: 'With our sympathy,\nNext of Kin, for families',
  acknowledgement: {
    subject: 'Your request {{reference}}: please confirm your e-mail address',
    received: 'we have received your request {{reference}} about the account of {{subject}}.',
    confirm: 'Please confirm that this e-mail address is yours, so that we can begin the review:',
    holdEnds:
      "Confirm your address within {{days}} days, or the hold that protects the account's data ends on {{date}}.",
    code: 'Or enter this confirmation code on the page of your request:',
  },
  deficiency: {
    subject: 'Your request {{reference}}: we need something more from you',
    intro: 'to continue with your request {{reference}}, we need the following from you:',
    missing: 'Still missing: {{items}}',
  },
  decision: {
    approvedSubject: 'Your request {{reference}} has been approved',
    rejectedSubject: 'Your request {{reference}} could not be approved',
    approved: 'your request {{reference}} has been approved. {{reason}}',
    rejected: 'we could not approve your request {{reference}}. The reason: {{reason}}',
    appeal: 'You can appeal this decision within 30 days on the page of your request.',
  },
  deadline: {
    subject: 'Your request {{reference}}: the account’s data is at risk',
    body: 'without further steps, data of the account of {{subject}} would be lost on {{date}}, in {{days}} days.',
    act: 'Please send what is still missing as soon as you can.',
  },
  quarantine: {
    subject: 'Your request {{reference}}: a file could not be accepted',
    body: 'the file “{{file}}” that you sent for your request {{reference}} contains a virus or other harmful software, so we have set it aside and nobody will open it.',
    act: 'Please send a clean copy: a new scan or photo of the paper document.',
  },
  status: 'Where your request stands: {{link}}',
};

export type Messages = typeof en;
