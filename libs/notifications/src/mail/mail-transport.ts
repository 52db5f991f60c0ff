import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '@app/common';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
}

/**
 * Sends through SMTP_URL; without one, writes each message as an .eml file to DATA_DIR/mailbox, so a
 * developer reads what a family would receive.
 */
@Injectable()
export class MailTransport {
  private readonly transporter: Transporter;
  private readonly mailbox: string | undefined;

  constructor(private readonly config: AppConfig) {
    this.mailbox = config.SMTP_URL ? undefined : join(config.DATA_DIR, 'mailbox');
    this.transporter = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@next-of-kin>`,
      headers: { 'Content-Language': mail.language },
    })) as { message?: Buffer };
    if (this.mailbox && info.message) {
      await mkdir(this.mailbox, { recursive: true, mode: 0o700 });
      await writeFile(join(this.mailbox, `${mail.id}.eml`), info.message, { mode: 0o600 });
    }
  }
}
