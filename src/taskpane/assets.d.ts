// Ready letters are bundled into the pane as data URLs (webpack asset/inline): the page's
// CSP forbids fetching anything, even from its own site.
declare module "*.docx" {
  const dataUrl: string;
  export default dataUrl;
}
