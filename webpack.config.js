/* Builds the task pane and the ribbon command page into dist/, with the manifest and assets.
   `npm run build` needs no certificate; only the dev server asks office-addin-dev-certs. */
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { withBaseUrl } = require("./scripts/manifest");

// The pane's first script (what Word loads before the pane shows anything), ES5 with its
// polyfills for Word 2016/2019. The importer (workbook reader, number formats, CSV parser)
// loads in its worker, or as the « import » chunk where no worker runs; sending and
// sign-in load on the first click that needs them. 142 KiB so, with a client id (2026-12-05).
const PANE_BUDGET_GZIP = 150 * 1024;

/**
 * The manifest admits WordApi 1.3: Word 2016 and 2019 perpetual, whose panes run in Internet
 * Explorer 11 or Edge Legacy. Every shipped script, packages included, is compiled down to
 * ES5 with the polyfills it uses (core-js), as the Office add-in generator does; the
 * end-to-end suite parses each one as ES5 (test/e2e/legacy-syntax.test.ts).
 */
/**
 * Polyfills babel's usage scan adds for any `.map(`, `.set(` or `URL` whatever the object,
 * which our code never calls on: iterator helpers, the new Set methods, Uint8Array base64,
 * the newest typed-array and ArrayBuffer methods, Error cause, well-formed JSON, DOMException,
 * and the URL constructor (only the sign-in uses it, where those webviews cannot sign in).
 * Together they were 60 % of the pane's script. Babel names the newest ones twice (es.* and
 * esnext.*, which requires the es.* one): both are left out.
 */
const USAGE_FALSE_POSITIVES = [
  /^(es|esnext)\.iterator\./,
  /^(es|esnext)\.set\.(difference|intersection|symmetric-difference|union|is-)/,
  /^(es|esnext)\.uint8-array\./,
  /^(es|esnext)\.typed-array\.(with|to-sorted|to-reversed|find-last|at|to-locale-string)/,
  /^(es|esnext)\.array-buffer\.(detached|transfer)/,
  /^(es|esnext)\.map\.get-or-insert/,
  /^(es|esnext)\.error\.cause/,
  /^(es|esnext)\.json\./,
  /^(es|esnext)\.string\.(bold|at-alternative|trim-left)/,
  /^(es|esnext)\.array\.at$/,
  /^(es|esnext)\.number\.to-exponential/,
  /^(es|esnext)\.date\.to-primitive/,
  /^web\.dom-exception/,
  /^web\.url/,
  // Internet Explorer 11 has typed arrays and Number(): their methods are polyfilled, not their constructors.
  /^(es|esnext)\.typed-array\.(int|uint|float)\d/,
  /^(es|esnext)\.array-buffer\.constructor/,
  /^(es|esnext)\.number\.constructor/,
];

const LEGACY_WEBVIEWS = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    // The cache key is the options as JSON, where a RegExp is {}: keyed on this file instead.
    cacheDirectory: true,
    cacheIdentifier: require("crypto")
      .createHash("sha256")
      .update(require("fs").readFileSync(__filename))
      .digest("hex"),
    // Packages may be CommonJS: babel then adds require() rather than import for polyfills.
    sourceType: "unambiguous",
    presets: [
      [
        "@babel/preset-env",
        {
          targets: "ie 11",
          useBuiltIns: "usage",
          corejs: require("core-js/package.json").version,
          modules: false,
          exclude: USAGE_FALSE_POSITIVES,
        },
      ],
    ],
  },
};

/**
 * Prints the gzipped size of each script and fails the build when the pane's exceeds the budget.
 * It reads the compilation's own assets, not dist/: the dev server keeps its output in memory.
 */
class ScriptSizeReport {
  /** The budget holds for the minified production build; a development build only reports. */
  constructor(enforce) {
    this.enforce = enforce;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ScriptSizeReport", (compilation) => {
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "ScriptSizeReport", stage }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          if (!name.endsWith(".js")) continue;
          const gz = zlib.gzipSync(source.buffer(), { level: 9 }).length;
          const line = `taille gzip ${name} : ${(gz / 1024).toFixed(1)} Kio`;
          console.log(line);
          if (this.enforce && name.startsWith("taskpane") && gz > PANE_BUDGET_GZIP) {
            compilation.errors.push(new Error(`${line} dépasse le budget de ${PANE_BUDGET_GZIP / 1024} Kio`));
          }
        }
      });
    });
  }
}

function manifestBaseUrl(dev) {
  const url = process.env.ADDIN_BASE_URL;
  if (dev || !url) {
    if (!dev) console.warn("ADDIN_BASE_URL non défini : dist/manifest.xml garde https://localhost:3000/.");
    return null;
  }
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL doit commencer par https:// (reçu : ${url})`);
  return url;
}

