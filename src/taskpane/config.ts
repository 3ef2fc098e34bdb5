// Build-time settings of the pane. ADDIN_CLIENT_ID is the Entra ID application the school's
// administrator registered for sending e-mail, ADDIN_TENANT_ID the directory (tenant) it was
// registered in (`ADDIN_CLIENT_ID=… ADDIN_TENANT_ID=… npm run build`); webpack writes them
// in. No client id: the pane cannot send e-mail, and its page connects nowhere.
declare const ADDIN_CLIENT_ID: string | undefined;
declare const ADDIN_TENANT_ID: string | undefined;

export const CLIENT_ID: string = typeof ADDIN_CLIENT_ID === "string" ? ADDIN_CLIENT_ID : "";
export const TENANT_ID: string = typeof ADDIN_TENANT_ID === "string" ? ADDIN_TENANT_ID : "";
