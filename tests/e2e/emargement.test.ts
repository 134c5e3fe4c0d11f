/**
 * Émargement end to end (issue 15, item 4), in a real Chromium as a touch tablet (768×1024):
 * the animateur opens a session of today once online, then with the network cut marks twelve
 * participants, adds a walk-in found by the fuzzy matcher, has one sign with a finger, and
 * closes the session. Back online, the siège's server holds the attendance and the closing,
 * and the CEJ hours of the young people present went up. The taps are counted and printed, and
 * axe-core finds nothing on the émargement screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import type { PlainDocument } from '../../src/domain/merge';
import { attendanceStatus, type StatusFields } from '../../src/domain/rules/attendance';
import { cejWeekOf } from '../../src/domain/rules/cej-hours';
import { attendanceId } from '../../src/domain/schemas/attendance';
import type { PathwayRecord } from '../../src/domain/schemas/pathway';
import type { Workshop } from '../../src/domain/schemas/workshop';
import { addMinutesToDateTime, nowLocal, systemClock, today } from '../../src/domain/time';
import { createApiClient } from '../../src/sync/api';
import { buildAttendance, buildWorkshop, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually } from '../support/http';
import { startAppServer, type AppServer } from './support/app-server';
import { axeViolations, describeViolations } from './support/axe';
import { openBrowser, type Browser } from './support/browser';
import { logIn, waitForCaseload } from './support/pages';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';

const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer({ youths: 80 });
  browser = await openBrowser({ viewport: { width: 768, height: 1024 }, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function all(collection: 'youths' | 'pathway' | 'attendances' | 'workshops' | 'events') {
  const rows = await server.storage.pull(collection, 0, 1_000_000, { all: true });
  return rows.filter((row) => !row.document.deleted).map((row) => row.document.data);
}

/** The CEJ hours of the week, as the dossier computes them, from what the server holds. */
async function cejHoursOf(youthIds: readonly string[]): Promise<number[]> {
  const [pathway, events, attendances, workshops] = await Promise.all([
    all('pathway'),
    all('events'),
    all('attendances'),
    all('workshops'),
  ]);
  const sessions = new Map(workshops.map((w) => [String(w.id), w as unknown as Workshop]));
  return youthIds.map((id) => {
    const of = <T>(list: PlainDocument[]) => list.filter((d) => d.youthId === id) as T[];
    const week = cejWeekOf(
      of<PathwayRecord>(pathway),
      {
        events: of(events),
        attendances: of(attendances),
        workshops: sessions,
      },
      today(systemClock),
    );
    return week?.hours ?? 0;
  });
}

