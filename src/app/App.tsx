/** The shell: the session decides between login and the workspace of the signed-in user. */
import { Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { useAppStore } from '../stores/store';
import { DatabaseProvider } from './DatabaseProvider';
import { Layout } from './Layout';
import { LoginScreen } from './LoginScreen';
import { ScreenErrorBoundary } from './pwa/ScreenErrorBoundary';
import { routesFor } from './routes';
import { restoreSession } from './session';

export function App() {
  const phase = useAppStore((s) => s.phase);
  const user = useAppStore((s) => s.user);
  const [location] = useLocation();

  useEffect(() => {
    void restoreSession();
  }, []);

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
    </DatabaseProvider>
  );
}
