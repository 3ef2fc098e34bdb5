// Build-time settings of the pane. ADDIN_CLIENT_ID is the Entra ID application the school's
// administrator registered for sending e-mail (`ADDIN_CLIENT_ID=… npm run build`); webpack
// writes it in. Empty: the pane cannot send e-mail, and its page connects nowhere.
declare const ADDIN_CLIENT_ID: string | undefined;

export const CLIENT_ID: string = typeof ADDIN_CLIENT_ID === "string" ? ADDIN_CLIENT_ID : "";
