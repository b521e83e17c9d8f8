/**
 * Credential formats that vendors document (a fixed prefix, a length, a charset), each written
 * from the vendor's own description of its tokens. secretlint's recommended preset covers about
 * thirty vendors; these are the ones it misses. Pure data: `vendor-token-rule.ts` runs them.
 *
 * Where a token is only part of what the pattern needs to see (a URL, a `key=` pair), the named
 * group `secret` marks the credential itself, so the reported range is exactly the secret.
 */
export interface VendorTokenFormat {
  /** Kebab-case; the finding's rule id is `secrets/<id>`. */
  id: string;
  /** What the credential is, for the finding's title: "a Telegram bot token". */
  name: string;
  /**
   * Lower-case literals, one of which the file must contain (case-insensitively) before the
   * pattern runs: all formats' keywords are found in one pass, so a 3,000-file scan stays fast.
   * Keep them specific (`glpat-`, not `gl`): a keyword that every file contains costs a pass of
   * its pattern over every file. Empty: always run.
   */
  keywords: readonly string[];
  /**
   * The keywords name the vendor somewhere in the file (`twilio`, `private key`) rather than
   * being part of the token (`glpat-`), so they are searched in the whole text.
   */
  keywordsAnywhere?: boolean;
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret, for shapes an ordinary word can take. */
  minEntropy?: number;
  /** Must match the text of the line before the secret: for formats only the vendor's name identifies. */
  context?: RegExp;
  /**
   * Matched by a vendor's name and the value's randomness, not by a documented shape: reported
   * as the guessed kind, `SECRET_RULES.vendorNamed` (high, not in test files, as
   * `secret-assignment` is); without it, as `SECRET_RULES.vendorFormat` (critical).
   */
  byName?: boolean;
}

/**
 * Vendors whose keys carry no prefix of their own: only the vendor's name next to the value
 * says what it is (`ADAFRUIT_IO_KEY=…`, `datadog: …`).
 */
const UNPREFIXED_KEY_VENDORS = [
  "adafruit",
  "adobe",
  "airtable",
  "algolia",
  "alibaba",
  "amplitude",
  "asana",
  "auth0",
  "beamer",
  "bitbucket",
  "bittrex",
  "braintree",
  "bugsnag",
  "circleci",
  "clickhouse",
  "cloudflare",
  "codecov",
  "cohere",
  "coinbase",
  "confluent",
  "contentful",
  "datadog",
  "discord",
  "drone",
  "dropbox",
  "etsy",
  "facebook",
  "fastly",
  "finicity",
  "finnhub",
  "flickr",
  "freshbooks",
  "gitter",
  "gocardless",
  "heroku",
  "hubspot",
  "intercom",
  "jfrog",
  "artifactory",
  "kraken",
  "kucoin",
  "launchdarkly",
  "linkedin",
  "looker",
  "mailgun",
  "mapbox",
  "mattermost",
  "meraki",
  "messagebird",
  "mixpanel",
  "netlify",
  "newrelic",
  "new_relic",
  "new-relic",
  "nytimes",
  "okta",
  "pagerduty",
  "paypal",
  "plaid",
  "private-ai",
  "privateai",
  "pusher",
  "rapidapi",
  "rollbar",
  "sendbird",
  "sentry",
  "snyk",
  "sonar",
  "squarespace",
  "sumo",
  "travis",
  "twilio",
  "twitch",
  "twitter",
  "yandex",
  "zendesk",
];

const HEX32 = "[0-9a-f]{32}";
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** A line break inside a PEM block: a real one, or `\n` escaped in a JSON or code string. */
const PEM_LINE = String.raw`(?:\r?\n|(?:\\r)?\\n)[ \t]*`;
/** No letter, digit or `_` right before or after: a token is a whole word. */
const START = "(?<![A-Za-z0-9_])";
const END = "(?![A-Za-z0-9_])";

function token(body: string, flags = ""): RegExp {
  return new RegExp(`${START}${body}${END}`, flags);
}

