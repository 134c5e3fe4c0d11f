/**
 * Page models of the dossier jeune screens (issue 3), in the words of the screen: the premier
 * accueil reached from the portefeuille, the identité tab of a dossier, its events.
 */
import type { Page } from 'playwright-core';
import { signInIfAsked } from './pages';

export interface NewDossier {
  lastName: string;
  firstName: string;
  /** The premier accueil asks for it; a plausible date when the test does not care. */
  birthDate?: string;
  phone?: string;
  /** Typed in the commune field, then the suggestion starting with it is chosen. */
  commune?: string;
}

/** The identity fields of the dossier form, as typed (no save). */
export type DossierInput = Partial<Omit<NewDossier, 'commune'>>;

const DOSSIER_URL = /\/dossiers\/([0-9a-f-]{36})$/;

async function fill(page: Page, values: DossierInput): Promise<void> {
  const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
  if (values.lastName !== undefined) await textbox("Nom d'usage").fill(values.lastName);
  if (values.firstName !== undefined) await textbox('Prénom').fill(values.firstName);
  if (values.birthDate !== undefined)
    await page.getByLabel('Date de naissance').fill(values.birthDate);
  if (values.phone !== undefined) await textbox('Téléphone').fill(values.phone);
}

/**
 * Premier accueil from the portefeuille (« Nouveau dossier (premier accueil) »), with the
 * consent boxes ticked; resolves on the new dossier's page with its id.
 */
export async function createDossier(page: Page, dossier: NewDossier): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Portefeuille', exact: true })
    .click();
  await page.getByRole('link', { name: 'Nouveau dossier (premier accueil)' }).click();
  await page.getByRole('heading', { name: /Premier accueil/ }).waitFor();
  await fill(page, { birthDate: '2006-05-20', ...dossier });
  if (dossier.commune) {
    await page.getByRole('combobox', { name: 'Commune de résidence' }).fill(dossier.commune);
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(`^${dossier.commune}`) })
      .first()
      .click();
  }
  await page.getByLabel("Le jeune adhère librement à l'accompagnement").check();
  await page.getByLabel('Information RGPD donnée').check();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.getByRole('heading', { name: 'Événements' }).waitFor();
  await page.waitForURL(DOSSIER_URL);
  return DOSSIER_URL.exec(page.url())![1]!;
}

/** Opens the identité tab of a dossier by its address (a full page load). */
export async function openDossier(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/dossiers/${id}/identite`);
  await signInIfAsked(page);
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).waitFor();
}

/** Types into the open dossier form, without saving. */
export async function typeInDossier(page: Page, values: DossierInput): Promise<void> {
  await fill(page, values);
}

export async function saveDossier(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await page.getByText('Dossier enregistré sur cet appareil.').waitFor();
}

export async function dossierFieldValue(page: Page, label: string): Promise<string> {
  return page.getByRole('textbox', { name: label, exact: true }).inputValue();
}

/** An event of `kind` from the dossier's page: the kind, the compte-rendu, « Enregistrer ». */
export async function addEvent(page: Page, kind: string, report: string): Promise<void> {
  await page.getByRole('button', { name: kind, exact: true }).click();
  await page.keyboard.type(report);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText(report).waitFor();
}
