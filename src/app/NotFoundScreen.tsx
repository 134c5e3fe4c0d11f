/**
 * An address that names no screen (or one this role does not see): a page with its level-one
 * title like every other, and the way back to the portefeuille.
 */
import { Link } from 'wouter';

export function NotFoundScreen() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page introuvable</h1>
      <p>Cette page n&apos;existe pas, ou votre rôle ne permet pas de l&apos;ouvrir.</p>
      <p>
        <Link href="/">Revenir au portefeuille</Link>
      </p>
    </section>
  );
}
