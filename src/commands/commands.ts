// Ribbon command page. The Home-tab button uses a ShowTaskpane action declared in the
// manifest, so no function is needed here; the page only has to initialise Office.
if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
}
