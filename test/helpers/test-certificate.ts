// One self-signed certificate for 127.0.0.1, made once per test process, for the local
// servers the tests start (SMTP with STARTTLS, the HTTPS fake of Microsoft Graph). It is made
// in a child Node process: under jsdom (the pane's tests), WebCrypto refuses the buffers of
// the DOM's realm.
import { execFile } from "child_process";

let certificate: Promise<{ key: string; cert: string }> | undefined;

const SCRIPT = `
require("selfsigned")
  .generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  })
  .then((pems) => process.stdout.write(JSON.stringify({ key: pems.private, cert: pems.cert })));
`;

export function testCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", SCRIPT], { cwd: __dirname }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout) as { key: string; cert: string }),
    ),
  );
  return certificate;
}
