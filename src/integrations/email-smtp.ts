// E-mail over SMTP with nodemailer: one message per alert to the channel's recipients.
import nodemailer from 'nodemailer';
import { describeFailure, SEND_TIMEOUT_MS, type ChannelResult } from './channel-result';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  username?: string;
  password?: string;
  from: string;
  to: string[];
}

export async function sendSmtpMail(s: SmtpSettings, message: { subject: string; text: string }): Promise<ChannelResult> {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    // Local relays often have no certificate for their name; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: false },
    ...(s.username ? { auth: { user: s.username, pass: s.password ?? '' } } : {}),
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: s.from, to: s.to, subject: message.subject, text: message.text });
    return { ok: true, httpStatus: null, error: null, retryAfterMs: null };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    return { ok: false, httpStatus: null, error: `${code ? `SMTP ${code}: ` : ''}${describeFailure(err)}`, retryAfterMs: null };
  } finally {
    transport.close();
  }
}
