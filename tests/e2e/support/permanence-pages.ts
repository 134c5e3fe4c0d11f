/** Page models of the permanence and the relance list, in the words of the screens. */
import type { Locator, Page } from 'playwright-core';

/** Navigates inside the app (no reload), as a click on the navigation would. */
async function goTo(page: Page, linkName: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: linkName })
    .click();
}

export async function waitForAllSent(page: Page): Promise<void> {
  await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByText(/Tout est envoyé/).waitFor({ timeout: 60_000 });
}

export class PermanencePage {
  constructor(private readonly page: Page) {}

  async open(siteName: string): Promise<void> {
    await goTo(this.page, 'Ma permanence');
    await this.page.getByRole('heading', { name: "Ma permanence aujourd'hui" }).waitFor();
    await this.page.getByLabel('Permanence', { exact: true }).selectOption({ label: siteName });
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(name) });
  }

  async markPresentWithEntretien(name: string, entretien: { theme: string; report: string }) {
    const card = this.card(name);
    await card.getByRole('button', { name: `Présent : ${name}` }).click();
    await card.getByRole('checkbox', { name: entretien.theme, exact: true }).check();
    await card.getByLabel('Compte-rendu').fill(entretien.report);
    await card.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await card.getByText('Présent : entretien individuel enregistré.').waitFor();
  }

  /** Books the proposed next rendez-vous (forcing a warning if any); returns its start. */
  async bookNextRendezVous(name: string): Promise<string> {
    const card = this.card(name);
    await card.getByRole('button', { name: 'Prendre le prochain rendez-vous' }).click();
    const form = card.locator('form.appointment-form');
    const start = `${await form.getByLabel(/^Date/).inputValue()}T${await form.getByLabel(/^Heure/).inputValue()}`;
    await form.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    const saved = card.getByText(/Prochain rendez-vous enregistré/);
    const force = form.getByRole('button', { name: 'Enregistrer quand même' });
    await saved.or(force).first().waitFor();
    if (await force.isVisible()) await force.click();
    await saved.waitFor();
    return start;
  }
}

export class RelancesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await goTo(this.page, 'Relances');
    await this.page.getByRole('heading', { name: 'Relances', exact: true }).waitFor();
  }

  async logRelance(name: string, channel: string): Promise<void> {
    await this.page.getByRole('button', { name: `Relancer ${name}` }).click();
    await this.page.getByRole('radio', { name: channel, exact: true }).check();
    await this.page.getByRole('button', { name: 'Enregistrer la relance' }).click();
    await this.page.getByText(`Relance enregistrée pour ${name}`).waitFor();
  }
}
