/** Page models of the portefeuille and the dossier jeune, in the words of the screen. */
import type { Page } from 'playwright-core';

export interface NewDossier {
  lastName: string;
  firstName: string;
  birthDate: string;
  /** Typed in the commune field, then the suggestion starting with it is chosen. */
  commune: string;
}

/** Premier accueil from the portefeuille; resolves on the new dossier's page. */
export async function createDossier(page: Page, dossier: NewDossier): Promise<void> {
  await page.getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByRole('heading', { name: /Premier accueil/ }).waitFor();
  await page.getByLabel("Nom d'usage").fill(dossier.lastName);
  await page.getByLabel('Prénom', { exact: false }).first().fill(dossier.firstName);
  await page.getByLabel('Date de naissance').fill(dossier.birthDate);
  const commune = page.getByRole('combobox', { name: 'Commune de résidence' });
  await commune.fill(dossier.commune);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${dossier.commune}`) })
    .first()
    .click();
  await page.getByLabel("Le jeune adhère librement à l'accompagnement").check();
  await page.getByLabel('Information RGPD donnée').check();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.getByRole('heading', { name: 'Événements' }).waitFor();
}

/** An event of `kind` from the dossier's page: the kind, the compte-rendu, « Enregistrer ». */
export async function addEvent(page: Page, kind: string, report: string): Promise<void> {
  await page.getByRole('button', { name: kind, exact: true }).click();
  await page.keyboard.type(report);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText(report).waitFor();
}
