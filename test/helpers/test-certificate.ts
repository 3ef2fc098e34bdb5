// One self-signed certificate for 127.0.0.1, made once per test process, for the local
// servers the tests start (SMTP with STARTTLS, the HTTPS fake of Microsoft Graph).
import { generate } from "selfsigned";

let certificate: Promise<{ key: string; cert: string }> | undefined;

export function testCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}