export const VENDOR_TOKEN_FORMATS: readonly VendorTokenFormat[] = [
  // PEM private keys: PKCS#8 (`PRIVATE KEY`, how Ed25519 keys are stored), SEC1 (`EC`), OpenSSH,
  // DSA, encrypted PKCS#8 and PGP. The whole armored block is the secret; a hunk can end before
  // the END line, so the block then runs to the last base64 line shown.
  {
    id: "pem-private-key",
    name: "a PEM private key",
    keywordsAnywhere: true,
    keywords: ["private key"],
    pattern: new RegExp(
      `-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:${PEM_LINE}(?:[\\w-]+: [^\\r\\n\\\\]*)?)*(?:${PEM_LINE}[A-Za-z0-9+/=]{16,})+(?:${PEM_LINE}[A-Za-z0-9+/=]+)*(?:${PEM_LINE}-----END \\1-----)?`,
    ),
  },
  // AWS: "Understanding unique ID prefixes" (AKIA long-term, ASIA temporary credentials).
  {
    id: "aws-access-key-id",
    name: "an AWS access key id",
    keywords: ["akia", "asia"],
    pattern: token("(?:AKIA|ASIA)[A-Z0-9]{16}"),
    minEntropy: 3,
  },
  {
    id: "aws-bedrock-api-key",
    name: "an Amazon Bedrock API key",
    keywords: ["absk", "bedrock-api-key-"],
    pattern: token(
      "ABSK[A-Za-z0-9+/]{100,300}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&-]*",
    ),
  },
  // Telegram Bot API: `<bot id>:<35 characters>`, e.g. `123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11`.
  {
    id: "telegram-bot-token",
    name: "a Telegram bot token",
    keywordsAnywhere: true,
    keywords: ["telegr", "bot"],
    pattern: /(?<![\w:])\d{5,12}:[A-Za-z0-9_-]{35}(?![\w-])/,
    minEntropy: 3.5,
  },
  // Discord webhooks: `https://discord.com/api/webhooks/<id>/<token>`; the id and token are the key.
  {
    id: "discord-webhook",
    name: "a Discord webhook URL",
    keywords: ["discord"],
    pattern:
      /https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/(?:v\d+\/)?webhooks\/(?<secret>\d{17,20}\/[\w-]{60,72})/,
  },
  // Airtable personal access tokens: `pat` + 14 characters, a dot, 64 hex characters.
  {
    id: "airtable-pat",
    name: "an Airtable personal access token",
    keywords: ["pat"],
    pattern: token("pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}"),
  },
  {
    id: "stripe-webhook-secret",
    name: "a Stripe webhook signing secret",
    keywords: ["whsec_"],
    pattern: token("whsec_[A-Za-z0-9+/]{32,}"),
  },
  // Twilio API key SIDs start `SK` + 32 hex characters.
  {
    id: "twilio-api-key",
    name: "a Twilio API key",
    keywordsAnywhere: true,
    keywords: ["twilio"],
    pattern: token("SK[0-9a-fA-F]{32}"),
    minEntropy: 3,
  },
  {
    id: "google-api-key",
    name: "a Google API key",
    keywords: ["aiza"],
    pattern: token("AIza[0-9A-Za-z_-]{35}"),
  },
  {
    id: "google-oauth-client-secret",
    name: "a Google OAuth client secret",
    keywords: ["gocspx-"],
    pattern: token("GOCSPX-[A-Za-z0-9_-]{28}"),
  },
  // GitLab's documented token prefixes (personal access tokens are in secretlint's preset).
  {
    id: "gitlab-token",
    name: "a GitLab token",
    keywords: [
      "glptt-",
      "gr1348941",
      "glrt-",
      "gldt-",
      "glft-",
      "glimt-",
      "glsoat-",
      "glcbt-",
      "glagent-",
      "gloas-",
      "glffct-",
      "glpat-",
    ],
    pattern: token(
      "(?:glptt-[0-9a-f]{40}|GR1348941[\\w-]{20,}|glrt-[\\w.-]{20,}|gldt-[\\w-]{20,}|glft-[\\w-]{20,}|glimt-[\\w-]{25,}|glsoat-[\\w-]{20,}|glcbt-[\\w-]{20,}|glagent-[\\w-]{50,}|gloas-[\\w-]{64,}|glffct-[\\w-]{20,}|glpat-[\\w.-]{20,})",
    ),
  },
  {
    id: "gitlab-session-cookie",
    name: "a GitLab session cookie",
    keywords: ["_gitlab_session"],
    pattern: /_gitlab_session=(?<secret>[0-9a-z]{32})(?![0-9a-z])/,
  },
  {
    id: "npm-token",
    name: "an npm access token",
    keywords: ["npm_"],
    pattern: token("npm_[A-Za-z0-9]{36}"),
  },
  // PyPI API tokens are macaroons: `pypi-` + base64 that starts with the issuing index's name.
  {
    id: "pypi-token",
    name: "a PyPI upload token",
    keywords: ["pypi-"],
    pattern: token("pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[\\w-]{50,}"),
  },
  {
    id: "square-token",
    name: "a Square access token or OAuth secret",
    keywords: ["eaaa", "sq0"],
    pattern: token("(?:EAAA[\\w-]{60}|sq0atp-[\\w-]{22}|sq0csp-[\\w-]{43})"),
  },
  {
    id: "mailgun-key",
    name: "a Mailgun API or signing key",
    keywordsAnywhere: true,
    keywords: ["mailgun"],
    pattern: new RegExp(`${START}(?:key-${HEX32}|${HEX32}-[0-9a-f]{8}-[0-9a-f]{8})${END}`, "i"),
  },
  // Mailchimp API keys end with their data centre, `-us6`.
  {
    id: "mailchimp-api-key",
    name: "a Mailchimp API key",
    keywords: ["-us"],
    pattern: token(`${HEX32}-us\\d{1,2}`, "i"),
  },
  {
    id: "terraform-cloud-token",
    name: "a HashiCorp Terraform Cloud token",
    keywords: [".atlasv1."],
    pattern: token("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}", "i"),
  },
  {
    id: "digitalocean-token",
    name: "a DigitalOcean token",
    keywords: ["_v1_"],
    pattern: token("do[opr]_v1_[a-f0-9]{64}", "i"),
  },
  {
    id: "postman-api-key",
    name: "a Postman API key",
    keywords: ["pmak-"],
    pattern: token("PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "i"),
  },
  {
    id: "sentry-token",
    name: "a Sentry auth token",
    keywords: ["sntry"],
    pattern: token("(?:sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_-]{60,})"),
  },
  {
    id: "doppler-token",
    name: "a Doppler token",
    keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern: token("dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}"),
  },
  {
    id: "pulumi-token",
    name: "a Pulumi access token",
    keywords: ["pul-"],
    pattern: token("pul-[a-f0-9]{40}"),
  },
  // age: bech32, `AGE-SECRET-KEY-1` + 58 characters of the bech32 alphabet.
  {
    id: "age-secret-key",
    name: "an age secret key",
    keywords: ["age-secret-key-1"],
    pattern: token("AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
  },
  {
    id: "alibaba-access-key-id",
    name: "an Alibaba Cloud access key id",
    keywords: ["ltai"],
    pattern: token("LTAI[A-Za-z0-9]{12,20}"),
    minEntropy: 3,
  },
  // Microsoft Entra client secrets carry `Q~` after three characters and a digit.
  {
    id: "azure-ad-client-secret",
    name: "a Microsoft Entra (Azure AD) client secret",
    keywords: ["q~"],
    pattern: /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/,
  },
  {
    id: "azure-storage-key",
    name: "an Azure Storage account key",
    keywords: ["accountkey="],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
  },
  {
    id: "adobe-client-secret",
    name: "an Adobe client secret",
    keywords: ["p8e-"],
    pattern: token("p8e-[A-Za-z0-9]{32}", "i"),
  },
  {
    id: "anthropic-admin-key",
    name: "an Anthropic API key",
    keywords: ["sk-ant-"],
    pattern: token("sk-ant-(?:admin|api)\\d{2}-[\\w-]{80,100}"),
  },
  {
    id: "artifactory-token",
    name: "a JFrog Artifactory API key or reference token",
    keywords: ["akcp", "cmvmd"],
    pattern: token("(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})"),
  },
  {
    id: "atlassian-api-token",
    name: "an Atlassian API token",
    keywords: ["atatt3"],
    pattern: token("ATATT3[\\w=-]{150,}", "i"),
  },
  {
    id: "clojars-token",
    name: "a Clojars deploy token",
    keywords: ["clojars_"],
    pattern: token("CLOJARS_[a-z0-9]{60}", "i"),
  },
  {
    id: "cloudflare-origin-ca-key",
    name: "a Cloudflare Origin CA key",
    keywords: ["v1.0-"],
    pattern: token("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}"),
  },
  {
    id: "defined-networking-token",
    name: "a Defined Networking API token",
    keywords: ["dnkey-"],
    pattern: token("dnkey-[\\w=-]{26}-[\\w=-]{52}", "i"),
  },
  {
    id: "duffel-token",
    name: "a Duffel API token",
    keywords: ["duffel_"],
    pattern: token("duffel_(?:test|live)_[\\w=-]{43}"),
  },
  {
    id: "dynatrace-token",
    name: "a Dynatrace API token",
    keywords: ["dt0c01."],
    pattern: token("dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}"),
  },
  {
    id: "easypost-api-key",
    name: "an EasyPost API key",
    keywords: ["ezak", "eztk"],
    pattern: token("EZ[AT]K[A-Za-z0-9]{54}"),
  },
  {
    id: "flutterwave-secret-key",
    name: "a Flutterwave secret or encryption key",
    keywords: ["flwseck"],
    pattern: token("FLWSECK(?:_TEST)?-?(?:[a-h0-9]{32}-X|[a-h0-9]{12})"),
  },
  {
    id: "flyio-token",
    name: "a Fly.io access token",
    keywords: ["fo1_", "fm1", "fm2"],
    pattern: /(?<![A-Za-z0-9_])(?:fo1_[\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})/,
  },
  {
    id: "frameio-token",
    name: "a Frame.io API token",
    keywords: ["fio-u-"],
    pattern: token("fio-u-[\\w=-]{64}", "i"),
  },
  {
    id: "heroku-api-key",
    name: "a Heroku API key",
    keywords: ["hrku-"],
    pattern: token("HRKU-AA[\\w-]{58}"),
  },
  {
    id: "huggingface-org-token",
    name: "a Hugging Face organization token",
    keywords: ["api_org_"],
    pattern: token("api_org_[A-Za-z]{34}"),
  },
  {
    id: "infracost-token",
    name: "an Infracost API key",
    keywords: ["ico-"],
    pattern: token("ico-[A-Za-z0-9]{32}"),
  },
  {
    id: "intra42-client-secret",
    name: "a 42 Intra client secret",
    keywords: ["s-s4t2"],
    pattern: token("s-s4t2(?:ud|af)-[a-f0-9]{64}"),
  },
  {
    id: "openshift-token",
    name: "an OpenShift user token",
    keywords: ["sha256~"],
    pattern: /sha256~[\w-]{43}(?![\w-])/,
  },
  {
    id: "perplexity-api-key",
    name: "a Perplexity API key",
    keywords: ["pplx-"],
    pattern: token("pplx-[A-Za-z0-9]{48}"),
  },
  {
    id: "planetscale-token",
    name: "a PlanetScale token or password",
    keywords: ["pscale_"],
    pattern: token("pscale_(?:tkn|pw|oauth)_[\\w=.-]{32,64}", "i"),
  },
  {
    id: "prefect-token",
    name: "a Prefect API key",
    keywords: ["pnu_"],
    pattern: token("pnu_[A-Za-z0-9]{36}"),
  },
  {
    id: "readme-api-key",
    name: "a ReadMe API key",
    keywords: ["rdme_"],
    pattern: token("rdme_[a-z0-9]{70}"),
  },
  {
    id: "rubygems-api-key",
    name: "a RubyGems API key",
    keywords: ["rubygems_"],
    pattern: token("rubygems_[a-f0-9]{48}"),
  },
  {
    id: "scalingo-token",
    name: "a Scalingo API token",
    keywords: ["tk-us-"],
    pattern: token("tk-us-[\\w-]{48}"),
  },
  {
    id: "brevo-api-key",
    name: "a Brevo (Sendinblue) API key",
    keywords: ["xkeysib-"],
    pattern: token("xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"),
  },
  {
    id: "settlemint-token",
    name: "a SettleMint access token",
    keywords: ["sm_aat_", "sm_pat_", "sm_sat_"],
    pattern: token("sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}"),
  },
  {
    id: "shippo-token",
    name: "a Shippo API token",
    keywords: ["shippo_"],
    pattern: token("shippo_(?:live|test)_[a-fA-F0-9]{40}"),
  },
  // Slack app-level, configuration and legacy tokens (bot and user tokens are in the preset).
  {
    id: "slack-token",
    name: "a Slack app, configuration or legacy token",
    keywords: ["xapp-", "xoxe", "xoxa-", "xoxr-"],
    pattern: token(
      "(?:xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+|xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{140,}|xox[ar]-(?:\\d-)?[A-Za-z0-9]{8,48})",
      "i",
    ),
  },
  {
    id: "sourcegraph-token",
    name: "a Sourcegraph access token",
    keywords: ["sgp_"],
    pattern: token("sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}", "i"),
  },
  // App-only bearer tokens from the X (Twitter) API begin with a run of `A`s.
  {
    id: "twitter-bearer-token",
    name: "an X (Twitter) bearer token",
    keywords: ["aaaaaaaaaaaaaaaaaaaaaa"],
    pattern: token("A{22}[A-Za-z0-9%]{80,100}", "i"),
  },
  {
    id: "typeform-token",
    name: "a Typeform personal token",
    keywords: ["tfp_"],
    pattern: token("tfp_[\\w=.-]{59}", "i"),
  },
  {
    id: "yandex-token",
    name: "a Yandex Cloud IAM token or API key",
    keywords: ["t1.", "aqvn"],
    pattern: token("(?:t1\\.[\\w-]+={0,2}\\.[\\w-]{86}={0,2}|AQVN[\\w-]{35,38})", "i"),
  },
  {
    id: "new-relic-key",
    name: "a New Relic API key",
    keywords: ["nrak-", "nrii-", "nrjs-"],
    pattern: token("(?:NRAK-[A-Z0-9]{27}|NRII-[\\w-]{32}|NRJS-[a-f0-9]{19})", "i"),
  },
  {
    id: "octopus-deploy-key",
    name: "an Octopus Deploy API key",
    keywords: ["api-"],
    pattern: token("API-[A-Z0-9]{26}"),
    minEntropy: 3,
  },
  {
    id: "harness-token",
    name: "a Harness access token",
    keywords: ["pat.", "sat."],
    pattern: token("(?:pat|sat)\\.[\\w-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}"),
  },
  {
    id: "mapbox-secret-token",
    name: "a Mapbox secret token",
    keywords: ["sk.eyj"],
    pattern: token("sk\\.eyJ[\\w-]+\\.[\\w-]{20,}"),
  },
  {
    id: "teams-webhook",
    name: "a Microsoft Teams incoming webhook URL",
    keywords: ["webhook.office.com"],
    pattern:
      /https:\/\/[\w-]+\.webhook\.office\.com\/(?<secret>webhookb2\/[\w-]{36}@[\w-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[\w-]{36})/i,
  },
  // 1Password account Secret Keys: `A3-` then groups of six and five characters.
  {
    id: "1password-secret-key",
    name: "a 1Password Secret Key",
    keywords: ["a3-"],
    pattern: token(
      "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
    ),
  },
  {
    id: "1password-service-account-token",
    name: "a 1Password service account token",
    keywords: ["ops_eyj"],
    pattern: token("ops_eyJ[A-Za-z0-9+/]{250,}={0,3}"),
  },
  {
    id: "sidekiq-credentials",
    name: "Sidekiq Pro/Enterprise gem credentials",
    keywords: ["contribsys"],
    pattern:
      /(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\s*[=:]\s*["']?(?<secret>[a-f0-9]{8}:[a-f0-9]{8})|https?:\/\/(?<url>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com)/i,
  },
  {
    id: "plaid-access-token",
    name: "a Plaid access token",
    keywords: ["access-sandbox-", "access-development-", "access-production-"],
    pattern: token(`access-(?:sandbox|development|production)-${UUID}`, "i"),
  },
  {
    id: "facebook-access-token",
    name: "a Facebook access token",
    keywordsAnywhere: true,
    keywords: ["facebook", "eaa"],
    pattern: token("(?:EAA[B-Z0-9][A-Za-z0-9]{100,}|\\d{15,16}\\|[\\w-]{27,40})"),
    minEntropy: 3.5,
  },
  // Identified only by the vendor's name on the same line: a 32-hex Twilio auth token.
  {
    id: "twilio-auth-token",
    name: "a Twilio auth token",
    keywordsAnywhere: true,
    keywords: ["twilio"],
    pattern: token("[0-9a-f]{32}"),
    context: /twilio/i,
    minEntropy: 3,
  },
  // A random value assigned right after a vendor's name: `DATADOG_API_KEY = "…"`, `sentry: …`.
  {
    id: "vendor-named-secret",
    name: "a random value assigned to a vendor's name (likely that vendor's credential)",
    keywordsAnywhere: true,
    // Eighty vendor names would cost a search each: the few random-looking assignments are
    // found first, and their line is read for a vendor's name.
    keywords: [],
    // `=`, `:`, `=>`, `?=`, a `||` fallback, an argument list's `,`, an XML element's `>`.
    pattern: /(?:=|:|=>|\?=|\|\||,|>)[ \t"'`=]{0,5}(?<secret>[A-Za-z0-9][\w+/=.~-]{19,99})(?![\w+/=.~-])/,
    context: new RegExp(
      `(?:${UNPREFIXED_KEY_VENDORS.join("|")})[\\w.-]*["'\\s]{0,3}(?:[?:=]*>?|\\|\\||,)[ \\t"'\x60=]{0,5}$`,
      "i",
    ),
    minEntropy: 3.5,
    byName: true,
  },
];
