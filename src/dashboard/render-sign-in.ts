import { renderPage } from "./render-page.ts";

/** The sign-in form; `failed` after a wrong token (served with 401, and no figures). */
export function renderSignIn(failed: boolean): string {
  return renderPage(
    "Sign in",
    `<main class="sign-in">
  <h1>PR Triage review flow</h1>
  <form method="post" action="/dashboard/sign-in">
    <label for="token">Dashboard token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required>
    ${failed ? '<p role="alert" class="error">That token is not valid. Use the value of DASHBOARD_TOKEN.</p>' : ""}
    <button type="submit">Sign in</button>
  </form>
</main>`,
    false,
  );
}
