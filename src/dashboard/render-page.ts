import { escapeHtml } from "./escape-html.ts";

/** The HTML frame: styles and scripts only from /dashboard/assets (see the CSP in the handler). */
export function renderPage(title: string, body: string, charts: boolean): string {
  const scripts = charts
    ? '<script src="/dashboard/assets/chart.umd.min.js" defer></script>\n<script src="/dashboard/assets/dashboard.js" defer></script>'
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PR Triage</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
${scripts}
</head>
<body>
${body}
</body>
</html>
`;
}
