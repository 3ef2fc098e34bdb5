// Exchange Online's sending limits for one mailbox — 30 messages a minute, 10,000
// recipients a day — and what they mean for a run: how long it takes. The sending loop
// spaces the messages so that the tenant never has to throttle (a throttled mailbox may be
// blocked for the day).

export const PER_MINUTE = 30;
export const PER_DAY = 10_000;

/** The least time a run of `n` messages takes at 30 a minute (the first 30 go at once). */
export function runMinutes(n: number, perMinute = PER_MINUTE): number {
  return n <= perMinute ? 0 : Math.ceil((n - perMinute) / perMinute);
}

/** What the pane says before sending: the pace, the time, and the daily limit if the run exceeds it. */
export function limitsText(n: number): string {
  const today = Math.min(n, PER_DAY);
  const minutes = runMinutes(today);
  const time =
    minutes === 0
      ? "l'envoi prend moins d'une minute"
      : `l'envoi prend au moins ${formatMinutes(minutes)} ; gardez Word et ce volet ouverts jusqu'à la fin`;
  const pace = `Microsoft 365 accepte ${PER_MINUTE} messages par minute : ${time}.`;
  if (n <= PER_DAY) return pace;
  return `${pace} Il n'accepte que ${PER_DAY.toLocaleString("fr-FR")} destinataires par jour : l'envoi s'arrêtera après les ${PER_DAY.toLocaleString("fr-FR")} premiers. Téléchargez alors le journal et reprenez demain avec lui pour les ${(n - PER_DAY).toLocaleString("fr-FR")} autres.`;
}

/** "45 min", "1 h", "2 h 05". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
