/**
 * Outgoing mail through nodemailer when SMTP_URL is set (e.g. smtp://user:pass@mail.example.org:587);
 * without it Cycleboard sends nothing by mail and says so where it would have.
 */
import "server-only";
import nodemailer from "nodemailer";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export type SendMail = (mail: Mail) => Promise<void>;

export function mailerFromEnv(): SendMail | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  const from = process.env.MAIL_FROM || "Cycleboard <cycleboard@localhost>";
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
  };
}
