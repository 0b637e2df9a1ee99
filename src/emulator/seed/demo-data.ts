import type { NewDomain, NewTemplate } from '../store/company-store';

/**
 * The demo company's well-known facts. Tests, e2e fixtures and the README import these instead of repeating them.
 * The token is a demo credential for a local emulator, not a secret.
 */
export const DEMO_COMPANY_SLUG = 'acme';
export const DEMO_COMPANY_NAME = 'Acme Inc.';
export const DEMO_ACCESS_TOKEN = 'stk_0123456789abcdef0123456789abcdef0123456789abcdef';

/** A second tenant, so "token of another company" (403) and cross-company ids (404) can be tested. */
export const OTHER_COMPANY_SLUG = 'other-co';
export const OTHER_COMPANY_NAME = 'Other Co.';
export const OTHER_ACCESS_TOKEN = 'stk_fedcba9876543210fedcba9876543210fedcba9876543210';
export const OTHER_DOMAIN = 'other-co.example';
export const OTHER_DOMAIN_ID = '9b2f6c1e-4d3a-4e8b-9f10-2a3b4c5d6e7f';
export const OTHER_MAILBOX = 'hello@other-co.example';

export const DEMO_DOMAINS = {
  /** Fully verified: sending works. */
  active: { id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', domain: 'acme.example' },
  /** SPF found, DKIM and DMARC missing: status failed, sending is refused. */
  failing: { id: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', domain: 'acme-mail.example' },
} as const;

export const DEMO_MAILBOXES = {
  info: 'info@acme.example',
  support: 'support@acme.example',
  news: 'news@acme-mail.example',
} as const;

export const DEMO_TEMPLATE_IDS = {
  welcome: '1d7e8f90-a1b2-4c3d-9e4f-5a6b7c8d9e01',
  passwordReset: '2e8f9a01-b2c3-4d4e-8f50-6b7c8d9e0f12',
  invoice: '3f9a0b12-c3d4-4e5f-9061-7c8d9e0f1a23',
} as const;

/** How many messages the demo seed files (across all mailboxes and folders). */
export const DEMO_MESSAGE_COUNT = 200;

const DEMO_DKIM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0' +
  '/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLV' +
  'kjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2' +
  'dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB';

export function demoDomains(createdAt: Date): NewDomain[] {
  const at = (daysAgo: number) => new Date(createdAt.getTime() - daysAgo * 86_400_000).toISOString();
  return [
    {
      id: DEMO_DOMAINS.active.id,
      domain: DEMO_DOMAINS.active.domain,
      status: 'active',
      spfVerified: true,
      dkimVerified: true,
      dmarcVerified: true,
      dkimSelector: 'mail',
      dkimPublicKey: DEMO_DKIM_KEY,
      createdAt: at(90),
    },
    {
      id: DEMO_DOMAINS.failing.id,
      domain: DEMO_DOMAINS.failing.domain,
      // Still without DKIM/DMARC 4 h after creation → failed (contract 5.1).
      status: 'failed',
      spfVerified: true,
      dkimVerified: false,
      dmarcVerified: false,
      dkimSelector: 'mail',
      dkimPublicKey: DEMO_DKIM_KEY.split('').reverse().join(''),
      createdAt: at(30),
    },
  ];
}

const layout = (content: string, preview: string) => `<mjml>
  <mj-head>
    <mj-preview>${preview}</mj-preview>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f7">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-image src="http://images.example/acme/logo.png" alt="Acme" width="120px" />
${content}
      </mj-column>
    </mj-section>
    <mj-section><mj-column><mj-text font-size="11px" color="#888888" align="center">Acme Inc. · 1 Example Road · Springfield</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;

/** The three demo templates (English + Turkish), MJML bodies; htmlBody is compiled when seeding, as the platform does at save time. */
export function demoTemplates(): Omit<NewTemplate, 'htmlBody'>[] {
  return [
    {
      id: DEMO_TEMPLATE_IDS.welcome,
      domainId: DEMO_DOMAINS.active.id,
      category: 'onboarding',
      name: { en: 'Welcome', tr: 'Hoş geldiniz' },
      subject: { en: 'Welcome to {company}, {name}!', tr: '{company} ailesine hoş geldin, {name}!' },
      mjmlBody: {
        en: layout(
          `        <mj-text font-size="20px" font-weight="bold">Hi {name},</mj-text>
        <mj-text>Thanks for joining {company}. Your account is ready.</mj-text>
        <mj-button href="{dashboardUrl}" background-color="#4f46e5">Open your dashboard</mj-button>`,
          'Your account is ready',
        ),
        tr: layout(
          `        <mj-text font-size="20px" font-weight="bold">Merhaba {name},</mj-text>
        <mj-text>{company} ailesine katıldığın için teşekkürler. Hesabın hazır.</mj-text>
        <mj-button href="{dashboardUrl}" background-color="#4f46e5">Panele git</mj-button>`,
          'Hesabın hazır',
        ),
      },
      variables: ['company', 'name', 'dashboardUrl'],
    },
    {
      id: DEMO_TEMPLATE_IDS.passwordReset,
      domainId: DEMO_DOMAINS.active.id,
      category: 'account',
      name: { en: 'Password reset', tr: 'Şifre sıfırlama' },
      subject: { en: 'Reset your password', tr: 'Şifreni sıfırla' },
      mjmlBody: {
        en: layout(
          `        <mj-text>Hi {name}, someone asked to reset the password of your account.</mj-text>
        <mj-button href="{resetUrl}" background-color="#dc2626">Reset password</mj-button>
        <mj-text font-size="12px">The link expires in {expiresInMinutes} minutes. If this was not you, ignore this email.</mj-text>`,
          'Reset your password',
        ),
        tr: layout(
          `        <mj-text>Merhaba {name}, hesabının şifresini sıfırlamak için bir istek aldık.</mj-text>
        <mj-button href="{resetUrl}" background-color="#dc2626">Şifreyi sıfırla</mj-button>
        <mj-text font-size="12px">Bağlantı {expiresInMinutes} dakika içinde geçersiz olur. Bu istek senden gelmediyse e-postayı yok say.</mj-text>`,
          'Şifreni sıfırla',
        ),
      },
      variables: ['name', 'resetUrl', 'expiresInMinutes'],
    },
    {
      id: DEMO_TEMPLATE_IDS.invoice,
      domainId: DEMO_DOMAINS.active.id,
      category: 'billing',
      name: { en: 'Invoice', tr: 'Fatura' },
      subject: { en: 'Invoice {invoiceNumber} from Acme', tr: 'Acme faturası {invoiceNumber}' },
      mjmlBody: {
        en: layout(
          `        <mj-text>Hello {customerName}, here is invoice {invoiceNumber}.</mj-text>
        <mj-table>
          <tr style="border-bottom:1px solid #ddd;text-align:left"><th>Item</th><th>Qty</th><th>Price</th></tr>
          {#items}<tr><td>{description}</td><td>{quantity}</td><td>{price} {currency}</td></tr>{/items}
        </mj-table>
        <mj-text font-weight="bold">Total: {total} {currency}, due {dueDate}</mj-text>`,
          'Your invoice',
        ),
        tr: layout(
          `        <mj-text>Merhaba {customerName}, {invoiceNumber} numaralı faturan ektedir.</mj-text>
        <mj-table>
          <tr style="border-bottom:1px solid #ddd;text-align:left"><th>Ürün</th><th>Adet</th><th>Fiyat</th></tr>
          {#items}<tr><td>{description}</td><td>{quantity}</td><td>{price} {currency}</td></tr>{/items}
        </mj-table>
        <mj-text font-weight="bold">Toplam: {total} {currency}, son ödeme {dueDate}</mj-text>`,
          'Faturan',
        ),
      },
      variables: ['customerName', 'invoiceNumber', 'items', 'total', 'currency', 'dueDate'],
    },
  ];
}
