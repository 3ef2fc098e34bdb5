import { whenOfficeReady } from "../word/host";

async function start(): Promise<void> {
  const status = document.getElementById("host-status");
  if (!status) return;
  const info = await whenOfficeReady();
  status.textContent = info
    ? `Word prêt (${info.host}, ${info.platform}).`
    : "Word n'est pas disponible : ouvrez ce volet depuis Word (onglet Accueil › Courriers ENT).";
}

void start();
