/** Render tests: merged .docx → PDF with LibreOffice → text per page (needs soffice, pdftotext). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/render"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 300000,
};
