// The pane's sending journal in the document's add-in settings (word/send-journal.ts), on the
// strict Office mock: read back as written, damaged values ignored, a failed save said in
// Word's words (the run goes on: the message went), an empty journal removed.
import { storedJournal, storeJournal } from "../../src/word/send-journal";
import { installWordMock } from "./word-mock";

const KEY = "courriersEnt.envois";
const LINE = JSON.stringify({ login: "a.b", to: "a@example.test", messageId: "", at: "2026-09-01T08:00:00.000Z" });

it("keeps the lines in the document and reads them back", async () => {
  const { doc } = installWordMock();
  expect(storedJournal()).toEqual([]);
  expect(await storeJournal([LINE])).toBeNull();
  expect(doc.settings[KEY]).toEqual({ lines: [LINE] });
  expect(storedJournal()).toEqual([LINE]);
  // Emptied, the journal leaves the document.
  expect(await storeJournal([])).toBeNull();
  expect(doc.settings).not.toHaveProperty(KEY);
});

it.each([
  [{ lines: "pas une liste" }, []],
  [{ autre: [LINE] }, []],
  [null, []],
  [{ lines: [LINE, 3, null, "x"] }, [LINE, "x"]],
])("reads %j as %j", (value, lines) => {
  installWordMock({ settings: { [KEY]: value } });
  expect(storedJournal()).toEqual(lines);
});

it("says what Word answered when it cannot save, and keeps nothing half-written", async () => {
  const { doc } = installWordMock({ settingsSaveFails: { code: 5001, message: "Erreur interne" } });
  expect(await storeJournal([LINE])).toMatch(/Erreur interne/);
  expect(doc.settings).not.toHaveProperty(KEY);
});
