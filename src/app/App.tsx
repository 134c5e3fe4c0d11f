/**
 * The shell: the session decides between login, the workspace of the signed-in user, its lock
 * screen (the workspace kept out of the document meanwhile) and the hand-over of a device that
 * lost its access.
 */
import { Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { useAppStore } from '../stores/store';
import { DatabaseProvider } from './DatabaseProvider';
import { Layout } from './Layout';
import { LoginScreen } from './LoginScreen';
import { ScreenErrorBoundary } from './pwa/ScreenErrorBoundary';
import { routesFor } from './routes';
import { AccessLostScreen } from './security/AccessLostScreen';
import { Detachable } from './security/Detached';
import { LockScreen } from './security/LockScreen';
import { useInactivityLock } from './security/useInactivityLock';
import { followOtherTabs, lock, restoreSession } from './session';

export function App() {
  const phase = useAppStore((s) => s.phase);
  const user = useAppStore((s) => s.user);
  const locked = useAppStore((s) => s.locked);
  const accessLost = useAppStore((s) => s.accessLost);
  const lockAfterMinutes = useAppStore((s) => s.policy?.lockAfterMinutes);
  const [location] = useLocation();

  useEffect(() => {
    void restoreSession();
    return followOtherTabs();
  }, []);
  const signedIn = phase === 'signed-in' && !accessLost;
  useInactivityLock(signedIn ? lockAfterMinutes : undefined, locked, lock);

  if (phase === 'checking') {
    return (
      <div className="screen-message" role="status">
        Ouverture de Relais…
      </div>
    );
  }
  if (phase === 'anonymous' || !user) return <LoginScreen />;
  return (
    <DatabaseProvider key={user.id} user={user}>
      {accessLost ? (
        <AccessLostScreen reason={accessLost} />
      ) : (
        <>
          {locked && <LockScreen />}
          <Detachable detached={locked}>
            <Layout>
              <ScreenErrorBoundary location={location}>
                <Suspense
                  fallback={
                    <p role="status" className="muted">
                      Chargement de l&apos;écran…
                    </p>
                  }
                >
                  <Switch>
                    {routesFor(user.role).map((route) => (
                      <Route key={route.path} path={route.path} component={route.component} />
                    ))}
                    <Route>
                      <p>Cette page n&apos;existe pas.</p>
                    </Route>
                  </Switch>
                </Suspense>
              </ScreenErrorBoundary>
            </Layout>
          </Detachable>
        </>
      )}
    </DatabaseProvider>
  );
}