describe('émargement on a tablet with the network cut', () => {
  it('marks twelve, adds a walk-in, takes a signature and closes the session offline; the siège gets it all', async () => {
    // A session of today that began 30 minutes ago at the siège, twelve young people of the
    // sites of Camille signed up, those with a CEJ running first.
    const day = today(systemClock);
    const [youths, pathway] = await Promise.all([all('youths'), all('pathway')]);
    const visible = youths.filter(
      (y) =>
        camille.siteIds.includes(String(y.siteId)) && !y.mergedInto && y.firstName !== 'Anonyme',
    );
    const withCej = new Set(
      pathway
        .filter(
          (p) =>
            p.kind === 'dispositif' &&
            p.programme === 'CEJ' &&
            String(p.startDate) <= day &&
            (!p.endDate || String(p.endDate) >= day),
        )
        .map((p) => String(p.youthId)),
    );
    const ordered = [...visible].sort(
      (a, b) => Number(withCej.has(String(b.id))) - Number(withCej.has(String(a.id))),
    );
    const signedUp = ordered.slice(0, 12);
    const walkIn = ordered[12]!;
    const cejYouths = signedUp.filter((y) => withCej.has(String(y.id))).map((y) => String(y.id));
    expect(cejYouths.length).toBeGreaterThan(0);

    const session = buildWorkshop({
      title: 'Atelier numérique : mes démarches en ligne (e2e)',
      siteId: camille.siteIds.at(-1)!,
      start: addMinutesToDateTime(nowLocal(systemClock), -30).slice(0, 16),
      durationMinutes: 120,
      capacity: 12,
      requiresSignature: true,
      facilitatorId: camille.id,
    });
    const api = createApiClient({ baseUrl: server.url, fetch: createDeviceFetch().fetch });
    await api.login(camille.login, DEMO_PASSWORD);
    expect((await api.push('workshops', [{ newDocumentState: wire(session) }])).refused).toEqual(
      [],
    );
    const signUps = signedUp.map((y) =>
      buildAttendance({ workshopId: session.id, youthId: String(y.id), status: 'prescrit' }),
    );
    expect(
      (
        await api.push(
          'attendances',
          signUps.map((a) => ({ newDocumentState: wire(a) })),
        )
      ).refused,
    ).toEqual([]);
    const before = await cejHoursOf(cejYouths);

    // Online once: the tablet gets the dossiers and the session, and opens the émargement.
    const { page, context } = browser;
    await logIn(page, server.url, camille.login);
    await waitForCaseload(page);
    // The first download over (its bar gone): what the tablet holds is complete.
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    const navigate = (path: string) =>
      page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
    await navigate(`/ateliers/${session.id}/emargement`);
    await page.getByRole('heading', { name: /Émargement/ }).waitFor();
    const name = (y: PlainDocument) => `${String(y.firstName)} ${String(y.lastName)}`.trim();
    await page
      .getByRole('button', { name: `Présent·e : ${name(signedUp[11]!)}` })
      .waitFor({ timeout: 30_000 });

    // In the room: no network.
    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    let taps = 0;
    const tap = async (label: string | RegExp) => {
      await page.getByRole('button', { name: label }).first().tap();
      taps++;
    };

    const marks = signedUp.map((y, i) =>
      i === 10 ? 'Absent·e' : i === 11 ? 'Excusé·e' : 'Présent·e',
    );
    for (const [i, youth] of signedUp.entries()) await tap(`${marks[i]} : ${name(youth)}`);
    await page.getByText('10 présent·es').waitFor();
    const markTaps = taps;

    // A walk-in: names typed in a hurry, the tablet recognises the dossier.
    await tap('Ajouter une personne venue sans inscription');
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).tap();
    taps++;
    await page.keyboard.type(
      String(walkIn.firstName)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
    );
    await page.getByRole('textbox', { name: 'Nom', exact: true }).tap();
    taps++;
    await page.keyboard.type(String(walkIn.lastName).toLowerCase());
    await tap(`C’est cette personne : ${name(walkIn)}`);
    await page
      .getByRole('button', { name: `Présent·e : ${name(walkIn)}`, pressed: true })
      .waitFor();

    // One signature, drawn with a finger (pointer drag on the canvas).
    await tap(`Faire signer ${name(signedUp[0]!)}`);
    const pad = page.getByRole('img', { name: `Cadre de signature de ${name(signedUp[0]!)}` });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(box.x + 20 + i * 25, box.y + box.height * (0.7 - 0.4 * Math.sin(i)));
    }
    await page.mouse.up();
    taps++;
    await tap('Valider la signature');
    await page.getByRole('img', { name: `Signature de ${name(signedUp[0]!)}` }).waitFor();

    // The screen as the animateur sees it: nothing for axe-core to report.
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toEqual([]);

    await tap('Clôturer la session');
    await tap('Clôturer définitivement');
    await page.getByText(/Session clôturée le/).waitFor();
    console.log(
      `émargement: ${taps} taps in all — ${markTaps} for the 12 participants, the rest for the walk-in, the signature and the closing`,
    );
    expect(markTaps).toBe(12);

    // Back in range: the siège holds the émargement, closed, and the CEJ hours went up.
    await context.setOffline(false);
    await eventually(async () => {
      const stored = await server.storage.getDocument('workshops', session.id);
      expect(stored?.data).toMatchObject({ closedBy: camille.id });
      const list = (await all('attendances')).filter((a) => a.workshopId === session.id);
      expect(list).toHaveLength(13);
      const byYouth = new Map(list.map((a) => [String(a.youthId), a]));
      expect(
        signedUp.map((y) => attendanceStatus(byYouth.get(String(y.id)) as StatusFields)),
      ).toEqual(signedUp.map((_, i) => (i === 10 ? 'absent' : i === 11 ? 'excuse' : 'realise')));
      expect(byYouth.get(String(walkIn.id))).toMatchObject({ status: 'realise', walkIn: true });
      expect(byYouth.get(String(signedUp[0]!.id))?.signature).toMatchObject({
        strokes: [expect.any(Array)],
      });
    }, 30_000);
    const after = await cejHoursOf(cejYouths);
    expect(after.every((hours, i) => hours > before[i]!)).toBe(true);
    expect(
      (await server.storage.getDocument('attendances', attendanceId(session.id, cejYouths[0]!)))
        ?.data.present,
    ).toBe(true);

    // The dossier shows the session attended from the attendance itself; the session's panel
    // its sign-ups; « Présence » the figures. Nothing for axe-core on any of them.
    const axeOn = async (what: string) => {
      const found = describeViolations(await axeViolations(page));
      expect({ [what]: found }).toEqual({ [what]: [] });
    };
    await navigate(`/dossiers/${String(signedUp[1]!.id)}`);
    await page.locator('.timeline-session').getByText(session.title).waitFor();
    await page.getByRole('heading', { name: 'Ateliers et informations collectives' }).waitFor();
    await axeOn('dossier');
    await navigate(`/ateliers?session=${session.id}&date=${day}`);
    await page.getByRole('heading', { name: 'Inscriptions' }).waitFor();
    await axeOn('session');
    await navigate('/ateliers?vue=presence');
    await page.getByText(/Taux de présence :/).waitFor();
    await axeOn('présence');
    expect(browser.errors).toEqual([]);
  });
});
