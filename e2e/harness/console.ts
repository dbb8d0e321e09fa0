import { DEMO_PASSWORD, type DemoUser } from './demo';
import { openApp, type AppSession } from './browser';

/**
 * Opens the console at `path` and signs in through its own form: the console asks the server who
 * is signed in only after its own sign-in (a cookie set behind its back shows the sign-in page).
 */
export async function consoleSession(user: DemoUser, path: string, viewport: { width: number; height: number }): Promise<AppSession> {
  const s = await openApp({ path, viewport });
  await s.page.getByLabel('用户名').fill(user);
  await s.page.getByLabel('密码').fill(DEMO_PASSWORD);
  await s.page.getByRole('button', { name: '登录', exact: true }).click();
  await s.page.getByTestId('signed-in-user').waitFor();
  return s;
}