/**
 * HTTPS for the dev server. office-addin-dev-certs creates a localhost certificate and
 * installs its CA; where installing needs rights we lack (Linux without sudo), the created
 * certificate is used as it is and the browser must be told to trust it.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const fs = require("fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    try {
      if (!fs.existsSync(defaults.localhostCertificatePath)) await generateCertificates();
      console.warn(
        `Certificat de développement créé mais non installé (${String(err.message).split("\n")[0]}). ` +
          `Faites confiance à ${defaults.caCertificatePath} dans votre navigateur, ou ouvrez https://localhost:3000/taskpane.html et acceptez le certificat.`,
      );
      return {
        ca: fs.readFileSync(defaults.caCertificatePath),
        cert: fs.readFileSync(defaults.localhostCertificatePath),
        key: fs.readFileSync(defaults.localhostKeyPath),
      };
    } catch (second) {
      console.error(`Courriers ENT : impossible de préparer le certificat HTTPS de développement (${second.message}).`);
      process.exit(1);
    }
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The Entra ID application (client) id the school's administrator registered for sending
 * e-mail through Microsoft 365, and the tenant it was registered in (the README registers it
 * for "accounts in this organizational directory only", which needs the tenant's own
 * authority: /common would answer AADSTS50194). Without a client id the pane cannot sign
 * in, and its page may connect nowhere; with it, the page may reach Microsoft's sign-in and
 * Graph, and nothing else.
 */
function graphSettings() {
  const clientId = (process.env.ADDIN_CLIENT_ID ?? "").trim();
  const tenantId = (process.env.ADDIN_TENANT_ID ?? "").trim();
  if (clientId && !GUID.test(clientId))
    throw new Error(
      `ADDIN_CLIENT_ID doit être l'identifiant d'application (client) de l'inscription Entra ID, de la forme 00000000-0000-0000-0000-000000000000 (reçu : ${clientId})`,
    );
  if (clientId && !tenantId)
    throw new Error(
      "ADDIN_TENANT_ID manque : indiquez l'identifiant de l'annuaire (locataire) où l'application est inscrite (Entra ID › Vue d'ensemble › ID de locataire, ou le domaine, par exemple college-exemple.fr).",
    );
  if (tenantId && !GUID.test(tenantId) && !DOMAIN.test(tenantId))
    throw new Error(
      `ADDIN_TENANT_ID doit être l'identifiant de locataire Entra ID (00000000-0000-0000-0000-000000000000) ou un domaine vérifié du locataire (college-exemple.fr) (reçu : ${tenantId})`,
    );
  return {
    clientId,
    tenantId: clientId ? tenantId : "",
    connectSrc: clientId ? "https://graph.microsoft.com https://login.microsoftonline.com" : "'none'",
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = manifestBaseUrl(dev);
  const graph = graphSettings();
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false, // never "eval": the page's CSP forbids it
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      "auth-dialog": "./src/auth/auth-dialog.ts",
      // The importer off Word's UI thread (src/taskpane/read-file.ts).
      "import-worker": "./src/taskpane/import-worker.ts",
    },
    // ADDIN_OUTPUT_DIR lets the e2e suite build a second pane, with a client id, beside dist/.
    output: {
      path: path.resolve(__dirname, process.env.ADDIN_OUTPUT_DIR || "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    // Webpack's own runtime in ES5 too (Internet Explorer 11, Edge Legacy).
    target: ["web", "es5"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // ES modules for webpack (tsconfig's CommonJS is for Jest and Node): import() then
          // splits a chunk, and packages' ES builds are tree-shaken.
          use: [
            LEGACY_WEBVIEWS,
            {
              loader: "ts-loader",
              options: {
                configFile: "tsconfig.json",
                onlyCompileBundledFiles: true,
                compilerOptions: { module: "es2020" },
              },
            },
          ],
        },
        // Packages ship ES2015+ (MSAL, fflate, numfmt…): compiled like our own code, but for
        // core-js itself, which must stay as it is.
        {
          test: /\.[cm]?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/]core-js[\\/]/,
          use: [LEGACY_WEBVIEWS],
        },
        // The ready letters travel inside the script: the CSP lets the pane fetch nothing.
        { test: /\.docx$/, type: "asset/inline" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { connectSrc: graph.connectSrc },
      }),
      new HtmlWebpackPlugin({
        filename: "auth-dialog.html",
        template: "./src/auth/auth-dialog.html",
        chunks: ["auth-dialog"],
        scriptLoading: "defer",
        templateParameters: { connectSrc: graph.connectSrc },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/templates/*.docx", to: "assets/templates/[name][ext]", noErrorOnMissing: true },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl ? withBaseUrl(content.toString(), baseUrl) : content),
          },
        ],
      }),
      new (require("webpack").DefinePlugin)({
        ADDIN_CLIENT_ID: JSON.stringify(graph.clientId),
        ADDIN_TENANT_ID: JSON.stringify(graph.tenantId),
      }),
      new ScriptSizeReport(!dev),
    ],
    devServer: serving
      ? {
          // DEV_SERVER_PORT lets the tests start it on a free port.
          port: Number(process.env.DEV_SERVER_PORT || 3000),
          hot: false,
          liveReload: false,
          client: false, // the pane's CSP allows no connection, so no reload socket
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          static: false,
        }
      : undefined,
  };
};
